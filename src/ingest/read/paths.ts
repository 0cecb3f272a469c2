// Which files a run reads: folders expanded to the documents inside them.
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './formats.ts';

/** Paths the user named that do not exist: the run stops before anything is written. */
export class MissingPathsError extends Error {
  override readonly name = 'MissingPathsError';
  constructor(readonly paths: readonly string[]) {
    super(`No such file or folder: ${paths.join(', ')}. Nothing was ingested.`);
  }
}

/** Expand folders to the supported files inside them, sorted; every named path must exist. */
export async function resolvePaths(paths: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) missing.push(p);
    else if (info.isDirectory()) files.push(...(await filesIn(p)));
    else files.push(p);
  }
  if (missing.length) throw new MissingPathsError(missing);
  return [...new Set(files)];
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesIn(path)));
    else if (SUPPORTED_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(path);
  }
  return out;
}
