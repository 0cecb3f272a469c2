// The eval's text report: a score table per document and overall, then what
// was missed and what was predicted beyond the gold, capped so a run fits on
// a screen (`--all` lifts the cap).
import type { Span } from '../ingest/types.ts';
import { FACT_KINDS, isSkip, type DocumentScore, type Overall, type Scored } from './document.ts';
import type { FactScore } from './facts.ts';
import type { Prf } from './metrics.ts';
import { CLASSES, type Confusion, type StatementScore } from './statements.ts';
import type { TableScore } from './tables.ts';

export interface ReportOptions {
  /** How many misses or false hits to list per type and document; Infinity for all. */
  readonly cap: number;
}

const LABEL: Record<string, string> = {
  statements: 'statements',
  institutions: 'institutions',
  quantities: 'quantities',
  indicatorValues: 'indicator values',
  projects: 'projects',
  table: 'table indicators',
};

export function formatDocument(score: DocumentScore, text: string, options: ReportOptions): string[] {
  const lines = [`━━ ${score.document} ━━`, ...scoreTable([
    ['statements', score.statements],
    ...FACT_KINDS.map((k) => [k, score[k]] as const),
    ...(score.table ? [['table', score.table] as const] : []),
  ])];
  if (!isSkip(score.statements)) lines.push(...classification(score.statements), ...statementLists(score.statements, options));
  for (const kind of FACT_KINDS) {
    const s = score[kind];
    if (!isSkip(s)) lines.push(...factLists(kind, s as FactScore<unknown, unknown>, text, options));
  }
  if (score.table) lines.push(...tableLists(score.table, options));
  return lines;
}

/** `group` names the documents added up (`seeds`, `own documents`) when the report has more than one overall. */
export function formatOverall(o: Overall, group?: string): string[] {
  const row = (label: string, p: Prf | null): string => (p ? prfRow(label, p) : `${pad(label, 18)}${'not scored'.padStart(14)}`);
  const lines = [`━━ overall (${group ? `${group}, ` : ''}${o.documents} document${o.documents === 1 ? '' : 's'}, micro-averaged) ━━`, header(), row('statements', o.statements)];
  for (const kind of FACT_KINDS) lines.push(row(LABEL[kind]!, o.facts[kind]));
  if (o.table) lines.push(row('table indicators', o.table));
  lines.push(`classification: ${o.classification.correct}/${o.classification.matched} matched statements have the gold class (${num(o.classification.accuracy)})`);
  lines.push(...confusionLines(o.confusion));
  return lines;
}

/**
 * F1 per type, one overall beside another (the seeds' beside the project's own
 * documents'), so a reader sees at a glance whether the rules generalise.
 */
export function formatComparison(a: { readonly label: string; readonly overall: Overall }, b: { readonly label: string; readonly overall: Overall }): string[] {
  const f1 = (p: Prf | null): string => (p ? num(p.f1) : '—');
  const rows: Array<readonly [string, Prf | null, Prf | null]> = [
    ['statements', a.overall.statements, b.overall.statements],
    ...FACT_KINDS.map((k) => [LABEL[k]!, a.overall.facts[k], b.overall.facts[k]] as const),
  ];
  return [
    `━━ F1, ${a.label} beside ${b.label} ━━`,
    `${pad('', 18)}${pad(a.label, 16)}${b.label}`,
    ...rows.map(([label, x, y]) => `${pad(label, 18)}${pad(f1(x), 16)}${f1(y)}`),
    `${pad('classification', 18)}${pad(num(a.overall.classification.accuracy), 16)}${num(b.overall.classification.accuracy)}`,
  ];
}

type Row = readonly [string, Scored<StatementScore | FactScore<unknown, unknown> | TableScore>];

function scoreTable(rows: readonly Row[]): string[] {
  return [
    header(),
    ...rows.map(([kind, s]) => (isSkip(s) ? `${pad(LABEL[kind]!, 18)}${s.skipped.padStart(30)}` : prfRow(LABEL[kind]!, s.prf))),
  ];
}

