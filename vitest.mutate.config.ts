// The suite as mutation testing runs it (npm run mutate): the tests that run
// in this process, without the fault, load, browser and CLI tests, which
// drive child processes (their coverage cannot be attributed to a mutant)
// and take most of the suite's time.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/faults/**', 'test/cli/**', 'test/server/browser.test.ts', 'node_modules/**'],
    },
  }),
);
