// Where the CPU-bound steps of ingest run: on worker threads (piscina), so
// that understanding a large document never holds up the event loop that
// answers queries, and documents are understood on every core; or, with no
// threads (PLANTRACE_WORKERS=0), on the calling thread, as before.
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { linkPart, type LinkPartResult, type LinkPartTask } from '../link-part.ts';
import { prepareDocument, type PrepareResult, type PrepareTask } from '../prepare.ts';

export interface Workers {
  /** Worker threads; 0 when the calling thread does the work. */
  readonly threads: number;
  /** Read, understand and build one document's batch (prepare.ts). Rejects with the signal's reason once it is aborted. */
  prepare(task: PrepareTask, signal?: AbortSignal): Promise<PrepareResult>;
  /** Compute one part's links (link-part.ts). */
  link(task: LinkPartTask): Promise<LinkPartResult>;
  /** Stop the threads; the tasks under way are cut off. */
  close(): Promise<void>;
}

/** The work done on the calling thread: what tests and scripts get unless they start workers. */
export const ON_THIS_THREAD: Workers = {
  threads: 0,
  async prepare(task, signal) {
    signal?.throwIfAborted();
    const result = await prepareDocument(task);
    // Understanding itself cannot be interrupted on this thread; what it made is dropped.
    signal?.throwIfAborted();
    return result;
  },
  async link(task) {
    return linkPart(task);
  },
  async close() {},
};

const ENTRY = fileURLToPath(new URL('./entry.mjs', import.meta.url));

class Pool implements Workers {
  private started: Piscina | undefined;

  constructor(
    readonly threads: number,
    eager: boolean,
  ) {
    if (eager) void this.piscina;
  }

  /**
   * The threads, started with the first task unless eager: each loads the
   * ingest modules (a second or two of CPU), which a command with nothing to
   * understand (a recovery with an empty journal) should not pay. Then all at
   * once, and kept.
   */
  private get piscina(): Piscina {
    this.started ??= new Piscina({ filename: ENTRY, minThreads: this.threads, maxThreads: this.threads });
    return this.started;
  }

  async prepare(task: PrepareTask, signal?: AbortSignal): Promise<PrepareResult> {
    try {
      // Aborted, a queued task is dropped and a running one's thread stopped (piscina starts another).
      return (await this.piscina.run(task, { name: 'prepare', ...(signal ? { signal } : {}) })) as PrepareResult;
    } catch (error) {
      // piscina's own AbortError says less than the reason the caller gave.
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
  }

  async link(task: LinkPartTask): Promise<LinkPartResult> {
    return (await this.piscina.run(task, { name: 'link' })) as LinkPartResult;
  }

  async close(): Promise<void> {
    await this.started?.destroy();
  }
}

/**
 * Workers on `threads` threads, or ON_THIS_THREAD for 0. The threads start
 * with the first task, or at once when `eager` (a server: its first document
 * should not wait for them).
 */
export function startWorkers(threads: number, options: { readonly eager?: boolean } = {}): Workers {
  return threads > 0 ? new Pool(threads, options.eager ?? false) : ON_THIS_THREAD;
}
