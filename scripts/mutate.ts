// npm run mutate [-- queries link server]: StrykerJS over each scope (see
// vitest.mutate.config.ts), one after another, then the score per folder.
// Not in CI: it takes from minutes (queries) to hours (server). Every
// survivor is in reports/mutation/<scope>.html.
import { Stryker } from '@stryker-mutator/core';
import { MUTATION_SCOPES, type MutationScope } from '../vitest.mutate.config.ts';

const asked = process.argv.slice(2).filter((a) => a in MUTATION_SCOPES) as MutationScope[];
const scopes = asked.length ? asked : (Object.keys(MUTATION_SCOPES) as MutationScope[]);
const rows: string[] = [];
for (const scope of scopes) {
  process.env.PLANTRACE_MUTATE_SCOPE = scope;
  const stryker = new Stryker({
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'vitest.mutate.config.ts', related: false },
    mutate: [...MUTATION_SCOPES[scope].mutate],
    coverageAnalysis: 'perTest',
    concurrency: 2,
    timeoutMS: 60_000,
    incremental: true,
    incrementalFile: `reports/mutation/${scope}.incremental.json`,
    reporters: ['clear-text', 'progress-append-only', 'html'],
    htmlReporter: { fileName: `reports/mutation/${scope}.html` },
    clearTextReporter: { reportTests: false, reportMutants: false, allowColor: false },
    tempDirName: '.stryker-tmp',
  });
  const results = await stryker.runMutationTest();
  const count = (...statuses: string[]) => results.filter((m) => statuses.includes(m.status)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived', 'NoCoverage');
  const score = killed + survived ? (100 * killed) / (killed + survived) : 100;
  rows.push(`${scope.padEnd(8)} ${String(results.length).padStart(5)} mutants  ${String(killed).padStart(5)} killed  ${String(survived).padStart(5)} survived  score ${score.toFixed(1)}%`);
}
console.log(`\nMutation score per scope (killed / (killed + survived); per file in the tables above):\n${rows.join('\n')}`);
