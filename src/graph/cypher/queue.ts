/**
 * One writer at a time, in the order asked: LadybugDB fails a second writer
 * at once instead of waiting, and both engines behave the same for callers.
 * A failed write does not stop the ones queued after it.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every write queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
