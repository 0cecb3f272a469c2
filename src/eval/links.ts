// Scoring the link stage: the EVIDENCED_BY and CONTINUES links and the
// commitment statuses in a store, against a link gold file (test/gold/links/,
// test/fixtures/corpus/links.json). Gold ends are statement texts, so a
// predicted link counts when both its ends match a gold pair's ends by text
// (equal, or one contains the other), one-to-one. Precision counts only the
// predicted links with both ends in the gold's documents (its annotated scope).
import type { GraphStore } from '../graph/port.ts';
import { distinct } from '../ingest/link/evidence.ts';
import { LINK_RULES } from '../ingest/link/rules.ts';
import { TermWeights } from '../ingest/link/similarity.ts';
import { greedyMatch, unmatched } from './match.ts';
import { prf, ratio, sumPrf, type Prf } from './metrics.ts';

/** One statement as the eval sees it: the file it is in (Document.name) and its text. */
export interface LinkEnd {
  readonly doc: string;
  readonly text: string;
}

export interface PredictedEvidence {
  readonly commitment: LinkEnd;
  readonly outcome: LinkEnd;
  readonly verdict: string | null;
  readonly score: number | null;
}

export interface PredictedContinuation {
  readonly later: LinkEnd;
  readonly earlier: LinkEnd;
  readonly score: number | null;
}

export interface PredictedStatement extends LinkEnd {
  readonly kind: 'Commitment' | 'Outcome';
  readonly regionKey: string;
  readonly terms: readonly string[];
  readonly status: string | null;
  /** As stored: `2022:SILENT@doc …` (src/ingest/link/status.ts). */
  readonly reporting: string | null;
  readonly planYear: number | null;
  readonly periodFrom: number | null;
  readonly periodTo: number | null;
  readonly dueYear: number | null;
  readonly year: number | null;
}

/** Everything linked in a store, with document ids resolved to file names. */
export interface PredictedLinks {
  readonly evidence: readonly PredictedEvidence[];
  readonly continuations: readonly PredictedContinuation[];
  readonly statements: readonly PredictedStatement[];
}

/** The gold a pair is scored against (the shape of test/gold/links/schema.ts). */
export interface LinkGoldInput {
  readonly documents: readonly string[];
  readonly evidence: ReadonlyArray<{ readonly commitment: string; readonly outcome: string; readonly verdict: string }>;
  readonly continuation: ReadonlyArray<{ readonly later: string; readonly earlier: string }>;
  readonly status: ReadonlyArray<{ readonly commitment: string; readonly status: string }>;
}

