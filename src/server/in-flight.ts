/**
 * The work of the requests being answered, so that a stop can wait for it.
 * Work is followed until it settles, not until it is answered: a request
 * answered TIMEOUT goes on running, and a write cut off by closing the store
 * under it would be lost.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();
  private stopping = false;

  /** True once a drain has begun: new requests are refused from then on. */
  get draining(): boolean {
    return this.stopping;
  }

  get size(): number {
    return this.pending.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => void this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** Refuses new work, then waits for the work under way: true when it all settled, false when `graceMs` ran out first. */
  async drain(graceMs: number): Promise<boolean> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    try {
      while (this.pending.size > 0) {
        const settled = Promise.allSettled([...this.pending]).then(() => true as const);
        if (!(await Promise.race([settled, outOfTime]))) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
