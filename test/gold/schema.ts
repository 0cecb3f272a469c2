// The shape of an annotated seed (test/gold/annotations/<seed>.json). The gold
// is made by reading the documents; this schema is the file boundary that the
// gold test and the eval both parse through. Rules for annotators: README.md.
import { z } from 'zod';
import { INSTITUTION_TYPES, STATEMENT_CLASSES, VALUE_KINDS } from '../../src/vocabulary.ts';

export { INSTITUTION_TYPES, STATEMENT_CLASSES, VALUE_KINDS };
export const FACT_TYPES = ['statements', 'institutions', 'quantities', 'indicatorValues', 'projects'] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** Why an annotation was made the way it was, when a reader might wonder. */
const note = z.string().min(1).optional();
/** An exact substring of the original seed text. */
const quote = z.string().min(1);

export const GoldStatement = z.strictObject({
  text: quote,
  class: z.enum(STATEMENT_CLASSES),
  note,
});

export const GoldInstitution = z.strictObject({
  /** One way the document writes it (the most frequent). */
  text: quote,
  /** The full name, with the document's region made explicit when the text implies it. */
  name: z.string().min(1),
  type: z.enum(INSTITUTION_TYPES),
  /** Other ways the document writes the same institution (exact substrings), so a prediction using them is not a false hit. */
  aliases: z.array(quote).optional(),
  note,
});

export const GoldQuantity = z
  .strictObject({
    text: quote,
    /** With 万/亿 applied; null only when masked. For a range, the lower end. */
    value: z.number().nullable(),
    upper: z.number().optional(),
    unit: z.string().min(1).nullable(),
    masked: z.boolean(),
    note,
  })
  .refine((q) => q.masked === (q.value === null), { message: 'value is null exactly when the quantity is masked' });

export const GoldIndicatorValue = z
  .strictObject({
    indicator: z.string().min(1),
    /** The value as written (the number with its unit), an exact substring. */
    text: quote,
    value: z.number().nullable(),
    upper: z.number().optional(),
    unit: z.string().min(1).nullable(),
    kind: z.enum(VALUE_KINDS),
    year: z.number().int().min(1949).max(2100).nullable(),
    masked: z.boolean().optional(),
    note,
  })
  .refine((v) => (v.masked === true) === (v.value === null), { message: 'value is null exactly when masked: true' });

export const GoldProject = z.strictObject({
  /** The project's name as written at its first mention: an exact substring. */
  name: quote,
  /** Other ways the document writes the same project (exact substrings). */
  aliases: z.array(quote).optional(),
  note,
});

const SEED_NAME = /^\d{3}_[0-9a-f]+\.txt$/;

export const GoldDocument = z
  .strictObject({
    /** The annotated file's name: a seed's (`000_….txt`, read from seeds/) or, with `source`, any `.txt` name. */
    document: z.string().regex(/^[\w.-]+\.txt$/),
    /**
     * Where the text is, repo-relative, for a document that is not a seed (the
     * project's own documents under test/fixtures/corpus/); absent for seeds.
     */
    source: z.string().regex(/^[\w./-]+\.txt$/).optional(),
    /** Which fact types are annotated completely; the eval scores only those. */
    complete: z.strictObject({
      statements: z.boolean(),
      institutions: z.boolean(),
      quantities: z.boolean(),
      indicatorValues: z.boolean(),
      projects: z.boolean(),
    }),
    notes: z.array(z.string().min(1)).optional(),
    statements: z.array(GoldStatement),
    institutions: z.array(GoldInstitution),
    quantities: z.array(GoldQuantity),
    indicatorValues: z.array(GoldIndicatorValue),
    projects: z.array(GoldProject),
  })
  .refine((d) => (d.source === undefined ? SEED_NAME.test(d.document) : d.source.split('/').at(-1) === d.document), {
    message: 'a seed is named like 000_<hash>.txt; a document with a source is named after its source file',
  });

export type GoldStatement = z.infer<typeof GoldStatement>;
export type GoldInstitution = z.infer<typeof GoldInstitution>;
export type GoldQuantity = z.infer<typeof GoldQuantity>;
export type GoldIndicatorValue = z.infer<typeof GoldIndicatorValue>;
export type GoldProject = z.infer<typeof GoldProject>;
export type GoldDocument = z.infer<typeof GoldDocument>;

// The indicator-table gold (test/gold/002-indicators.json, written earlier and read-only here).
const GoldTableCell = z.object({
  text: z.string(),
  value: z.number().nullable(),
  comparator: z.string().nullable(),
  qualitative: z.string().nullable(),
  footnote: z.string().nullable(),
  missing: z.boolean(),
});

export const GoldIndicatorTable = z.object({
  source: z.string().regex(/^seeds\/.+\.txt$/),
  title: z.string(),
  baselineYear: z.number().int(),
  targetYear: z.number().int(),
  rows: z.array(
    z.object({
      number: z.string(),
      category: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      baseline: GoldTableCell,
      target: GoldTableCell,
      attribute: z.string().nullable(),
    }),
  ),
});
export type GoldIndicatorTable = z.infer<typeof GoldIndicatorTable>;

// The 专栏 box gold (test/gold/002-boxes.json, written earlier and read-only here).
export const GoldBoxes = z.object({
  source: z.string().regex(/^seeds\/.+\.txt$/),
  boxes: z.array(z.object({ number: z.number().int(), title: z.string(), items: z.array(z.string()) })),
});
export type GoldBoxes = z.infer<typeof GoldBoxes>;
