import { SingleBar } from 'cli-progress';
import type { IngestProgress } from './ingest/ingest.ts';

export interface ProgressReporter {
  update(p: IngestProgress): void;
  stop(): void;
}

/** A bar on a terminal; elsewhere (CI, pipes) a few plain lines, never one per file of a thousand. */
export function progressReporter(total: number, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const started = Date.now();
  const rate = (done: number) => (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
  if (stream.isTTY && !process.env.CI) {
    const bar = new SingleBar(
      { format: 'ingest [{bar}] {value}/{total} files | {statements} statements | {duration_formatted} | {rate} files/s | {file}', hideCursor: true, stream },
    );
    bar.start(total, 0, { statements: 0, rate: '0', file: '' });
    return {
      update: (p) => bar.update(p.done, { statements: p.statements, rate: rate(p.done), file: p.file.split('/').pop() }),
      stop: () => bar.stop(),
    };
  }
  const every = Math.max(1, Math.ceil(total / 10));
  return {
    update: (p) => {
      if (total > 1 && (p.done % every === 0 || p.done === total)) {
        stream.write(`ingest: ${p.done}/${total} files, ${p.statements} statements, ${rate(p.done)} files/s\n`);
      }
    },
    stop: () => undefined,
  };
}
