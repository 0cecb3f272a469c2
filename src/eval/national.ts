// Reporting across the national reports, against the national gold
// (test/gold/links/national/): for 30 evenly chosen tasks of year Y's plan,
// is the task's reporting state in Y the reader's (REPORTED in the review of
// Y, in the report of Y+1, or SILENT), and are its evidence links the
// reader's? Gold ends are quotes, so a predicted statement matches a quote
// when one contains the other (textMatch), one-to-one.
import { join } from 'node:path';
import { openLadybugStore } from '../graph/ladybug/store.ts';
import { ingestFiles } from '../ingest/store/ingest.ts';
import { decodeReporting } from '../ingest/link/status.ts';
import { againstTargets, type SeriesPoint } from '../ingest/link/series.ts';
import { greedyMatch } from './match.ts';
import { prf, ratio, sumPrf, type Prf } from './metrics.ts';
import { bestMatch, readPredictedLinks, textMatch, type PredictedLinks, type PredictedStatement } from './links.ts';

/** The gold a pair is scored against (the shape of test/gold/links/national-schema.ts). */
export interface NationalGoldInput {
  readonly plan: string;
  readonly review: string;
  readonly year: number;
  readonly targets: ReadonlyArray<{
    readonly indicator: string;
    readonly quote: string;
    readonly value: number;
    readonly unit: string | null;
    readonly actual: { readonly value: number } | null;
    readonly verdict: 'MET' | 'EXCEEDED' | 'NOT_MET' | null;
  }>;
  readonly tasks: ReadonlyArray<{
    readonly commitment: string;
    readonly state: 'REPORTED' | 'SILENT';
    readonly evidence: ReadonlyArray<{ readonly outcome: string; readonly verdict: string }>;
  }>;
}

export interface NationalPairScore {
  readonly name: string;
  readonly year: number;
  /** Tasks whose quote matched a commitment plantrace found in the plan. */
  readonly found: number;
  readonly tasks: number;
  readonly states: { readonly correct: number; readonly accuracy: number | null };
  /** Tasks SILENT in the year: predicted against gold. */
  readonly silent: Prf;
  readonly evidence: Prf;
  readonly verdicts: { readonly correct: number; readonly matched: number; readonly accuracy: number | null };
  readonly wrong: ReadonlyArray<{ readonly task: string; readonly gold: string; readonly predicted: string }>;
  /** The 预期目标: found as a target value, its year's actual found, the verdict from comparing them. */
  readonly targets: {
    readonly gold: number;
    readonly found: number;
    readonly actualRight: number;
    readonly verdictRight: number;
    readonly wrong: ReadonlyArray<{ readonly target: string; readonly gold: string; readonly predicted: string }>;
  };
}

/** An indicator value as the national eval reads it. */
export interface PredictedValue extends SeriesPoint {
  readonly indicator: string;
  readonly doc: string;
  readonly text: string;
  readonly region: string | null;
}

export interface NationalPrediction {
  readonly links: PredictedLinks;
  readonly values: readonly PredictedValue[];
}

/** All ten national reports of the corpus: a year's plan is linked with every review of its region, as it would be in use. */
export const NATIONAL_YEARS = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019] as const;

/** The ten national reports, ingested (and so linked) into a fresh in-memory store. */
export async function predictNational(corpusDir: string, years: readonly number[]): Promise<NationalPrediction> {
  const store = await openLadybugStore({ path: ':memory:' });
  try {
    await ingestFiles(
      years.map((y) => join(corpusDir, 'national', `${y}年国务院政府工作报告.txt`)),
      store,
    );
    const rows = await store.read({
      name: 'eval.national.values',
      text: `MATCH (v:IndicatorValue)-[:OF]->(i:Indicator) MATCH (d:Document {id: v.doc})
RETURN i.name AS indicator, d.name AS doc, v.text AS text, v.kind AS kind, v.year AS year, v.value AS value, v.upper AS upper, v.comparator AS comparator, v.region AS region, v.id AS id ORDER BY id`,
      params: {},
    });
    const values = rows.map((r): PredictedValue => ({
      indicator: String(r.indicator),
      doc: String(r.doc),
      text: String(r.text),
      kind: r.kind as SeriesPoint['kind'],
      year: (r.year as number | null) ?? null,
      value: r.value === null || r.value === undefined ? null : Number(r.value),
      comparator: (r.comparator as string | null) ?? null,
      upper: r.upper === null || r.upper === undefined ? null : Number(r.upper),
      region: (r.region as string | null) ?? null,
    }));
    return { links: await readPredictedLinks(store), values };
  } finally {
    await store.close();
  }
}

