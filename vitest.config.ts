import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships a CommonJS and an ES build. Node (and so Apollo, and
    // plantrace under tsx) loads the CommonJS one; Vite would hand our sources
    // the ES one, and the two refuse each other's schema objects ("from another
    // module or realm"). The tests load what production loads.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('node_modules/graphql/index.js', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The embedded store is a native library with one writer per file; tests
    // that open stores use their own folders, but two cores is all CI has.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
