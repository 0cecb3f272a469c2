import { loadAssets, type GraphiqlAssets } from './assets.ts';
import { ensureBundle, type BuiltBundle } from './build.ts';

export type GraphiqlState = { readonly ok: true; readonly assets: GraphiqlAssets } | { readonly ok: false; readonly reason: string };

export interface GraphiqlOptions {
  /** How to get the bundle; tests substitute a failing one. */
  readonly bundle?: () => Promise<BuiltBundle>;
  readonly log?: (line: string) => void;
}

/**
 * GraphiQL's assets, built (or taken from the cache) once per process, on the
 * first call of `ready()`. A build failure is remembered, logged once, and
 * turned into the reason the fallback page shows.
 */
export class Graphiql {
  private state: Promise<GraphiqlState> | undefined;

  constructor(private readonly options: GraphiqlOptions = {}) {}

  ready(): Promise<GraphiqlState> {
    this.state ??= this.prepare();
    return this.state;
  }

  private async prepare(): Promise<GraphiqlState> {
    const log = this.options.log ?? ((line: string) => console.error(line));
    try {
      const started = performance.now();
      const bundle = await (this.options.bundle ?? (() => ensureBundle()))();
      const assets = await loadAssets(bundle);
      if (bundle.built) {
        const mib = (bundle.manifest.bytes / (1024 * 1024)).toFixed(1);
        log(`plantrace: built GraphiQL (${mib} MiB) in ${Math.round(performance.now() - started)} ms, cached in ${bundle.dir}`);
      }
      return { ok: true, assets };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      log(`plantrace: GraphiQL could not be built (${reason}); /graphql shows the simple query page instead.`);
      return { ok: false, reason };
    }
  }
}

export { ASSET_PREFIX, type Asset, type GraphiqlAssets } from './assets.ts';
export { graphiqlHtml, PAGE_CSP } from './page.ts';
