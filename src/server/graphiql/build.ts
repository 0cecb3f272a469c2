// Bundling GraphiQL (React + Monaco) into static files with esbuild, once per
// version of what goes into it. The result is cached on disk, so only the
// first start on a fresh machine pays for it (a few seconds); a test, a
// second server or a restart reuses it.
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
/** Everything that runs in the page: entry.jsx and the modules it imports. */
const BROWSER = fileURLToPath(new URL('./browser/', import.meta.url));
const ENTRY = join(BROWSER, 'entry.jsx');
const SELF = fileURLToPath(new URL('./build.ts', import.meta.url));

/**
 * Packages whose version changes what ends up in the bundle, each with the
 * package it is found from: graphiql-explorer is installed nested in the
 * Explorer plugin's node_modules, and Node's lookup from there finds it
 * whether nested or hoisted.
 */
const INPUT_PACKAGES: ReadonlyArray<readonly [name: string, from?: string]> = [
  ['graphiql'],
  ['@graphiql/react'],
  ['@graphiql/plugin-explorer'],
  ['graphiql-explorer', '@graphiql/plugin-explorer'],
  ['monaco-editor'],
  ['monaco-graphql'],
  ['react'],
  ['react-dom'],
  ['graphql'],
  ['csv-stringify'],
  ['esbuild'],
];

/** Monaco's workers, by the file name entry.jsx asks for. */
const WORKERS: Readonly<Record<string, string>> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

export const MANIFEST = 'manifest.json';

export interface Manifest {
  /** The cache key: part of every asset's URL, so assets can be cached forever. */
  readonly id: string;
  /** Files in the folder, relative, with forward slashes. */
  readonly files: readonly string[];
  readonly buildMs: number;
  readonly bytes: number;
}

export interface BuiltBundle {
  readonly dir: string;
  readonly manifest: Manifest;
  /** False when an earlier build was reused. */
  readonly built: boolean;
}

/** Where bundles are cached: node_modules/.cache, the conventional spot that `npm ci` wipes. */
export function defaultCacheRoot(): string {
  return join(PROJECT, 'node_modules', '.cache', 'plantrace-graphiql');
}

/** A short hash of every input: the packages' versions, the page's own modules, and this file's build options. */
export async function bundleKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const [name, from] of INPUT_PACKAGES) {
    const pkg = JSON.parse(await readFile(await packageJson(name, from ? join(PROJECT, 'node_modules', from) : PROJECT), 'utf8')) as { version: string };
    hash.update(`${name}@${pkg.version}\n`);
  }
  for (const file of (await readdir(BROWSER)).sort()) {
    hash.update(`${file}\n`);
    hash.update(await readFile(join(BROWSER, file)));
  }
  hash.update(await readFile(SELF));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A package's package.json as Node's lookup finds the package from `dir`: in
 * its node_modules, then its parents'. Read by path, since an `exports` map
 * (csv-stringify's) may not list package.json.
 */
async function packageJson(name: string, dir: string): Promise<string> {
  for (let at = dir; ; at = dirname(at)) {
    const path = join(at, 'node_modules', name, 'package.json');
    if (await access(path).then(() => true, () => false)) return path;
    if (dirname(at) === at) throw new Error(`${name} is not installed (looked from ${relative(PROJECT, dir) || '.'})`);
  }
}

/**
 * The cached bundle for the current inputs, building it first if it is
 * missing. Safe when several processes start at once (vitest's workers): each
 * builds into its own folder and renames it into place; the first rename wins.
 */
export async function ensureBundle(cacheRoot = defaultCacheRoot()): Promise<BuiltBundle> {
  const id = await bundleKey();
  const root = await writableRoot(cacheRoot);
  const dir = join(root, id);
  const cached = await readManifest(dir);
  if (cached) return { dir, manifest: cached, built: false };

  const scratch = join(root, `.${id}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const manifest = await buildInto(scratch, id);
    await rename(scratch, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished first: its bundle is the same one.
      if ((await readManifest(dir)) === null) throw error;
    });
    const final = (await readManifest(dir)) ?? manifest;
    await pruneOthers(root, id);
    return { dir, manifest: final, built: true };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function buildInto(outdir: string, id: string): Promise<Manifest> {
  // Imported here, not at the top: a server that never serves the page never loads esbuild.
  const { build } = await import('esbuild');
  const started = performance.now();
  const common: BuildOptions = {
    absWorkingDir: PROJECT,
    bundle: true,
    minify: true,
    legalComments: 'linked',
    target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images referenced from CSS become files next to the bundle.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: 'assets/[name]-[hash]',
    logLevel: 'silent',
    outdir,
  };
  const app = await build({
    ...common,
    metafile: true,
    entryPoints: [{ in: ENTRY, out: 'app' }],
    format: 'esm',
    // No code splitting: esbuild does not load the CSS of lazily imported chunks
    // (Monaco's), so everything, Prettier included, goes into app.js and app.css.
    jsx: 'automatic',
  });
  // Workers are classic scripts: `new Worker(url)` without { type: 'module' } works everywhere.
  const workers = await build({
    ...common,
    metafile: true,
    entryPoints: Object.entries(WORKERS).map(([out, entry]) => ({ in: entry, out })),
    format: 'iife',
  });
  const outputs = { ...app.metafile.outputs, ...workers.metafile.outputs };
  // Metafile paths are relative to absWorkingDir; the manifest's are relative to the bundle.
  const files = Object.keys(outputs)
    .map((f) => relative(outdir, join(PROJECT, f)).split(sep).join('/'))
    .sort();
  const bytes = Object.values(outputs).reduce((n, o) => n + o.bytes, 0);
  const manifest: Manifest = { id, files, buildMs: Math.round(performance.now() - started), bytes };
  // Written last: a folder without a manifest is an unfinished build and is never served.
  await writeFile(join(outdir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Bundles of older versions are never served again. */
async function pruneOthers(root: string, id: string): Promise<void> {
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== id) {
      await rm(join(root, entry.name), { recursive: true, force: true });
    }
  }
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** The cache root, or a folder in the system's temp dir when node_modules is read-only. */
async function writableRoot(preferred: string): Promise<string> {
  try {
    await mkdir(preferred, { recursive: true });
    const probe = join(preferred, `.probe-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe);
    return preferred;
  } catch {
    const fallback = join(tmpdir(), 'plantrace-graphiql');
    await mkdir(fallback, { recursive: true });
    return fallback;
  }
}
