// The intake journal: the documents this store acknowledged since its last
// checkpoint, kept as the bytes they were read from, so that a crash loses
// none of them.
//
// Why our own journal: LadybugDB 0.19.1 cannot replay a journal that holds a
// value over ~4 KiB (every document's text), so after a kill -9 or a power
// loss the store reopens at its last checkpoint (docs/engines.md, trap 5).
// Checkpointing after every write would make each write cost in proportion
// to the whole store. Ingest is deterministic (the same bytes, name and time
// give the same subgraph), so keeping the inputs is enough to redo the writes:
// an entry is appended and fsynced before its document is committed, and the
// journal is emptied only after a checkpoint has put every committed write in
// the database file. Opening a store replays what the journal holds; a
// document already stored unchanged is skipped, so a replay is idempotent.
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const INTAKE_FILE = 'plantrace.intake';

/**
 * Past this size the writer checkpoints and empties the journal (settle): a
 * replay after a crash then redoes at most about this much input, and the
 * journal's disk use stays bounded on a long-running server. 64 MiB, the
 * engine's own checkpoint threshold; PLANTRACE_SETTLE_BYTES overrides it (the
 * crash test makes checkpoints frequent, to kill the process during them).
 */
export function settleBytes(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = z.coerce.number().int().min(0).default(64 * 1024 * 1024).safeParse(env.PLANTRACE_SETTLE_BYTES || undefined);
  if (!parsed.success) throw new Error(`PLANTRACE_SETTLE_BYTES must be a whole number of bytes, not "${env.PLANTRACE_SETTLE_BYTES}".`);
  return parsed.data;
}

/** One acknowledged document, as given: its name (its identity), when it was ingested, its bytes. */
export interface IntakeEntry {
  readonly seq: number;
  readonly name: string;
  /** The ingest time its batch was stamped with; a replay uses it again, so the replayed subgraph is the same. */
  readonly at: string;
  readonly bytes: Uint8Array;
}

const Line = z.union([
  z.strictObject({ seq: z.number().int().nonnegative(), name: z.string().min(1), at: z.iso.datetime(), bytes: z.base64() }),
  // A document whose commit failed after its entry was written: not to be redone.
  z.strictObject({ void: z.number().int().nonnegative() }),
]);

export class Intake {
  private nextSeq: number;

  private constructor(
    private readonly file: string,
    private entries: IntakeEntry[],
    /** Lines that could not be read: a torn last line from a crash in the middle of an append (never acknowledged). */
    readonly torn: number,
  ) {
    this.nextSeq = entries.reduce((n, e) => Math.max(n, e.seq + 1), 0);
  }

  /** The journal in `dir`, read; an absent file is an empty journal. */
  static open(dir: string): Intake {
    const file = join(dir, INTAKE_FILE);
    if (!existsSync(file)) return new Intake(file, [], 0);
    const entries = new Map<number, IntakeEntry>();
    let torn = 0;
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      if (text === '') continue;
      let line;
      try {
        line = Line.parse(JSON.parse(text));
      } catch {
        torn++;
        continue;
      }
      if ('void' in line) entries.delete(line.void);
      else entries.set(line.seq, { seq: line.seq, name: line.name, at: line.at, bytes: Buffer.from(line.bytes, 'base64') });
    }
    return new Intake(file, [...entries.values()].sort((a, b) => a.seq - b.seq), torn);
  }

  /** What is to be redone, in the order it was acknowledged. */
  pending(): readonly IntakeEntry[] {
    return this.entries;
  }

  /** The journal's size on disk. */
  bytes(): number {
    return existsSync(this.file) ? statSync(this.file).size : 0;
  }

  /**
   * Append documents and fsync before returning: once this returns, a crash
   * cannot lose them. Throws (ENOSPC…) when they could not be made durable;
   * the caller must then not commit them.
   */
  append(documents: ReadonlyArray<{ readonly name: string; readonly at: string; readonly bytes: Uint8Array }>): IntakeEntry[] {
    const added = documents.map((d) => ({ ...d, seq: this.nextSeq++ }));
    this.writeEntries(added);
    this.entries.push(...added);
    return added;
  }

  /** The sequence number the next entry gets: settle(upTo) with this forgets everything appended so far. */
  mark(): number {
    return this.nextSeq;
  }

  /** Mark entries whose commit failed, so a replay does not redo them. Best effort: a failed write only means a replay retries (and fails) again. */
  void(entries: readonly IntakeEntry[]): void {
    const seqs = new Set(entries.map((e) => e.seq));
    this.entries = this.entries.filter((e) => !seqs.has(e.seq));
    try {
      this.write(entries.map((e) => JSON.stringify({ void: e.seq })).join('\n') + '\n');
    } catch {
      /* see above */
    }
  }

  /**
   * Forget the entries appended before `upTo` (a mark()): call only after a
   * checkpoint that followed their commits. Entries appended since stay, with
   * their numbers.
   */
  settle(upTo: number): void {
    const keep = this.entries.filter((e) => e.seq >= upTo);
    const fd = openSync(this.file, 'a');
    try {
      ftruncateSync(fd, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.entries = keep;
    if (keep.length) this.writeEntries(keep);
  }

  private writeEntries(entries: readonly IntakeEntry[]): void {
    if (!entries.length) return;
    this.write(entries.map((e) => JSON.stringify({ seq: e.seq, name: e.name, at: e.at, bytes: Buffer.from(e.bytes).toString('base64') })).join('\n') + '\n');
  }

  private write(text: string): void {
    const created = !existsSync(this.file);
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // A new file's name is durable only once its folder is.
    if (created) fsyncDir(join(this.file, '..'));
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
