// The corpus part of `npm run eval`: per document what was described and
// parted wrong, then the statements of the annotated documents, then the totals.
import type { CorpusDocumentScore, CorpusOverall, CorpusStatementScore } from './corpus.ts';
import type { Prf } from './metrics.ts';

const f3 = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
const prfLine = (label: string, p: Prf): string =>
  `${label.padEnd(14)} ${String(p.gold).padStart(6)} ${String(p.predicted).padStart(6)} ${String(p.tp).padStart(6)}  ${f3(p.precision)}  ${f3(p.recall)}  ${f3(p.f1)}`;

export function formatCorpus(docs: readonly CorpusDocumentScore[], statements: readonly CorpusStatementScore[], total: CorpusOverall, cap: number): string[] {
  const lines = ['━━ real corpus (../shared/corpus): description and parts ━━'];
  for (const d of docs) {
    const wrong = d.description.filter((c) => !c.ok).map((c) => `${c.field} ${c.predicted} (gold ${c.gold})`);
    const parts = d.parts.filter((p) => !p.ok).map((p) => `${p.heading}: ${p.predicted ?? 'not found'} (gold ${p.gold})`);
    const status = wrong.length === 0 && parts.length === 0 && d.extraParts.length === 0 ? 'ok' : '';
    lines.push(`${d.document}  parts ${d.reviewAndPlan.right}/${d.reviewAndPlan.total} ${status}`);
    for (const w of wrong) lines.push(`    description: ${w}`);
    for (const p of parts.slice(0, cap)) lines.push(`    part: ${p}`);
    if (d.extraParts.length) lines.push(`    extra top-level parts (${d.extraParts.length}): ${d.extraParts.slice(0, cap).map((h) => h.slice(0, 24)).join(' | ')}`);
  }
  lines.push('', '━━ real corpus: commitments and outcomes ━━', `${''.padEnd(14)}   gold   pred     tp      P      R     F1`);
  for (const s of statements) {
    lines.push(s.document);
    lines.push(`  ${prfLine('commitments', s.commitments)}`, `  ${prfLine('outcomes', s.outcomes)}`, `  ${prfLine('statements', s.statements.prf)}`);
  }
  lines.push(
    '',
    '━━ real corpus overall ━━',
    `documents described right (title, issuer, kind, region, years): ${total.described}/${total.documents}`,
    `review and plan parts found with role and years right: ${total.reviewAndPlan.right}/${total.reviewAndPlan.total}`,
    `documents whose every top-level part is right, none extra: ${total.documentsWithAllParts}/${total.documents}`,
    `${''.padEnd(14)}   gold   pred     tp      P      R     F1`,
    prfLine('commitments', total.commitments),
    prfLine('outcomes', total.outcomes),
  );
  return lines;
}
