import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Intake, INTAKE_FILE, settleBytes } from '../../../src/ingest/store/intake.ts';

const root = mkdtempSync(join(tmpdir(), 'plantrace-intake-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = join(root, String(n++));
  mkdirSync(dir, { recursive: true });
  return { dir, intake: Intake.open(dir) };
};
const doc = (name: string, text = `文本 ${name}`) => ({ name, at: '2026-12-07T10:00:00.000Z', bytes: Buffer.from(text) });
const names = (intake: Intake) => intake.pending().map((e) => e.name);

describe('the intake journal', () => {
  it('gives back, after a reopen, every document appended, in order, byte for byte', () => {
    const { dir, intake } = fresh();
    intake.append([doc('a.txt'), doc('b.docx', '\u0000\u00ff二进制')]);
    intake.append([doc('c.txt')]);
    const again = Intake.open(dir);
    expect(names(again)).toEqual(['a.txt', 'b.docx', 'c.txt']);
    expect(Buffer.from(again.pending()[1]!.bytes).toString()).toBe('\u0000\u00ff二进制');
    expect(again.pending()[0]!.at).toBe('2026-12-07T10:00:00.000Z');
  });

  it('does not redo a document whose commit failed (voided)', () => {
    const { dir, intake } = fresh();
    const [a, b] = intake.append([doc('a.txt'), doc('b.txt')]);
    intake.void([a!]);
    expect(names(intake)).toEqual(['b.txt']);
    expect(names(Intake.open(dir))).toEqual(['b.txt']);
    expect(b!.seq).toBeGreaterThan(a!.seq);
  });

  it('forgets on settle only what was appended before the mark, keeping later entries and their numbers', () => {
    const { dir, intake } = fresh();
    intake.append([doc('a.txt'), doc('b.txt')]);
    const mark = intake.mark();
    const [c] = intake.append([doc('c.txt')]);
    intake.settle(mark);
    expect(names(intake)).toEqual(['c.txt']);
    const again = Intake.open(dir);
    expect(again.pending().map((e) => [e.name, e.seq])).toEqual([['c.txt', c!.seq]]);
    // New entries after a reopen never reuse a number.
    expect(again.append([doc('d.txt')])[0]!.seq).toBeGreaterThan(c!.seq);
    intake.settle(intake.mark());
    expect(Intake.open(dir).pending()).toEqual([]);
    expect(readFileSync(join(dir, INTAKE_FILE), 'utf8')).toBe('');
  });

  it('skips a torn last line (a crash in the middle of an append, never acknowledged) and counts it', () => {
    const { dir, intake } = fresh();
    intake.append([doc('a.txt')]);
    appendFileSync(join(dir, INTAKE_FILE), '{"seq":1,"name":"b.txt","at":"2026-12-07T10:00:00.000Z","bytes":"5Lit');
    const again = Intake.open(dir);
    expect(names(again)).toEqual(['a.txt']);
    expect(again.torn).toBe(1);
  });

  it('reads an absent journal as empty, and takes its size limit from PLANTRACE_SETTLE_BYTES', () => {
    expect(Intake.open(join(root, 'nothing-here')).pending()).toEqual([]);
    expect(settleBytes({})).toBe(64 * 1024 * 1024);
    expect(settleBytes({ PLANTRACE_SETTLE_BYTES: '1000' })).toBe(1000);
    expect(() => settleBytes({ PLANTRACE_SETTLE_BYTES: 'lots' })).toThrow(/PLANTRACE_SETTLE_BYTES/);
  });
});
