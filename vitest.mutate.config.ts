// The tests mutation testing runs (npm run mutate), per scope: for each
// folder under test, the tests that exercise it and run in this process.
// Stryker's vitest runner runs tests in worker threads, one at a time, and
// runs every test of the scope for a mutant of module-level code (a query's
// condition table, a rule constant), so a scope's tests must be quick.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export const MUTATION_SCOPES = {
  queries: {
    mutate: ['src/graph/queries/**/*.ts'],
    tests: ['test/graph/queries.tck.test.ts', 'test/graph/cypher-lint.test.ts', 'test/resolvers/filters.test.ts'],
  },
  // The link stage's own tests, which open no store: under the runner's worker threads a store test's
  // native crash (LadybugDB on a mutant's odd value) took its whole file down, and Stryker counted the
  // mutants that file should have killed as survivors (a first run reported findEvidence emptied as surviving).
  link: {
    mutate: ['src/ingest/link/**/*.ts'],
    tests: ['test/ingest/link/link.test.ts', 'test/ingest/link/series.test.ts', 'test/ingest/link/term-index.test.ts', 'test/eval/links.test.ts', 'test/eval/reporting.test.ts'],
  },
  server: {
    mutate: ['src/server/**/*.ts', '!src/server/graphiql/**', '!src/server/examples.ts'],
    tests: ['test/server/**/*.test.ts', '!test/server/browser.test.ts'],
  },
} as const;

export type MutationScope = keyof typeof MUTATION_SCOPES;
const scope = (process.env.PLANTRACE_MUTATE_SCOPE ?? 'queries') as MutationScope;
const { tests } = MUTATION_SCOPES[scope];

// Not mergeConfig: it would add these lists to the suite's own include.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: tests.filter((t) => !t.startsWith('!')),
    exclude: ['node_modules/**', ...tests.filter((t) => t.startsWith('!')).map((t) => t.slice(1))],
  },
});