/** Each gold target: plantrace's target value for it, the actual of its year, and the verdict from the two. */
function scoreTargets(gold: NationalGoldInput, values: readonly PredictedValue[]): NationalPairScore['targets'] {
  let found = 0;
  let actualRight = 0;
  let verdictRight = 0;
  const wrong: Array<{ target: string; gold: string; predicted: string }> = [];
  for (const t of gold.targets) {
    const target = values.find((v) => v.kind === 'TARGET' && v.doc === gold.plan && v.year === gold.year && textMatch(v.text, t.quote) !== null);
    // The gold writes values as the text does (1100, 万人); the store applies 万 and 亿.
    const scale = t.unit?.startsWith('亿') ? 1e8 : t.unit?.startsWith('万') ? 1e4 : 1;
    const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b * scale) < 1e-6 * Math.max(1, Math.abs(a)));
    const goldSays = `${t.value} → ${t.actual?.value ?? '—'} ${t.verdict ?? 'NO_VALUE'}`;
    if (!target || !same(target.value, t.value)) {
      wrong.push({ target: t.quote, gold: goldSays, predicted: target ? `target ${target.value}` : 'no target value' });
      continue;
    }
    found++;
    const report = againstTargets(values.filter((v) => v.indicator === target.indicator && v.region === target.region), target.indicator).find((r) => r.target === target)!;
    const actual = report.actual?.value ?? null;
    const actualOk = same(actual, t.actual?.value ?? null);
    if (actualOk) actualRight++;
    const verdict = report.verdict === 'NO_VALUE' ? null : report.verdict;
    if (verdict === t.verdict) verdictRight++;
    if (!actualOk || verdict !== t.verdict) wrong.push({ target: t.quote, gold: goldSays, predicted: `${target.value} → ${actual ?? '—'} ${report.verdict}` });
  }
  return { gold: gold.targets.length, found, actualRight, verdictRight, wrong };
}

export function scoreNationalPair(name: string, gold: NationalGoldInput, prediction: NationalPrediction): NationalPairScore {
  const predicted = prediction.links;
  const commitments = predicted.statements.filter((s) => s.kind === 'Commitment' && s.doc === gold.plan);
  let found = 0;
  let states = 0;
  let silentTp = 0;
  let silentPred = 0;
  let silentGold = 0;
  let verdictsRight = 0;
  let verdictsMatched = 0;
  const evidence: Prf[] = [];
  const wrong: Array<{ task: string; gold: string; predicted: string }> = [];
  for (const task of gold.tasks) {
    const c = bestMatch(commitments, task.commitment);
    if (c) found++;
    const reporting = c ? decodeReporting(c.reporting).find((r) => r.year === gold.year) : undefined;
    const state = c ? (reporting?.state ?? 'not in force') : 'not found';
    if (state === task.state) states++;
    else wrong.push({ task: task.commitment, gold: task.state, predicted: state });
    if (task.state === 'SILENT') silentGold++;
    if (state === 'SILENT') silentPred++;
    if (task.state === 'SILENT' && state === 'SILENT') silentTp++;

    const links = c ? predicted.evidence.filter((e) => e.commitment.doc === c.doc && e.commitment.text === c.text && e.outcome.doc === gold.review) : [];
    const pairs = greedyMatch(task.evidence.length, links.length, (g, p) => textMatch(links[p]!.outcome.text, task.evidence[g]!.outcome));
    evidence.push(prf(pairs.length, links.length, task.evidence.length));
    for (const { gold: g, pred: p } of pairs) {
      verdictsMatched++;
      if (links[p]!.verdict === task.evidence[g]!.verdict) verdictsRight++;
    }
  }
  return {
    name,
    year: gold.year,
    found,
    tasks: gold.tasks.length,
    states: { correct: states, accuracy: ratio(states, gold.tasks.length) },
    silent: prf(silentTp, silentPred, silentGold),
    evidence: sumPrf(evidence),
    verdicts: { correct: verdictsRight, matched: verdictsMatched, accuracy: ratio(verdictsRight, verdictsMatched) },
    wrong,
    targets: scoreTargets(gold, prediction.values),
  };
}

export function formatNational(scores: readonly NationalPairScore[], cap: number): string[] {
  const n = (x: number | null) => (x === null ? '—' : x.toFixed(3));
  const lines = ['━━ reporting across the national reports (plan of Y → review of Y in the report of Y+1; 30 tasks a pair) ━━'];
  for (const s of scores) {
    lines.push(
      `${s.name}: tasks found ${s.found}/${s.tasks} · state accuracy ${n(s.states.accuracy)} · unreported (SILENT) P ${n(s.silent.precision)} R ${n(s.silent.recall)} · evidence P ${n(s.evidence.precision)} R ${n(s.evidence.recall)} (${s.evidence.tp} of ${s.evidence.predicted} predicted, ${s.evidence.gold} gold) · verdicts ${n(s.verdicts.accuracy)} (${s.verdicts.matched} matched)`,
      `  预期目标: ${s.targets.found}/${s.targets.gold} found as targets · actual of the year right ${s.targets.actualRight}/${s.targets.gold} · verdict right ${s.targets.verdictRight}/${s.targets.gold}`,
      ...s.targets.wrong.map((w) => `    [${w.gold} ≠ ${w.predicted}] ${w.target}`),
      ...s.wrong.slice(0, cap).map((w) => `  [${w.gold} → ${w.predicted}] ${w.task.slice(0, 50)}`),
    );
  }
  const all = sumPrf(scores.map((s) => s.evidence));
  const states = scores.reduce((a, s) => a + s.states.correct, 0);
  const tasks = scores.reduce((a, s) => a + s.tasks, 0);
  const targets = scores.reduce((a, s) => a + s.targets.gold, 0);
  const verdicts = scores.reduce((a, s) => a + s.targets.verdictRight, 0);
  lines.push(
    `all pairs: state accuracy ${n(ratio(states, tasks))} (${states}/${tasks}) · evidence P ${n(all.precision)} R ${n(all.recall)} · 预期目标 verdicts ${n(ratio(verdicts, targets))} (${verdicts}/${targets})`,
  );
  return lines;
}
