// Checks on the container of a Word 97-2003 file (an OLE2 compound file)
// before word-extractor reads it. word-extractor trusts the container's
// tables: a chain of sectors that loops back makes it collect sector numbers
// until the heap runs out (the 13 KB fixture with two numbers changed took
// the process down in 5 s at 2.5 GiB), a directory whose entries are shared
// makes it walk them again and again, and the header's sizes decide how much
// it allocates. Nothing here reads the document itself; the layout is
// [MS-CFB] (header, FAT, DIFAT, mini FAT, directory).
import { problem, type Problem } from './outcome.ts';

const HEADER_FAT_IDS = 109;
const DIRECTORY_ENTRY_BYTES = 128;
const NO_ENTRY = -1;
const STORAGE = 1;
const ROOT = 5;

/** What about the container would make word-extractor loop or over-allocate; null when it is safe to hand over. */
export function compoundFileProblem(bytes: Buffer): Problem | null {
  if (bytes.length < 512) return damaged('it is shorter than its 512-byte header');
  const sectorShift = bytes.readUInt16LE(30);
  // [MS-CFB]: 512-byte sectors (version 3) or 4096 (version 4), 64-byte mini sectors.
  if ((sectorShift !== 9 && sectorShift !== 12) || bytes.readUInt16LE(32) !== 6) {
    return damaged(`its header gives sectors of 2^${sectorShift} bytes, not 512 or 4096`);
  }
  const size = 1 << sectorShift;
  const sectors = Math.max(0, Math.ceil(bytes.length / size) - 1);
  const counts = { fat: bytes.readInt32LE(44), miniFat: bytes.readInt32LE(64), difat: bytes.readInt32LE(72) };
  if (Object.values(counts).some((n) => n < 0 || n > sectors)) {
    return damaged(`its header lists more table sectors than the file's ${sectors}`);
  }
  const read = (id: number): Int32Array => sectorIds(bytes, id, size, sectors);
  const fat = concat(fatSectorIds(bytes, counts.fat, counts.difat, read).map(read));
  if (loops(fat)) return damaged('its sector allocation table loops back on itself');
  const chain = (start: number) => follow(fat, start);
  const miniFat = concat(chain(bytes.readInt32LE(60)).map(read));
  if (loops(miniFat)) return damaged('its mini sector allocation table loops back on itself');
  const directory = concat(chain(bytes.readInt32LE(48)).map(read));
  if (sharesEntries(directory)) return damaged('its directory lists an entry twice');
  return null;
}

function damaged(why: string): Problem {
  return problem('CORRUPT', `is a damaged Word 97-2003 (.doc) file (${why}; refused before reading it)`);
}

/** A sector as 32-bit integers; a sector outside the file reads as free entries. */
function sectorIds(bytes: Buffer, id: number, size: number, sectors: number): Int32Array {
  const out = new Int32Array(size / 4).fill(NO_ENTRY);
  if (id < 0 || id >= sectors) return out;
  const at = (id + 1) * size;
  for (let i = 0; i < out.length && at + i * 4 + 4 <= bytes.length; i++) out[i] = bytes.readInt32LE(at + i * 4);
  return out;
}

/** The FAT's own sectors: 109 in the header, the rest along the DIFAT chain (at most `difat` sectors long). */
function fatSectorIds(bytes: Buffer, fat: number, difat: number, read: (id: number) => Int32Array): number[] {
  const ids: number[] = [];
  for (let i = 0; i < HEADER_FAT_IDS && ids.length < fat; i++) ids.push(bytes.readInt32LE(76 + i * 4));
  let next = bytes.readInt32LE(68);
  for (let n = 0; n < difat && ids.length < fat; n++) {
    const sector = read(next);
    for (let i = 0; i < sector.length - 1 && ids.length < fat; i++) ids.push(sector[i]!);
    next = sector[sector.length - 1]!;
  }
  return ids;
}

/**
 * Whether following `next` from some entry comes back to an entry of the same
 * walk. One pass: each entry is walked from once.
 */
function loops(next: Int32Array): boolean {
  const state = new Uint8Array(next.length); // 0 unseen, 1 on this walk, 2 done
  for (let start = 0; start < next.length; start++) {
    let at = start;
    while (at >= 0 && at < next.length && state[at] === 0) {
      state[at] = 1;
      at = next[at]!;
    }
    if (at >= 0 && at < next.length && state[at] === 1) return true;
    for (at = start; at >= 0 && at < next.length && state[at] === 1; at = next[at]!) state[at] = 2;
  }
  return false;
}

/** The chain from `start`, on a table known not to loop. */
function follow(table: Int32Array, start: number): number[] {
  const ids: number[] = [];
  for (let at = start; at >= 0 && at < table.length; at = table[at]!) ids.push(at);
  return ids;
}

/**
 * Whether the directory's trees (each storage's children, kept as a binary
 * tree by left and right siblings) reach an entry twice, from the root down.
 */
function sharesEntries(directory: Int32Array): boolean {
  const count = (directory.length * 4) / DIRECTORY_ENTRY_BYTES;
  const field = (entry: number, offset: number) => directory[(entry * DIRECTORY_ENTRY_BYTES + offset) / 4]!;
  // The entry's type is its byte 66, the third byte of the integer at 64.
  const type = (entry: number) => (field(entry, 64) >>> 16) & 0xff;
  let root = -1;
  for (let i = 0; i < count && root === -1; i++) if (type(i) === ROOT) root = i;
  if (root === -1) return false;
  const seen = new Uint8Array(count);
  const todo = [root];
  while (todo.length) {
    const entry = todo.pop()!;
    if (entry < 0 || entry >= count) continue;
    if (seen[entry]) return true;
    seen[entry] = 1;
    if (entry !== root) todo.push(field(entry, 68), field(entry, 72));
    if (entry === root || type(entry) === STORAGE) todo.push(field(entry, 76));
  }
  return false;
}

function concat(parts: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