function header(): string {
  return `${pad('', 18)}${['gold', 'pred', 'tp', 'P', 'R', 'F1'].map((h) => h.padStart(7)).join('')}`;
}

function prfRow(label: string, p: Prf): string {
  return `${pad(label, 18)}${[p.gold, p.predicted, p.tp].map((n) => String(n).padStart(7)).join('')}${[p.precision, p.recall, p.f1].map((n) => num(n).padStart(7)).join('')}`;
}

function classification(s: StatementScore): string[] {
  const c = s.classification;
  return [`classification: ${c.correct}/${c.matched} matched statements have the gold class (${num(c.accuracy)})`, ...confusionLines(s.confusion)];
}

function confusionLines(c: Confusion): string[] {
  const short = (k: string): string => k.slice(0, 10);
  return [
    'confusion (rows: gold, columns: predicted)',
    `  ${pad('', 12)}${CLASSES.map((k) => short(k).padStart(11)).join('')}`,
    ...CLASSES.map((g) => `  ${pad(g, 12)}${CLASSES.map((p) => String(c[g][p]).padStart(11)).join('')}`),
  ];
}

function statementLists(s: StatementScore, o: ReportOptions): string[] {
  return [
    ...list('statements — misses (gold not found)', s.misses.map((g) => `[${g.class} @${g.span.start}] ${clip(g.text)}`), o),
    ...list('statements — false hits (predicted, not in gold)', s.falseHits.map((p) => `[${p.class} @${p.span.start}] ${clip(p.text)}`), o),
    ...list('statements — misclassified', s.misclassified.map(({ gold, pred }) => `[${gold.class} → ${pred.class} @${gold.span.start}] ${clip(gold.text)}`), o),
  ];
}

function factLists(kind: string, s: FactScore<unknown, unknown>, text: string, o: ReportOptions): string[] {
  return [
    ...list(`${LABEL[kind]} — misses`, s.misses.map((g) => describeFact(g, text)), o),
    ...list(`${LABEL[kind]} — false hits`, s.falseHits.map((p) => describeFact(p, text)), o),
    ...list(`${LABEL[kind]} — set aside (专栏 items the text mentions; the box gold covers them)`, (s.setAside ?? []).map((p) => describeFact(p, text)), o),
  ];
}

function tableLists(s: TableScore, o: ReportOptions): string[] {
  return [
    ...list('table indicators — misses', s.misses.map((r) => `${r.number} ${r.name}`), o),
    ...list('table indicators — wrong fields', s.wrong.map((w) => `${w.gold.number} ${w.gold.name}: ${w.fields.join('; ')}`), o),
    ...list('table indicators — false hits', s.falseHits.map((r) => `${r.number} ${r.name}`), o),
  ];
}

/** One line for any fact, gold or predicted, from the fields it has. */
function describeFact(fact: unknown, text: string): string {
  const f = fact as Partial<Record<'indicator' | 'name' | 'text' | 'kind', string>> & { value?: number | null; year?: number | null; span?: Span };
  const at = f.span ? ` @${f.span.start}` : '';
  if (f.indicator !== undefined) return `${f.indicator}: ${f.text} = ${f.value ?? 'masked'} (${f.kind} ${f.year ?? '?'})${at}`;
  if (f.name !== undefined) return f.text !== undefined && f.text !== f.name ? `${f.name} (written ${f.text})${at}` : `${f.name}${at}`;
  const context = f.span ? `  …${clip(text.slice(Math.max(0, f.span.start - 8), f.span.end + 8), 30)}…` : '';
  return `${f.text} = ${f.value ?? 'masked'}${at}${context}`;
}

function list(title: string, items: readonly string[], o: ReportOptions): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, o.cap);
  const rest = items.length - shown.length;
  return [`${title} (${items.length})`, ...shown.map((i) => `  ${i}`), ...(rest > 0 ? [`  … and ${rest} more (--all lists them)`] : [])];
}

function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

function pad(s: string, n: number): string {
  return s.padEnd(n);
}

function num(n: number | null): string {
  return n === null ? '—' : n.toFixed(3);
}
