import { readFile, writeFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { ingestThroughServer, ServerRefused } from './client/ingest.ts';
import { ConfigError, loadConfig, type Config, type ConfigFlags } from './config.ts';
import type { GraphStore } from './graph/port.ts';
import { openStore } from './graph/open.ts';
import { ExportError } from './export/errors.ts';
import { exportGraph } from './export/export.ts';
import { DEFAULT_OUT, parseExportOptions } from './export/options.ts';
import { closeStore, ingestFiles, recover, resetStore, startWorkers, type IngestReport, type Workers } from './ingest/store/ingest.ts';
import { exportReviews, formatReviewLines, importReviews, parseReviewLines, staleReviewCount } from './ingest/store/reviews.ts';
import { MissingPathsError, resolvePaths } from './ingest/read/paths.ts';
import { inspectFile } from './inspect.ts';
import { progressReporter } from './progress.ts';
import { startServer } from './server/start.ts';

const SEEDS = new URL('../seeds/', import.meta.url);

/** Thrown for a failure the user can act on: printed as one line, exit code 1. */
class UserFacingError extends Error {}

const storeOptions = (cmd: Command) => cmd.addOption(new Option('--data <dir>', 'embedded store folder (env PLANTRACE_DATA, default ./data)'));
const serverOptions = (cmd: Command) =>
  cmd
    .addOption(new Option('--port <port>', 'port to listen on (env PORT, default 4000)'))
    .addOption(new Option('--host <host>', 'host to bind (env HOST, default localhost)'));

function config(flags: ConfigFlags): Config {
  return loadConfig(process.env, flags);
}

async function withStore<T>(cfg: Config, work: (store: GraphStore) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const store = await openStore(cfg.store, undefined, options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * A store to write: what an unclean stop left undone is redone first, and
 * closing checkpoints, so that nothing acknowledged depends on a journal.
 */
async function withWritableStore<T>(cfg: Config, work: (store: GraphStore, workers: Workers) => Promise<T>): Promise<T> {
  const store = await openStore(cfg.store);
  // Threads for understanding documents and computing links (PLANTRACE_WORKERS).
  const workers = startWorkers(cfg.workers);
  try {
    const recovery = await recover(store, { workers });
    if (recovery.message) console.error(recovery.message);
    const result = await work(store, workers);
    await closeStore(store);
    return result;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  } finally {
    await workers.close();
  }
}

function where(cfg: Config): string {
  return cfg.store.engine === 'neo4j' ? `Neo4j at ${cfg.store.neo4j.uri}` : `the embedded store in ${cfg.store.dataDir}`;
}

async function ingest(paths: string[], cfg: Config, store: GraphStore, workers: Workers): Promise<IngestReport> {
  const files = await resolvePaths(paths);
  if (files.length === 0) throw new UserFacingError(`No .txt, .docx, .doc or .pdf files found in ${paths.join(', ')}.`);
  const progress = progressReporter(files.length);
  const started = Date.now();
  const report = await ingestFiles(files, store, { onProgress: (p) => progress.update(p), writeGroup: cfg.writeGroup, workers });
  progress.stop();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const statements = report.ingested.reduce((n, d) => n + d.statements, 0);
  console.log(
    `Ingested ${report.ingested.length} document(s) (${statements} statements), ${report.unchanged.length} unchanged, ${report.failed.length} failed, in ${seconds}s into ${where(cfg)}.`,
  );
  if (report.links.regions) {
    console.log(`Linked ${report.links.regions} region(s): ${report.links.evidence} evidence links, ${report.links.continuations} continuations.`);
  }
  if (report.notLinked) console.error(`  ✗ ${report.notLinked}`);
  for (const f of report.failed) console.error(`  ✗ ${f.file}: ${f.reason} [${f.code}]`);
  // A changed document can leave reviewers' decisions naming text that is no longer there: say so, never drop them.
  if (report.ingested.length) await tellStale(store);
  return report;
}

/** `ingest --server`: through the running server's mutation, one file at a time, with the same summary. */
async function ingestRemote(paths: string[], server: string, cfg: Config): Promise<void> {
  const url = z.url({ protocol: /^https?$/ }).safeParse(server);
  if (!url.success) throw new UserFacingError(`--server takes the server's address, e.g. http://localhost:4000, not "${server}".`);
  const files = await resolvePaths(paths);
  if (files.length === 0) throw new UserFacingError(`No .txt, .docx, .doc or .pdf files found in ${paths.join(', ')}.`);
  let outcomes;
  try {
    outcomes = await ingestThroughServer(files, { url: url.data, token: cfg.api.token, onFile: (done, o) => console.error(`ingest: ${done}/${files.length} ${o.file}: ${o.status}`) });
  } catch (error) {
    if (error instanceof ServerRefused) throw new UserFacingError(error.message);
    throw error;
  }
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  console.log(`Ingested ${count('INGESTED')} document(s), ${count('UNCHANGED')} unchanged, ${count('FAILED')} failed, through the server at ${url.data}.`);
  for (const o of outcomes.filter((x) => x.status === 'FAILED')) console.error(`  ✗ ${o.file}: ${o.reason} [${o.code}]`);
  if (count('FAILED')) process.exitCode = 1;
}

async function tellStale(store: GraphStore): Promise<void> {
  const stale = await staleReviewCount(store);
  if (stale) {
    console.log(
      `${stale} reviewer decision(s) need a new look: a statement they name is gone or reads otherwise now. They are kept but not applied; the API lists them with reviews(where: {stale: true}).`,
    );
  }
}

export function buildCli(): Command {
  const program = new Command('plantrace')
    .description('Trace what Chinese local governments promised in their health plans and what they later reported.')
    .showHelpAfterError()
    .exitOverride();

  storeOptions(
    program
      .command('ingest')
      .description('read documents (.txt .docx .doc .pdf, or folders of them) into the graph')
      .argument('<paths...>', 'files or folders')
      .addOption(new Option('--server <url>', 'send them to a running `plantrace serve` at this address (its token in PLANTRACE_TOKEN) instead of opening the store')),
  ).action(async (paths: string[], flags: ConfigFlags & { server?: string }) => {
    const cfg = config(flags);
    if (flags.server) {
      await ingestRemote(paths, flags.server, cfg);
      return;
    }
    const report = await withWritableStore(cfg, (store, workers) => ingest(paths, cfg, store, workers));
    if (report.failed.length || report.notLinked) process.exitCode = 1;
  });

  serverOptions(storeOptions(program.command('serve').description('serve the GraphQL API and playground'))).action(async (flags: ConfigFlags) => {
    await startServer(config(flags));
  });

  serverOptions(storeOptions(program.command('start').description('ingest seeds/ if the store is empty, then serve'))).action(async (flags: ConfigFlags) => {
    const cfg = config(flags);
    await withWritableStore(cfg, async (store, workers) => {
      const counts = await store.counts();
      if (counts.nodes.Document === 0) await ingest([SEEDS.pathname], cfg, store, workers);
    });
    await startServer(cfg);
  });

  storeOptions(program.command('stats').description('count nodes and relationships in the graph'))
    .option('--json', 'print JSON')
    .action(async (flags: ConfigFlags & { json?: boolean }) => {
      const cfg = config(flags);
      // Read-only, so it works beside a running `serve` (which holds the store's one writer).
      const counts = await withStore(cfg, (store) => store.counts(), { readOnly: true });
      if (flags.json) return console.log(JSON.stringify(counts, null, 2));
      console.log(`Graph in ${where(cfg)}:`);
      for (const [label, n] of Object.entries(counts.nodes)) console.log(`  ${label.padEnd(16)} ${n}`);
      for (const [type, n] of Object.entries(counts.relationships)) console.log(`  ${`-[:${type}]->`.padEnd(16)} ${n}`);
    });

  storeOptions(program.command('reset').description('delete every document and fact from the graph (reviewers’ decisions stay unless --reviews)'))
    .option('--reviews', 'delete reviewers’ decisions too (export them first: plantrace reviews export)')
    .action(async (flags: ConfigFlags & { reviews?: boolean }) => {
      const cfg = config(flags);
      const kept = await withStore(cfg, async (store) => {
        await resetStore(store, { reviews: flags.reviews === true });
        return (await store.counts()).nodes.Review;
      });
      console.log(`Emptied ${where(cfg)}${kept ? `; kept ${kept} reviewer decision(s), which apply again when their documents are ingested` : ''}.`);
    });

  const reviews = program.command('reviews').description('reviewers’ decisions on links: move them between stores');
  storeOptions(reviews.command('export').description('write every decision, oldest first, as NDJSON (one a line)'))
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: ConfigFlags & { out?: string }) => {
      const cfg = config(flags);
      // Read-only, so it works beside a running `serve`: every decision the API acknowledged is checkpointed, so it is there.
      const lines = await withStore(cfg, exportReviews, { readOnly: true });
      const text = formatReviewLines(lines);
      if (!flags.out) return void process.stdout.write(text);
      await writeFile(flags.out, text, 'utf8');
      console.error(`Wrote ${lines.length} decision(s) from ${where(cfg)} to ${flags.out}.`);
    });
  storeOptions(reviews.command('import').description('add decisions from an NDJSON file written by export, then relink the regions they touch'))
    .argument('<file>')
    .action(async (file: string, flags: ConfigFlags) => {
      const cfg = config(flags);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new UserFacingError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      const parsed = parseReviewLines(text);
      if (!parsed.ok) throw new UserFacingError(`${file} is not a file of decisions; nothing was imported:\n  ${parsed.problems.join('\n  ')}`);
      const report = await withWritableStore(cfg, (store, workers) => importReviews(store, parsed.lines, { workers }));
      console.log(
        `Imported ${report.read} decision(s) from ${file} into ${where(cfg)}: ${report.added} new, ${report.read - report.added} already held; relinked ${report.regions} region(s).`,
      );
      if (report.stale) {
        console.log(
          `${report.stale} of the decisions in force need a new look here: a statement they name is missing or reads otherwise. They are kept but not applied; the API lists them with reviews(where: {stale: true}).`,
        );
      }
    });

  storeOptions(
    program
      .command('export')
      .description('write every node and relationship, with its source, as NDJSON, CSV or the files neo4j-admin and LOAD CSV read')
      .option('--format <format>', 'ndjson | csv | neo4j')
      .option('--out <dir>', `a new or empty folder (default ${DEFAULT_OUT})`),
  ).action(async (flags: ConfigFlags & { format?: string; out?: string }) => {
    const parsed = parseExportOptions(flags);
    if (!parsed.ok) throw new UserFacingError(parsed.message);
    const cfg = config(flags);
    // Read-only, as stats: it works beside a running `serve`, and reads the store as last checkpointed.
    const report = await withStore(cfg, (store) => exportGraph(store, parsed.options), { readOnly: true });
    const nodes = Object.values(report.nodes).reduce((a, b) => a + b, 0);
    const rels = Object.values(report.relationships).reduce((a, b) => a + b, 0);
    const mb = (report.bytes / 2 ** 20).toFixed(1);
    console.log(
      `Exported ${nodes} nodes and ${rels} relationships from ${where(cfg)} as ${report.format} to ${report.out} (${report.files.length} files, ${mb} MB, ${report.seconds.toFixed(1)}s).`,
    );
    if (report.format === 'neo4j') console.log(`To load it into Neo4j: ${report.out}/README.txt (import.sh for neo4j-admin, load.cypher for LOAD CSV).`);
  });

  program
    .command('inspect')
    .description('show how one file is understood: description, outline, boxes, tables, diagnostics (writes nothing)')
    .argument('<file>')
    .option('--json', 'print JSON')
    .action(async (file: string, flags: { json?: boolean }) => {
      const result = await inspectFile(file, { json: flags.json ?? false });
      if (!result.ok) {
        console.error(`plantrace: ${result.message}`);
        process.exitCode = 1;
        return;
      }
      console.log(result.output);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError || error instanceof MissingPathsError || error instanceof UserFacingError || error instanceof ExportError) {
      console.error(`plantrace: ${error.message}`);
      return 2;
    }
    console.error(`plantrace: ${(error as Error).message}`);
    if (process.env.PLANTRACE_DEBUG) console.error(error);
    return 1;
  }
}
