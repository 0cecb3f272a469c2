export type StopSignal = 'SIGTERM' | 'SIGINT';

const SIGNALS: readonly StopSignal[] = ['SIGTERM', 'SIGINT'];
const NUMBER: Readonly<Record<StopSignal, number>> = { SIGINT: 2, SIGTERM: 15 };

/** The part of `process` this needs; tests pass their own. */
export interface SignalTarget {
  on(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
  exit(code: number): void;
}

/**
 * SIGTERM or SIGINT runs `stop` once, then exits 0 (1 if it failed). A second
 * signal exits at once, with the shell's code for death by that signal, for
 * whoever cannot wait: what was still running is then lost.
 */
export function stopOnSignals(stop: (signal: StopSignal) => Promise<void>, target: SignalTarget = process, log: (line: string) => void = console.error): void {
  let stopping = false;
  const onSignal = (signal: StopSignal) => {
    if (stopping) {
      log(`plantrace: ${signal} again: exiting at once.`);
      target.exit(128 + NUMBER[signal]);
      return;
    }
    stopping = true;
    stop(signal).then(
      () => target.exit(0),
      (error: unknown) => {
        log(`plantrace: stopping failed: ${(error as Error)?.message ?? String(error)}`);
        target.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) target.on(signal, onSignal);
}
