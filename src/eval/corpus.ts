// Real documents (../shared/corpus/), scored against the gold read from them:
// is each document described right (title, kind, region, years), are its
// review and plan parts found with the right years, and — for the documents
// whose statements are annotated — are its commitments and outcomes the
// reader's? The gold's shapes are mirrored here; test/gold/corpus/schema.ts
// parses the files.
import type { Understood } from '../ingest/pipeline.ts';
import { kindOfRole } from '../ingest/roles.ts';
import type { Span } from '../ingest/types.ts';
import type { StatementClass } from '../vocabulary.ts';
import { locateStatementsInOrder } from './locate.ts';
import { prf, sumPrf, type Prf } from './metrics.ts';
import { scoreStatements, type StatementScore } from './statements.ts';

export type PartRole = 'REVIEW' | 'PLAN' | 'OTHER';

export interface CorpusGold {
  readonly document: string;
  readonly title: string | null;
  readonly issuer: string;
  readonly kind: string;
  readonly region: string;
  readonly reviewYears: readonly number[];
  readonly planYears: readonly number[];
  readonly parts: ReadonlyArray<{ readonly heading: string; readonly role: PartRole; readonly from: number | null; readonly to: number | null }>;
}

export interface FieldCheck {
  readonly field: 'title' | 'issuer' | 'kind' | 'region' | 'years';
  readonly gold: string;
  readonly predicted: string;
  readonly ok: boolean;
}

export interface PartCheck {
  readonly heading: string;
  readonly gold: string;
  /** What plantrace made of the part, or null when no top-level part starts on that line. */
  readonly predicted: string | null;
  readonly ok: boolean;
}

export interface CorpusDocumentScore {
  readonly document: string;
  readonly description: readonly FieldCheck[];
  readonly described: boolean;
  readonly parts: readonly PartCheck[];
  /** Top-level parts plantrace found that the reader did not (their headings). */
  readonly extraParts: readonly string[];
  /** Review and plan parts with the right role and years / all review and plan parts of the gold. */
  readonly reviewAndPlan: { readonly right: number; readonly total: number };
}

const norm = (s: string | null): string => (s ?? '').replace(/\s+/g, '');
const yearsText = (ys: readonly number[]): string => (ys.length ? ys.join(',') : '—');
const partText = (role: string, from: number | null, to: number | null): string =>
  `${role} ${from === null ? '—' : from === to ? String(from) : `${from}–${to}`}`;

export function scoreCorpusDocument(gold: CorpusGold, u: Understood): CorpusDocumentScore {
  const d = u.description;
  const region = d.region.status === 'resolved' ? d.region.place.name : d.region.status;
  const years = [...new Set([...gold.reviewYears, ...gold.planYears])].sort((a, b) => a - b);
  const description: FieldCheck[] = [
    { field: 'title', gold: gold.title ?? '(none)', predicted: d.title || '(none)', ok: norm(gold.title) === norm(d.title) },
    { field: 'issuer', gold: gold.issuer, predicted: d.issuer ?? '(none)', ok: gold.issuer === d.issuer },
    { field: 'kind', gold: gold.kind, predicted: d.kind, ok: gold.kind === d.kind },
    { field: 'region', gold: gold.region, predicted: region, ok: gold.region === region },
    { field: 'years', gold: yearsText(years), predicted: yearsText(d.years), ok: yearsText(years) === yearsText(d.years) },
  ];

  const text = u.source.text;
  const top = u.sections.filter((s) => s.parentId === null);
  const used = new Set<string>();
  const parts: PartCheck[] = gold.parts.map((p) => {
    const line = lineOf(text, p.heading);
    const found = line ? top.find((s) => s.span.start >= line.start && s.span.start < line.end) : undefined;
    if (found) used.add(found.id);
    const predicted = found ? partText(roleOf(found.role), found.year, found.yearTo ?? found.year) : null;
    const expected = partText(p.role, p.from, p.to);
    return { heading: p.heading, gold: expected, predicted, ok: predicted === expected };
  });
  const extraParts = top.filter((s) => !used.has(s.id)).map((s) => text.slice(s.span.start, s.headingSpan.end));
  const reviewAndPlan = parts.filter((_, i) => gold.parts[i]!.role !== 'OTHER');
  return {
    document: gold.document,
    description,
    described: description.every((c) => c.ok),
    parts,
    extraParts,
    reviewAndPlan: { right: reviewAndPlan.filter((p) => p.ok).length, total: reviewAndPlan.length },
  };
}

/** A top-level part's role as the gold names it. */
function roleOf(role: Understood['sections'][number]['role']): PartRole {
  const kind = kindOfRole(role);
  return kind === 'RESULTS' ? 'REVIEW' : kind === 'PLAN' ? 'PLAN' : 'OTHER';
}

/** The span of the first line of the text that reads `heading` (trimmed, ignoring spaces). */
function lineOf(text: string, heading: string): Span | null {
  const want = norm(heading);
  let start = 0;
  for (const line of text.split('\n')) {
    if (norm(line) === want) return { start, end: start + line.length };
    start += line.length + 1;
  }
  return null;
}

export interface CorpusStatementScore {
  readonly document: string;
  readonly statements: StatementScore;
  readonly commitments: Prf;
  readonly outcomes: Prf;
}

/** Commitments and outcomes against the reader's: a statement counts when it matches a gold one of the same class. */
export function scoreCorpusStatements(document: string, gold: ReadonlyArray<{ readonly text: string; readonly class: StatementClass }>, u: Understood): CorpusStatementScore {
  const located = locateStatementsInOrder(u.source.text, gold.map((g) => g.text));
  if (!located.ok) throw new Error(`${document}: gold statement ${located.index} is not in the text in order: ${located.quote.slice(0, 40)}`);
  const goldStatements = gold.map((g, i) => ({ span: located.spans[i]!, class: g.class, text: g.text }));
  const predicted = u.statements.map((s) => ({ span: s.span, class: s.class, text: s.text }));
  const statements = scoreStatements(goldStatements, predicted);
  const of = (cls: StatementClass): Prf =>
    prf(statements.confusion[cls][cls], predicted.filter((p) => p.class === cls).length, goldStatements.filter((g) => g.class === cls).length);
  return { document, statements, commitments: of('COMMITMENT'), outcomes: of('OUTCOME') };
}

export interface CorpusOverall {
  readonly documents: number;
  readonly described: number;
  readonly reviewAndPlan: { readonly right: number; readonly total: number };
  readonly documentsWithAllParts: number;
  readonly commitments: Prf;
  readonly outcomes: Prf;
}

export function corpusOverall(docs: readonly CorpusDocumentScore[], statements: readonly CorpusStatementScore[]): CorpusOverall {
  return {
    documents: docs.length,
    described: docs.filter((d) => d.described).length,
    reviewAndPlan: { right: docs.reduce((n, d) => n + d.reviewAndPlan.right, 0), total: docs.reduce((n, d) => n + d.reviewAndPlan.total, 0) },
    documentsWithAllParts: docs.filter((d) => d.parts.every((p) => p.ok) && d.extraParts.length === 0).length,
    commitments: sumPrf(statements.map((s) => s.commitments)),
    outcomes: sumPrf(statements.map((s) => s.outcomes)),
  };
}
