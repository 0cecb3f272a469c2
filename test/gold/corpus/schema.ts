// The shape of the real corpus's gold (test/gold/corpus/): per document its
// description and top-level parts, and for three documents every statement.
// Made by reading the documents in ../shared/corpus/, which stay there; rules
// in test/gold/README.md, "The real corpus".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { STATEMENT_CLASSES } from '../../../src/vocabulary.ts';

export const CORPUS_GOLD_DIR = 'test/gold/corpus';

/** Where the corpus is: ../shared/corpus beside the repository, unless PLANTRACE_CORPUS says otherwise. */
export const corpusDir = (): string => process.env.PLANTRACE_CORPUS ?? join('..', 'shared', 'corpus');

const year = z.number().int().min(1949).max(2100);
const years = z.array(year).refine((ys) => ys.every((y, i) => i === 0 || ys[i - 1]! < y), 'years sorted, each once');

export const PART_ROLES = ['REVIEW', 'PLAN', 'OTHER'] as const;
export type PartRole = (typeof PART_ROLES)[number];

export const GoldPart = z
  .strictObject({ heading: z.string().min(1), role: z.enum(PART_ROLES), from: year.nullable(), to: year.nullable() })
  .refine((p) => (p.from === null) === (p.to === null) && (p.from === null || p.from <= p.to!), 'from and to both null, or from ≤ to');

export const GoldCorpusDocument = z.strictObject({
  document: z.string().regex(/\.(txt|docx)$/),
  collection: z.enum(['national', 'provinces']),
  title: z.string().min(1).nullable(),
  titleQuote: z.string().min(1).nullable(),
  issuer: z.string().min(1),
  kind: z.enum(['WORK_REPORT', 'FIVE_YEAR_PLAN', 'ACTION_PLAN', 'ANNUAL_PLAN', 'ANNUAL_SUMMARY', 'SUMMARY_AND_PLAN', 'OTHER']),
  region: z.string().min(1),
  reviewYears: years,
  planYears: years,
  parts: z.array(GoldPart).min(1),
  notes: z.array(z.string().min(1)).optional(),
});
export type GoldCorpusDocument = z.infer<typeof GoldCorpusDocument>;

export const GoldCorpusStatements = z.strictObject({
  document: z.string().regex(/\.(txt|docx)$/),
  statements: z.array(z.strictObject({ text: z.string().min(1), class: z.enum(STATEMENT_CLASSES), note: z.string().min(1).optional() })),
});
export type GoldCorpusStatements = z.infer<typeof GoldCorpusStatements>;

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const r = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.success) throw new Error(`${file} does not fit its schema: ${r.error.message}`);
  return r.data;
}

export function loadCorpusGold(dir = CORPUS_GOLD_DIR): GoldCorpusDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parse(GoldCorpusDocument, join(dir, f)));
}

export function loadCorpusStatementGold(dir = join(CORPUS_GOLD_DIR, 'statements')): GoldCorpusStatements[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parse(GoldCorpusStatements, join(dir, f)));
}

/** The path of a gold document's file in the corpus. */
export const corpusPath = (g: { readonly document: string }, collection: string): string => join(corpusDir(), collection, g.document);
