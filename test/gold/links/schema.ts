// The shape of a link gold file (test/gold/links/<pair>.json, and the fixture
// pair's test/fixtures/corpus/links.json): which result reports on which
// commitment and with what verdict, which later commitment continues which
// earlier commitment or result, and the status a reader expects. Every text is
// a statement's text as the statement gold cuts it (an exact substring of one
// of `documents`). How the Nanyang gold was made: test/gold/README.md.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { STATUSES, VERDICTS } from '../../../src/vocabulary.ts';

export { STATUSES, VERDICTS };

const text = z.string().min(1);
const note = z.string().min(1).optional();

export const GoldEvidence = z.strictObject({ commitment: text, outcome: text, verdict: z.enum(VERDICTS), note });
export const GoldContinuation = z.strictObject({ later: text, earlier: text, note });
export const GoldStatus = z.strictObject({ commitment: text, status: z.enum(STATUSES), note });

export const LinkGold = z
  .strictObject({
    /** The files the texts quote: seed file names, or files beside the gold file. */
    documents: z.array(z.string().min(1)).min(1),
    notes: z.array(z.string().min(1)).optional(),
    evidence: z.array(GoldEvidence),
    continuation: z.array(GoldContinuation),
    status: z.array(GoldStatus),
  })
  .refine((g) => new Set(g.evidence.map((e) => `${e.commitment}\u0000${e.outcome}`)).size === g.evidence.length, { message: 'an evidence pair is listed twice' })
  .refine((g) => new Set(g.continuation.map((e) => `${e.later}\u0000${e.earlier}`)).size === g.continuation.length, { message: 'a continuation pair is listed twice' })
  .refine((g) => new Set(g.status.map((s) => s.commitment)).size === g.status.length, { message: 'a commitment has two expected statuses' });

export type GoldEvidence = z.infer<typeof GoldEvidence>;
export type GoldContinuation = z.infer<typeof GoldContinuation>;
export type GoldStatus = z.infer<typeof GoldStatus>;
export type LinkGold = z.infer<typeof LinkGold>;

export const NANYANG_LINKS = 'test/gold/links/nanyang.json';
export const LUOYANG_LINKS = 'test/fixtures/corpus/links.json';
export const LINCHUAN_LINKS = 'test/gold/links/linchuan.json';

/** A link gold file, parsed; throws with the file's name when it does not fit. */
export function loadLinkGold(file: string): LinkGold {
  const parsed = LinkGold.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} does not fit the link gold schema: ${parsed.error.message}`);
  return parsed.data;
}
