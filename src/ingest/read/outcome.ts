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

/** Bytes in MiB for messages: `51`, `0.5`. */
export function mib(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * A Problem thrown through a library that calls back into us (mammoth reads
 * a .docx's parts through our reader), so that it comes out the other side
 * as the Problem it was, not as the library's failure.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';
  constructor(readonly problem: Problem) {
    super(problem.problem);
  }
}