export async function readPredictedLinks(store: GraphStore): Promise<PredictedLinks> {
  const docs = new Map((await store.read({ name: 'eval.links.documents', text: 'MATCH (d:Document) RETURN d.id AS id, d.name AS name', params: {} })).map((r) => [String(r.id), String(r.name)]));
  const end = (doc: unknown, text: unknown): LinkEnd => ({ doc: docs.get(String(doc)) ?? String(doc), text: String(text) });
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const [ev, toCommitment, toOutcome, commitments, outcomes] = await Promise.all([
    store.read({
      name: 'eval.links.evidence',
      text: 'MATCH (c:Commitment)-[r:EVIDENCED_BY]->(o:Outcome) RETURN c.doc AS cdoc, c.text AS ctext, o.doc AS odoc, o.text AS otext, r.verdict AS verdict, r.score AS score',
      params: {},
    }),
    store.read({
      name: 'eval.links.continuesCommitment',
      text: 'MATCH (c:Commitment)-[r:CONTINUES]->(e:Commitment) RETURN c.doc AS cdoc, c.text AS ctext, e.doc AS edoc, e.text AS etext, r.score AS score',
      params: {},
    }),
    store.read({
      name: 'eval.links.continuesOutcome',
      text: 'MATCH (c:Commitment)-[r:CONTINUES]->(e:Outcome) RETURN c.doc AS cdoc, c.text AS ctext, e.doc AS edoc, e.text AS etext, r.score AS score',
      params: {},
    }),
    store.read({
      name: 'eval.links.commitments',
      text: `MATCH (c:Commitment) RETURN c.doc AS cdoc, c.text AS ctext, c.regionKey AS rk, c.terms AS terms, c.status AS status, c.reporting AS reporting,
  c.planYear AS planYear, c.periodFrom AS periodFrom, c.periodTo AS periodTo, c.dueYear AS dueYear`,
      params: {},
    }),
    store.read({ name: 'eval.links.outcomes', text: 'MATCH (o:Outcome) RETURN o.doc AS odoc, o.text AS otext, o.regionKey AS rk, o.terms AS terms, o.year AS year', params: {} }),
  ]);
  const continuation = (r: Record<string, unknown>): PredictedContinuation => ({ later: end(r.cdoc, r.ctext), earlier: end(r.edoc, r.etext), score: num(r.score) });
  const byText = (a: LinkEnd, b: LinkEnd) => a.doc.localeCompare(b.doc) || a.text.localeCompare(b.text);
  return {
    evidence: ev
      .map((r) => ({ commitment: end(r.cdoc, r.ctext), outcome: end(r.odoc, r.otext), verdict: (r.verdict as string | null) ?? null, score: num(r.score) }))
      .sort((a, b) => byText(a.commitment, b.commitment) || byText(a.outcome, b.outcome)),
    continuations: [...toCommitment, ...toOutcome].map(continuation).sort((a, b) => byText(a.later, b.later) || byText(a.earlier, b.earlier)),
    statements: [
      ...commitments.map((r): PredictedStatement => ({
        ...end(r.cdoc, r.ctext),
        kind: 'Commitment',
        regionKey: String(r.rk),
        terms: (r.terms as string[] | null) ?? [],
        status: (r.status as string | null) ?? null,
        reporting: (r.reporting as string | null) ?? null,
        planYear: num(r.planYear),
        periodFrom: num(r.periodFrom),
        periodTo: num(r.periodTo),
        dueYear: num(r.dueYear),
        year: null,
      })),
      ...outcomes.map((r): PredictedStatement => ({
        ...end(r.odoc, r.otext),
        kind: 'Outcome',
        regionKey: String(r.rk),
        terms: (r.terms as string[] | null) ?? [],
        status: null,
        reporting: null,
        planYear: null,
        periodFrom: null,
        periodTo: null,
        dueYear: null,
        year: num(r.year),
      })),
    ].sort(byText),
  };
}

/**
 * How well a statement's text matches a gold text: 1 when equal, the shorter
 * length over the longer when one contains the other (a statement cut longer or
 * shorter than the gold), null otherwise.
 */
export function textMatch(statement: string, gold: string): number | null {
  const a = statement.trim();
  const b = gold.trim();
  if (!a || !b) return null;
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) return Math.min(a.length, b.length) / Math.max(a.length, b.length);
  return null;
}

function pairMatch(a: readonly [string, string], gold: readonly [string, string]): number | null {
  const x = textMatch(a[0], gold[0]);
  const y = textMatch(a[1], gold[1]);
  return x === null || y === null ? null : x + y;
}

export interface EvidenceMiss {
  readonly commitment: string;
  readonly outcome: string;
  readonly verdict: string;
  /** Why the link stage did not link them, as far as the eval can tell. */
  readonly cause: string;
}

export interface LinkPairScore {
  readonly name: string;
  readonly evidence: Prf;
  /** Matched evidence links whose verdict is the gold's. */
  readonly verdicts: { readonly correct: number; readonly matched: number; readonly accuracy: number | null };
  readonly continuation: Prf;
  readonly status: { readonly correct: number; readonly gold: number; readonly accuracy: number | null };
  readonly evidenceMisses: readonly EvidenceMiss[];
  readonly falseEvidence: readonly PredictedEvidence[];
  readonly wrongVerdicts: ReadonlyArray<{ readonly commitment: string; readonly outcome: string; readonly gold: string; readonly predicted: string | null }>;
  readonly continuationMisses: ReadonlyArray<{ readonly later: string; readonly earlier: string; readonly cause: string }>;
  readonly falseContinuations: readonly PredictedContinuation[];
  readonly wrongStatuses: ReadonlyArray<{ readonly commitment: string; readonly gold: string; readonly predicted: string | null }>;
}

