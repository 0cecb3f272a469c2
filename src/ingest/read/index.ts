// Reading one document file into text: detect the format from the bytes,
// hand them to that format's reader, and turn every way this can go wrong
// into a ReadFailure a researcher can act on. Nothing here throws for bad input.
import { readFile as readFileBytes, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ReadFailureCode, ReadResult, SourceFormat } from '../types.ts';
import { detectFormat } from './detect.ts';
import { READERS } from './formats.ts';
import { mib, problem, quoteError, type Extracted, type Problem } from './outcome.ts';

export { READERS, SUPPORTED_EXTENSIONS, SUPPORTED_LIST } from './formats.ts';


export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Read one file's bytes into text. Never throws for bad input: returns {ok:false, failure}. */
export async function readBytes(name: string, bytes: Uint8Array): Promise<ReadResult> {
  return readNamed(name, name, bytes);
}

/** Read a file from disk (stat first: missing/unreadable/too large give failures, never throws). */
export async function readFile(path: string): Promise<ReadResult> {
  const checked = await checkPath(path);
  if (checked) return fail(path, checked);
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(path);
  } catch (err) {
    return fail(path, fsProblem(err));
  }
  return readNamed(path, basename(path), bytes);
}

/**
 * `label` names the file in failures (the path the user gave); `name` is the
 * basename that becomes the document's identity and breaks format ties.
 */
async function readNamed(label: string, name: string, bytes: Uint8Array): Promise<ReadResult> {
  const early = sizeProblem(bytes.byteLength);
  if (early) return fail(label, early);
  const detected = detectFormat(name, bytes);
  if (!detected.ok) return fail(label, detected);
  const result = await extractSafely(detected.format, bytes);
  if (!result.ok) return fail(label, result);
  if (result.text.trim() === '') return fail(label, problem('EMPTY', 'contains no text, only whitespace'));
  return { ok: true, source: { name, format: detected.format, encoding: result.encoding, text: result.text }, bytes };
}

async function extractSafely(format: SourceFormat, bytes: Uint8Array): Promise<Extracted> {
  try {
    return await READERS[format].read(bytes);
  } catch (err) {
    // The readers catch their libraries' errors; this is the last line for
    // anything a library throws where we did not expect it.
    return problem('CORRUPT', `could not be read as ${format} (${quoteError(err)})`);
  }
}

function sizeProblem(size: number): Problem | null {
  if (size === 0) return problem('EMPTY', 'is empty (0 bytes)');
  if (size > MAX_FILE_BYTES) {
    return problem('TOO_LARGE', `is ${mib(size)} MiB, over the ${mib(MAX_FILE_BYTES)} MiB limit for one document`);
  }
  return null;
}

/** Problems visible without reading the file; null when it is worth opening. */
async function checkPath(path: string): Promise<Problem | null> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return problem('UNREADABLE', 'is a folder, not a file');
    if (!info.isFile()) return problem('UNREADABLE', 'is not a regular file (a device, pipe or socket)');
    return info.size > MAX_FILE_BYTES ? sizeProblem(info.size) : null;
  } catch (err) {
    return fsProblem(err);
  }
}

function fsProblem(err: unknown): Problem {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return problem('NOT_FOUND', 'does not exist');
  if (code === 'EACCES' || code === 'EPERM') return problem('UNREADABLE', 'cannot be opened: permission denied');
  if (code === 'EISDIR') return problem('UNREADABLE', 'is a folder, not a file');
  return problem('UNREADABLE', `cannot be read (${quoteError(err)})`);
}

function fail(file: string, { code, problem: what }: { code: ReadFailureCode; problem: string }): ReadResult {
  return { ok: false, failure: { file, code, reason: `"${file}" ${what}.` } };
}
