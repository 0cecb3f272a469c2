// The arrows of the house (README, "How it is built"): ingest → graph ←
// resolvers ← server, and one door from ingest to the store. Read from the
// import statements of every source file, so a new import that breaks a
// rule fails here rather than in review.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|jsx)$/.test(e.name) ? [path] : [];
  });
}

/** Repo-relative paths of the project files a file imports (packages left out). */
export function importsOf(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => normalize(join(dirname(file), s)));
}

const GRAPH = /^src\/graph\//;
const INGEST = /^src\/ingest\//;
const edges = sourceFiles('src').flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')).map((to) => ({ from: file, to })));
const broken = (rule: (e: { from: string; to: string }) => boolean) => edges.filter(rule).map((e) => `${e.from} → ${e.to}`);

describe('the arrows of the house', () => {
  it('reads the imports it judges (the store door does import the graph)', () => {
    expect(edges.some((e) => e.from === 'src/ingest/store/ingest.ts' && GRAPH.test(e.to))).toBe(true);
    expect(importsOf('src/a/b.ts', "import x from './c.ts';\nexport { y } from '../d/e.ts';\nimport z from 'zod';")).toEqual(['src/a/c.ts', 'src/d/e.ts']);
  });

  it('nothing in src/ingest outside src/ingest/store imports src/graph', () => {
    expect(broken((e) => INGEST.test(e.from) && !e.from.startsWith('src/ingest/store/') && GRAPH.test(e.to))).toEqual([]);
  });

  it('the API and search reach ingest only through the store doors (ingestBytes, reviewers’ decisions) and the query helpers', () => {
    const doors = new Set(['src/ingest/store/ingest.ts', 'src/ingest/store/reviews.ts', 'src/ingest/query.ts']);
    expect(broken((e) => /^src\/(resolvers|server|search)\//.test(e.from) && INGEST.test(e.to) && !doors.has(e.to))).toEqual([]);
  });

  it('the graph imports nothing above it', () => {
    expect(broken((e) => GRAPH.test(e.from) && /^src\/(ingest|resolvers|server|eval|search)\//.test(e.to))).toEqual([]);
  });

  it('resolvers do not import the server', () => {
    expect(broken((e) => e.from.startsWith('src/resolvers/') && e.to.startsWith('src/server/'))).toEqual([]);
  });

  it('every import resolves to a file of the project', () => {
    const files = new Set(sourceFiles('src'));
    const missing = edges.filter((e) => e.to.startsWith('src/') && !files.has(e.to) && !/\.(txt|json|css)$/.test(e.to));
    expect(missing.map((e) => `${e.from} → ${relative('.', e.to)}`)).toEqual([]);
  });
});