/** Score one gold pair (its `documents` are the scope) against everything predicted. */
export function scoreLinkPair(name: string, gold: LinkGoldInput, predicted: PredictedLinks): LinkPairScore {
  const inScope = (e: LinkEnd) => gold.documents.includes(e.doc);
  const statements = predicted.statements.filter(inScope);
  const find = (text: string, kind: PredictedStatement['kind']): PredictedStatement | null => bestMatch(statements.filter((s) => s.kind === kind), text);

  // Evidence.
  const evidence = predicted.evidence.filter((e) => inScope(e.commitment) && inScope(e.outcome));
  const ePairs = greedyMatch(gold.evidence.length, evidence.length, (g, p) =>
    pairMatch([evidence[p]!.commitment.text, evidence[p]!.outcome.text], [gold.evidence[g]!.commitment, gold.evidence[g]!.outcome]),
  );
  const verdictPairs = ePairs.map((p) => ({ g: gold.evidence[p.gold]!, p: evidence[p.pred]! }));
  const wrongVerdicts = verdictPairs
    .filter(({ g, p }) => g.verdict !== p.verdict)
    .map(({ g, p }) => ({ commitment: g.commitment, outcome: g.outcome, gold: g.verdict, predicted: p.verdict }));
  const correctVerdicts = verdictPairs.length - wrongVerdicts.length;
  const diagnose = evidenceDiagnosis(predicted, statements, evidence, find);

  // Continuation.
  const continuations = predicted.continuations.filter((c) => inScope(c.later) && inScope(c.earlier));
  const cPairs = greedyMatch(gold.continuation.length, continuations.length, (g, p) =>
    pairMatch([continuations[p]!.later.text, continuations[p]!.earlier.text], [gold.continuation[g]!.later, gold.continuation[g]!.earlier]),
  );

  // Status: each gold commitment's best-matching predicted commitment.
  const wrongStatuses: Array<{ commitment: string; gold: string; predicted: string | null }> = [];
  for (const g of gold.status) {
    const s = find(g.commitment, 'Commitment');
    if (s?.status !== g.status) wrongStatuses.push({ commitment: g.commitment, gold: g.status, predicted: s ? s.status : null });
  }

  return {
    name,
    evidence: prf(ePairs.length, evidence.length, gold.evidence.length),
    verdicts: { correct: correctVerdicts, matched: verdictPairs.length, accuracy: ratio(correctVerdicts, verdictPairs.length) },
    continuation: prf(cPairs.length, continuations.length, gold.continuation.length),
    status: { correct: gold.status.length - wrongStatuses.length, gold: gold.status.length, accuracy: ratio(gold.status.length - wrongStatuses.length, gold.status.length) },
    evidenceMisses: unmatched(gold.evidence.length, ePairs, 'gold').map((i) => {
      const g = gold.evidence[i]!;
      return { ...g, cause: diagnose(g.commitment, g.outcome) };
    }),
    falseEvidence: unmatched(evidence.length, ePairs, 'pred').map((i) => evidence[i]!),
    wrongVerdicts,
    continuationMisses: unmatched(gold.continuation.length, cPairs, 'gold').map((i) => {
      const g = gold.continuation[i]!;
      const later = find(g.later, 'Commitment');
      const earlier = find(g.earlier, 'Commitment') ?? find(g.earlier, 'Outcome');
      const cause = !later ? 'the later text is not a predicted commitment' : !earlier ? 'the earlier text is not a predicted statement' : overlapCause(predicted, later, earlier);
      return { later: g.later, earlier: g.earlier, cause };
    }),
    falseContinuations: unmatched(continuations.length, cPairs, 'pred').map((i) => continuations[i]!),
    wrongStatuses,
  };
}

/** The statement a gold quote names: the one whose text matches it best (textMatch), or null. */
export function bestMatch<T extends { readonly text: string }>(candidates: readonly T[], quote: string): T | null {
  return best(candidates, (s) => textMatch(s.text, quote));
}

