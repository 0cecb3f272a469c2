// The shape of the national reporting gold (test/gold/links/national/<Y>-<Y+1>.json):
// the year-Y plan of the State Council's report of year Y against the review
// part of the report of year Y+1 — the 预期目标 with their actuals and verdicts
// from the numbers, and 30 evenly chosen tasks with their reporting state and
// evidence. How it was made: test/gold/README.md, "Reporting across the
// national reports". Quotes are exact substrings of the documents, which stay
// in ../shared/corpus/national.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { VERDICTS } from '../../../src/vocabulary.ts';

const quote = z.string().min(1);
const note = z.string().min(1).optional();

export const TARGET_COMPARATORS = ['AT_LEAST', 'AT_MOST', 'ABOUT', 'RANGE', 'EXACT'] as const;

export const NationalTarget = z.strictObject({
  indicator: z.string().min(1),
  quote,
  value: z.number(),
  upper: z.number().optional(),
  unit: z.string().nullable(),
  comparator: z.enum(TARGET_COMPARATORS),
  better: z.enum(['HIGHER', 'LOWER']),
  actual: z.strictObject({ quote, value: z.number() }).nullable(),
  verdict: z.enum(['MET', 'EXCEEDED', 'NOT_MET']).nullable(),
  note,
});

export const NationalTask = z
  .strictObject({
    commitment: quote,
    state: z.enum(['REPORTED', 'SILENT']),
    evidence: z.array(z.strictObject({ outcome: quote, verdict: z.enum(VERDICTS), note })),
    note,
  })
  .refine((t) => (t.state === 'SILENT') === (t.evidence.length === 0), { message: 'a REPORTED task has evidence and a SILENT one none' });

export const NationalGold = z.strictObject({
  plan: z.string().min(1),
  review: z.string().min(1),
  year: z.number().int(),
  targets: z.array(NationalTarget),
  tasks: z.array(NationalTask).length(30),
});

export type NationalTarget = z.infer<typeof NationalTarget>;
export type NationalTask = z.infer<typeof NationalTask>;
export type NationalGold = z.infer<typeof NationalGold>;

export const NATIONAL_GOLD_DIR = 'test/gold/links/national';

/** Every national pair's gold, in year order; throws naming the file that does not fit. */
export function loadNationalGold(dir = NATIONAL_GOLD_DIR): Array<{ file: string; gold: NationalGold }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = NationalGold.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file} does not fit the national gold schema: ${parsed.error.message}`);
      return { file, gold: parsed.data };
    });
}
