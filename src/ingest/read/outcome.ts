import type { ReadFailureCode } from '../types.ts';

/**
 * What one format reader made of the bytes. A failure carries only the
 * predicate of the sentence ("is empty"); the caller puts the file name in
 * front, so every reason reads `"name" is empty.` whichever reader wrote it.
 */
export type Extracted = { readonly ok: true; readonly text: string; readonly encoding: string } | Problem;

export interface Problem {
  readonly ok: false;
  readonly code: ReadFailureCode;
  readonly problem: string;
}

export function extracted(text: string, encoding: string): Extracted {
  return { ok: true, text, encoding };
}

export function problem(code: ReadFailureCode, problem: string): Problem {
  return { ok: false, code, problem };
}

/** A library's error message, made safe to quote inside one sentence. */
export function quoteError(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const flat = raw.replace(/\s+/g, ' ').trim().replace(/[.。]+$/, '');
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
