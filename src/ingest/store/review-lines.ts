// Reviewers' decisions as lines of NDJSON: what `plantrace reviews export`
// writes and `plantrace reviews import` reads, one decision a line, oldest
// first. Every line is checked before anything is imported.
import { z } from 'zod';
import { REVIEW_DECISIONS, REVIEW_KINDS } from '../../vocabulary.ts';

/** The longest note and reviewer label kept: a note is a sentence or two, a reviewer a name or initials. */
export const REVIEW_LIMITS = { note: 2000, reviewer: 100, id: 200 } as const;

// Control characters would break the one-line form of a label; a note may have line breaks.
const label = z
  .string()
  .trim()
  .min(1)
  .max(REVIEW_LIMITS.reviewer)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters');
const note = z
  .string()
  .trim()
  .min(1)
  .max(REVIEW_LIMITS.note)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'no control characters');
const statementId = z.string().min(1).max(REVIEW_LIMITS.id);

/** The optional reviewer label and note as both boundaries (the API, a file) take them: blank is none. */
export const ReviewerLabel = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), label.nullable());
export const ReviewNote = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), note.nullable());

export const ReviewLine = z.strictObject({
  kind: z.enum(REVIEW_KINDS),
  fromId: statementId,
  toId: statementId,
  decision: z.enum(REVIEW_DECISIONS),
  note: ReviewNote,
  reviewer: ReviewerLabel,
  // Stored as UTC with milliseconds, so that comparing two as strings compares the times.
  at: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()),
  /** What the reviewer saw at the two ids: the decision holds while the statements still read so. */
  fromText: z.string().min(1),
  toText: z.string().min(1),
});
export type ReviewLine = z.output<typeof ReviewLine>;

export type ParsedLines = { readonly ok: true; readonly lines: readonly ReviewLine[] } | { readonly ok: false; readonly problems: readonly string[] };

/** At most this many problems are listed: a wrong file has one on every line. */
const MAX_PROBLEMS = 10;

/** NDJSON → decisions; blank lines are skipped. Any bad line fails the whole file, with each problem's line number. */
export function parseReviewLines(text: string): ParsedLines {
  const lines: ReviewLine[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || problems.length >= MAX_PROBLEMS) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push(`line ${i + 1}: not JSON (${(error as Error).message})`);
      return;
    }
    const parsed = ReviewLine.safeParse(json);
    if (parsed.success) lines.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      problems.push(`line ${i + 1}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, lines };
}

/** Decisions → NDJSON, a line each, with the keys in one order. */
export function formatReviewLines(lines: readonly ReviewLine[]): string {
  return lines
    .map((l) =>
      JSON.stringify({ kind: l.kind, fromId: l.fromId, toId: l.toId, decision: l.decision, note: l.note, reviewer: l.reviewer, at: l.at, fromText: l.fromText, toText: l.toText }),
    )
    .map((line) => `${line}\n`)
    .join('');
}
