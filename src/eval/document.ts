// Scoring one document against its gold, and adding documents up. Pure: the
// caller reads the files and runs the pipeline.
import { scoreIndicatorValues, scoreInstitutions, scoreProjects, scoreQuantities, type FactScore } from './facts.ts';
import { locateInOrder, locateStatementsInOrder } from './locate.ts';
import { ratio, sumPrf, type Prf } from './metrics.ts';
import { addConfusion, emptyConfusion, scoreStatements, type Confusion, type StatementScore } from './statements.ts';
import { scoreTableRows, type TableScore } from './tables.ts';
import type { GoldInput, GoldTableRow, Prediction } from './types.ts';

export type Skip = { readonly skipped: 'gold incomplete' | 'facts not wired' };
export type Scored<T> = T | Skip;

export const FACT_KINDS = ['institutions', 'quantities', 'indicatorValues', 'projects'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface DocumentScore {
  readonly document: string;
  readonly statements: Scored<StatementScore>;
  readonly institutions: Scored<FactScore<unknown, unknown>>;
  readonly quantities: Scored<FactScore<unknown, unknown>>;
  readonly indicatorValues: Scored<FactScore<unknown, unknown>>;
  readonly projects: Scored<FactScore<unknown, unknown>>;
  /** Only for documents with a gold indicator table. */
  readonly table: TableScore | null;
}

export function isSkip<T extends object>(s: Scored<T>): s is Skip {
  return 'skipped' in s;
}

/** `text` is the document's ORIGINAL text, the one gold quotes and prediction spans point into. */
export interface DocumentExtras {
  /** The rows of the document's gold indicator table, if it has one. */
  readonly tableGold?: readonly GoldTableRow[] | null;
  /** Titles and items of the document's 专栏 boxes: project predictions naming them are set aside. */
  readonly boxNames?: readonly string[];
}

export function scoreDocument(gold: GoldInput, text: string, pred: Prediction, extras: DocumentExtras = {}): DocumentScore {
  const tableGold = extras.tableGold ?? null;
  const facts = <T extends object>(kind: FactKind, run: () => T): Scored<T> => {
    if (!gold.complete[kind]) return { skipped: 'gold incomplete' };
    if (!pred.factsWired) return { skipped: 'facts not wired' };
    return run();
  };
  return {
    document: gold.document,
    statements: gold.complete.statements ? scoreStatements(locateStatements(gold, text), pred.statements) : { skipped: 'gold incomplete' },
    institutions: facts('institutions', () => scoreInstitutions(gold.institutions, pred.institutions)),
    quantities: facts('quantities', () => scoreQuantities(locateQuantities(gold, text), pred.quantities)),
    indicatorValues: facts('indicatorValues', () => scoreIndicatorValues(gold.indicatorValues, pred.indicatorValues)),
    projects: facts('projects', () => scoreProjects(gold.projects, pred.projects, extras.boxNames)),
    table: tableGold ? scoreTableRows(tableGold, pred.tableRows) : null,
  };
}

function locateStatements(gold: GoldInput, text: string) {
  const spans = located(gold, text, gold.statements.map((s) => s.text), 'statement', locateStatementsInOrder);
  return gold.statements.map((s, i) => ({ span: spans[i]!, class: s.class, text: s.text }));
}

function locateQuantities(gold: GoldInput, text: string) {
  const spans = located(gold, text, gold.quantities.map((q) => q.text), 'quantity');
  return gold.quantities.map((q, i) => ({ span: spans[i]!, text: q.text, value: q.value, masked: q.masked }));
}

function located(gold: GoldInput, text: string, quotes: readonly string[], what: string, locate = locateInOrder) {
  const found = locate(text, quotes);
  if (!found.ok) throw new Error(`${gold.document}: gold ${what} #${found.index + 1} "${found.quote}" is not in the text after its predecessor`);
  return found.spans;
}

export interface Overall {
  readonly documents: number;
  readonly statements: Prf | null;
  readonly classification: { readonly correct: number; readonly matched: number; readonly accuracy: number | null };
  readonly confusion: Confusion;
  readonly facts: Readonly<Record<FactKind, Prf | null>>;
  readonly table: Prf | null;
}

/** Micro-averages over the documents where each type was scored; null where none was. */
export function overall(scores: readonly DocumentScore[]): Overall {
  const statementScores = scores.map((s) => s.statements).filter((s): s is StatementScore => !isSkip(s));
  const confusion = emptyConfusion();
  for (const s of statementScores) addConfusion(confusion, s.confusion);
  const correct = statementScores.reduce((n, s) => n + s.classification.correct, 0);
  const matched = statementScores.reduce((n, s) => n + s.classification.matched, 0);
  const sum = (prfs: readonly Prf[]): Prf | null => (prfs.length === 0 ? null : sumPrf(prfs));
  const factPrf = (kind: FactKind): Prf | null =>
    sum(scores.map((s) => s[kind]).filter((s): s is FactScore<unknown, unknown> => !isSkip(s)).map((s) => s.prf));
  return {
    documents: scores.length,
    statements: sum(statementScores.map((s) => s.prf)),
    classification: { correct, matched, accuracy: ratio(correct, matched) },
    confusion,
    facts: {
      institutions: factPrf('institutions'),
      quantities: factPrf('quantities'),
      indicatorValues: factPrf('indicatorValues'),
      projects: factPrf('projects'),
    },
    table: sum(scores.flatMap((s) => (s.table ? [s.table.prf] : []))),
  };
}