function best<T>(items: readonly T[], score: (t: T) => number | null): T | null {
  let top: T | null = null;
  let topScore = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (s !== null && s > topScore) {
      top = item;
      topScore = s;
    }
  }
  return top;
}

/** Term weights of one region, as the link stage builds them (every commitment and outcome of the region). */
function weightsFor(predicted: PredictedLinks, regionKey: string, cache: Map<string, TermWeights>): TermWeights {
  let w = cache.get(regionKey);
  if (!w) {
    w = new TermWeights(predicted.statements.filter((s) => s.regionKey === regionKey).map((s) => s.terms));
    cache.set(regionKey, w);
  }
  return w;
}

/**
 * Why a gold evidence pair was not linked: a missing statement, years that do
 * not overlap, too little shared wording (the term coverage the link stage
 * scores, before its institution and indicator bonuses), or better candidates
 * filling the commitment's quota.
 */
function evidenceDiagnosis(
  predicted: PredictedLinks,
  statements: readonly PredictedStatement[],
  evidence: readonly PredictedEvidence[],
  find: (text: string, kind: PredictedStatement['kind']) => PredictedStatement | null,
): (commitment: string, outcome: string) => string {
  const cache = new Map<string, TermWeights>();
  return (commitment, outcome) => {
    const c = find(commitment, 'Commitment');
    const o = find(outcome, 'Outcome');
    if (!c) {
      const other = statements.find((s) => textMatch(s.text, commitment) !== null);
      return other ? `the commitment is predicted as an ${other.kind}` : 'the commitment is not a predicted statement (cut differently)';
    }
    if (!o) {
      const other = statements.find((s) => textMatch(s.text, outcome) !== null);
      return other ? `the outcome is predicted as a ${other.kind}` : 'the outcome is not a predicted statement (cut differently)';
    }
    const from = c.periodFrom ?? c.planYear;
    const to = Math.max(c.dueYear ?? -Infinity, c.periodTo ?? -Infinity, c.planYear ?? -Infinity);
    if (from === null || o.year === null || o.year < from || o.year > to) return `years do not overlap (commitment ${from ?? '?'}–${Number.isFinite(to) ? to : '?'}, outcome ${o.year ?? '?'})`;
    const m = weightsFor(predicted, c.regionKey, cache).coverage(c.terms, o.terms);
    const shared = distinct(m.terms);
    const linked = evidence.filter((e) => e.commitment.doc === c.doc && e.commitment.text === c.text);
    const low = m.score < LINK_RULES.evidenceMinScore ? `coverage ${m.score.toFixed(2)} < ${LINK_RULES.evidenceMinScore}` : `coverage ${m.score.toFixed(2)}`;
    const few = shared.length < LINK_RULES.evidenceMinSharedTerms ? `, ${shared.length} distinct shared term(s)` : '';
    const quota = linked.length >= LINK_RULES.evidencePerCommitment ? `, quota of ${LINK_RULES.evidencePerCommitment} filled by others` : '';
    return `${low}${few}${quota}; shared: ${shared.join(' ') || '—'}`;
  };
}

function overlapCause(predicted: PredictedLinks, later: PredictedStatement, earlier: PredictedStatement): string {
  const m = new TermWeights(predicted.statements.filter((s) => s.regionKey === later.regionKey).map((s) => s.terms)).overlap(later.terms, earlier.terms);
  const shared = distinct(m.terms);
  const low = m.score < LINK_RULES.continuationMinScore ? `overlap ${m.score.toFixed(2)} < ${LINK_RULES.continuationMinScore}` : `overlap ${m.score.toFixed(2)}`;
  return `${low}${shared.length < LINK_RULES.continuationMinSharedTerms ? `, ${shared.length} distinct shared term(s)` : ''}; shared: ${shared.join(' ') || '—'}`;
}

export interface LinkOverall {
  readonly pairs: number;
  readonly evidence: Prf;
  readonly verdicts: { readonly correct: number; readonly matched: number; readonly accuracy: number | null };
  readonly continuation: Prf;
  readonly status: { readonly correct: number; readonly gold: number; readonly accuracy: number | null };
}

