// Reporting by year, against the link gold: for each gold commitment in force
// in a year, is its state there (REPORTED, SILENT, NO_REPORT) the reader's,
// and for REPORTED, the verdict? The gold state comes from the link gold read
// for that pair: a commitment with a gold evidence link from that year's
// report is REPORTED with the most advanced gold verdict, any other SILENT
// (the report is in the corpus).
import { ADVANCE, decodeReporting } from '../ingest/link/status.ts';
import type { Verdict } from '../vocabulary.ts';
import { bestMatch, type PredictedLinks } from './links.ts';
import { prf, ratio, type Prf } from './metrics.ts';

export interface ReportingScore {
  readonly year: number;
  readonly states: { readonly correct: number; readonly gold: number; readonly accuracy: number | null };
  readonly verdicts: { readonly correct: number; readonly gold: number; readonly accuracy: number | null };
  /** Unreported precision and recall: commitments SILENT in the year, predicted against gold. */
  readonly silent: Prf;
  readonly wrong: ReadonlyArray<{ readonly commitment: string; readonly gold: string; readonly predicted: string }>;
}

export function scoreReporting(
  year: number,
  planDocument: string,
  goldCommitments: readonly string[],
  goldEvidence: ReadonlyArray<{ readonly commitment: string; readonly verdict: Verdict }>,
  predicted: PredictedLinks,
): ReportingScore {
  const candidates = predicted.statements.filter((s) => s.kind === 'Commitment' && s.doc === planDocument);
  const wrong: Array<{ commitment: string; gold: string; predicted: string }> = [];
  let states = 0;
  let verdictsGold = 0;
  let verdicts = 0;
  let silentTp = 0;
  let silentPred = 0;
  let silentGold = 0;
  for (const text of goldCommitments) {
    const links = goldEvidence.filter((e) => e.commitment === text);
    const goldVerdict = links.map((e) => e.verdict).sort((a, b) => ADVANCE[b] - ADVANCE[a])[0] ?? null;
    const gold = goldVerdict ? `REPORTED ${goldVerdict}` : 'SILENT';
    const match = bestMatch(candidates, text);
    const r = match ? decodeReporting(match.reporting).find((x) => x.year === year) : undefined;
    const pred = r ? (r.state === 'REPORTED' ? `REPORTED ${r.verdict}` : r.state) : 'not found';
    if (gold.split(' ')[0] === pred.split(' ')[0]) states++;
    else wrong.push({ commitment: text, gold, predicted: pred });
    if (goldVerdict) {
      verdictsGold++;
      if (pred === gold) verdicts++;
    }
    if (gold === 'SILENT') silentGold++;
    if (pred === 'SILENT') silentPred++;
    if (gold === 'SILENT' && pred === 'SILENT') silentTp++;
  }
  return {
    year,
    states: { correct: states, gold: goldCommitments.length, accuracy: ratio(states, goldCommitments.length) },
    verdicts: { correct: verdicts, gold: verdictsGold, accuracy: ratio(verdicts, verdictsGold) },
    silent: prf(silentTp, silentPred, silentGold),
    wrong,
  };
}

export function formatReporting(name: string, s: ReportingScore, cap: number): string[] {
  const n = (x: number | null) => (x === null ? '—' : x.toFixed(3));
  return [
    `━━ reporting by year: ${name}, ${s.year} ━━`,
    `reporting-state accuracy: ${s.states.correct}/${s.states.gold} commitments in force have the gold state (${n(s.states.accuracy)})`,
    `verdict accuracy (REPORTED): ${s.verdicts.correct}/${s.verdicts.gold} (${n(s.verdicts.accuracy)})`,
    `unreported in ${s.year} (SILENT): P ${n(s.silent.precision)} R ${n(s.silent.recall)} (${s.silent.tp} of ${s.silent.predicted} predicted, ${s.silent.gold} gold)`,
    ...s.wrong.slice(0, cap).map((w) => `  [${w.gold} → ${w.predicted}] ${w.commitment.slice(0, 50)}`),
  ];
}
