import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { BuiltBundle } from './build.ts';

const gzipAsync = promisify(gzip);

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Asset {
  readonly type: string;
  readonly body: Buffer;
  /** Gzipped once at load: app.js is 5 MB, about 1.4 MB compressed. */
  readonly gzipped: Buffer | null;
}

/** The bundle's files in memory, by their path under the bundle (`app.js`, `assets/codicon-….ttf`). */
export interface GraphiqlAssets {
  /** Part of every asset URL: a new bundle gets new URLs, so old ones may be cached forever. */
  readonly id: string;
  /** The URL prefix of the assets, ending in `/`. */
  readonly base: string;
  get(path: string): Asset | undefined;
}

export const ASSET_PREFIX = '/graphiql/';

export async function loadAssets(bundle: BuiltBundle): Promise<GraphiqlAssets> {
  const files = new Map<string, Asset>();
  for (const path of bundle.manifest.files) {
    const type = TYPES[extname(path)];
    if (!type) continue;
    const body = await readFile(join(bundle.dir, path));
    const gzipped = body.length > 1024 && !type.startsWith('font/woff') ? await gzipAsync(body) : null;
    files.set(path, { type, body, gzipped });
  }
  const id = bundle.manifest.id;
  return { id, base: `${ASSET_PREFIX}${id}/`, get: (path) => files.get(path) };
}
