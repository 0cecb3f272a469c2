import { SingleBar } from 'cli-progress';
import type { IngestProgress } from './ingest/store/ingest.ts';

export interface ProgressReporter {
  update(p: IngestProgress): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Milliseconds; injectable so tests see fixed rates and times. */
  readonly now?: () => number;
}

type Out = Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/**
 * A bar on a terminal; elsewhere (CI, pipes) a few plain lines, never one per
 * file of a thousand. After the files comes the relink of the touched regions,
 * which can take a while on a big corpus: it gets its own line, with its time.
 */
export function progressReporter(total: number, stream: Out = process.stderr, options: ProgressOptions = {}): ProgressReporter {
  const now = options.now ?? Date.now;
  const started = now();
  let linkStarted = 0;
  const rate = (done: number) => (done / Math.max((now() - started) / 1000, 0.001)).toFixed(1);
  const linkLine = (p: IngestProgress) =>
    p.links === undefined
      ? `linking ${p.regions ?? 0} region(s)…`
      : `linked ${p.regions ?? 0} region(s): ${p.links} links in ${seconds(now() - linkStarted)}; ${seconds(now() - started)} in all`;

  if (stream.isTTY && !process.env.CI) {
    const bar = new SingleBar(
      {
        format: 'ingest [{bar}] {value}/{total} files | {statements} statements | {duration_formatted} | {rate} files/s | {file}',
        hideCursor: true,
        stream: stream as NodeJS.WriteStream,
      },
    );
    bar.start(total, 0, { statements: 0, rate: '0', file: '' });
    return {
      update: (p) => {
        if (p.phase === 'links') {
          if (p.links === undefined) linkStarted = now();
          bar.update(p.done, { statements: p.statements, rate: rate(p.done), file: linkLine(p) });
          return;
        }
        bar.update(p.done, { statements: p.statements, rate: rate(p.done), file: p.file.split('/').pop() });
      },
      stop: () => bar.stop(),
    };
  }

  const every = Math.max(1, Math.ceil(total / 10));
  return {
    update: (p) => {
      if (p.phase === 'links') {
        if (p.links === undefined) linkStarted = now();
        if (total > 1) stream.write(`ingest: ${linkLine(p)}\n`);
        return;
      }
      if (total > 1 && (p.done % every === 0 || p.done === total)) {
        stream.write(`ingest: ${p.done}/${total} files, ${p.statements} statements, ${rate(p.done)} files/s, ${seconds(now() - started)}\n`);
      }
    },
    stop: () => undefined,
  };
}