/** Micro-average over the pairs. */
export function linkOverall(scores: readonly LinkPairScore[]): LinkOverall {
  const add = (f: (s: LinkPairScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const vCorrect = add((s) => s.verdicts.correct);
  const vMatched = add((s) => s.verdicts.matched);
  const sCorrect = add((s) => s.status.correct);
  const sGold = add((s) => s.status.gold);
  return {
    pairs: scores.length,
    evidence: sumPrf(scores.map((s) => s.evidence)),
    verdicts: { correct: vCorrect, matched: vMatched, accuracy: ratio(vCorrect, vMatched) },
    continuation: sumPrf(scores.map((s) => s.continuation)),
    status: { correct: sCorrect, gold: sGold, accuracy: ratio(sCorrect, sGold) },
  };
}

export function formatLinkPair(s: LinkPairScore, options: { readonly cap: number }): string[] {
  const lines = [`━━ links: ${s.name} ━━`, ...linkTable(s)];
  const e = (c: string, o: string) => `${clip(c)}  ⇐  ${clip(o)}`;
  lines.push(
    ...list('evidence — misses (gold link not predicted)', s.evidenceMisses.map((m) => `[${m.verdict}] ${e(m.commitment, m.outcome)}\n      cause: ${m.cause}`), options),
    ...list('evidence — false links (predicted, not in gold)', s.falseEvidence.map((f) => `[${f.verdict ?? '?'} ${f.score ?? '?'}] ${e(f.commitment.text, f.outcome.text)}`), options),
    ...list('evidence — wrong verdicts (gold → predicted)', s.wrongVerdicts.map((w) => `[${w.gold} → ${w.predicted ?? '—'}] ${e(w.commitment, w.outcome)}`), options),
    ...list('continuation — misses', s.continuationMisses.map((m) => `${clip(m.later)}  →  ${clip(m.earlier)}\n      cause: ${m.cause}`), options),
    ...list('continuation — false links', s.falseContinuations.map((f) => `[${f.score ?? '?'}] ${clip(f.later.text)}  →  ${clip(f.earlier.text)}`), options),
    ...list('status — wrong (gold → predicted)', s.wrongStatuses.map((w) => `[${w.gold} → ${w.predicted ?? 'no such commitment'}] ${clip(w.commitment)}`), options),
  );
  return lines;
}

export function formatLinkOverall(o: LinkOverall): string[] {
  return [`━━ links overall (${o.pairs} pair${o.pairs === 1 ? '' : 's'}, micro-averaged) ━━`, ...linkTable(o)];
}

function linkTable(s: Pick<LinkOverall, 'evidence' | 'verdicts' | 'continuation' | 'status'>): string[] {
  const row = (label: string, p: Prf) =>
    `${label.padEnd(18)}${[p.gold, p.predicted, p.tp].map((n) => String(n).padStart(7)).join('')}${[p.precision, p.recall, p.f1].map((n) => num(n).padStart(7)).join('')}`;
  return [
    `${''.padEnd(18)}${['gold', 'pred', 'tp', 'P', 'R', 'F1'].map((h) => h.padStart(7)).join('')}`,
    row('evidence', s.evidence),
    row('continuation', s.continuation),
    `verdict accuracy: ${s.verdicts.correct}/${s.verdicts.matched} matched evidence links have the gold verdict (${num(s.verdicts.accuracy)})`,
    `status accuracy:  ${s.status.correct}/${s.status.gold} gold statuses predicted (${num(s.status.accuracy)})`,
  ];
}

function list(title: string, items: readonly string[], o: { readonly cap: number }): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, o.cap);
  const rest = items.length - shown.length;
  return [`${title} (${items.length})`, ...shown.map((i) => `  ${i}`), ...(rest > 0 ? [`  … and ${rest} more (--all lists them)`] : [])];
}

function clip(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

function num(n: number | null): string {
  return n === null ? '—' : n.toFixed(3);
}
