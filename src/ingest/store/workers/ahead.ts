/**
 * Start `work` on each item up to `ahead` items beyond the one being
 * consumed, and give the results back in the items' order, whatever order
 * they finish in: documents are understood on several threads at once, and
 * still written, and acknowledged, in the order they were given. With
 * `ahead` 0 each item is started only when its turn comes.
 */
export async function* inOrder<T, R>(items: readonly T[], work: (item: T) => Promise<R>, ahead: number): AsyncGenerator<R> {
  const started = new Map<number, Promise<R>>();
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    for (; next < items.length && next <= i + ahead; next++) {
      const running = work(items[next]!);
      // Awaited in turn below; if the consumer stops first, a later failure must not go unhandled.
      running.catch(() => undefined);
      started.set(next, running);
    }
    const result = started.get(i)!;
    started.delete(i);
    yield await result;
  }
}
