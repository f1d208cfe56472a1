// The signals that ask zerosim to stop (Ctrl-C's SIGINT, `kill` and `timeout`'s SIGTERM, a closed
// terminal's SIGHUP): the first one is recorded and aborts the run at its next safe point; while an
// output set is being swapped in, every signal waits for the swap to finish. The exit code is 128 + n.

/** The catchable stop signals and their numbers (the exit code is 128 + the number). */
export const stopSignals = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
export type StopSignal = keyof typeof stopSignals;

/** What a stop request has done so far: which signal came, and which folders were written in full. */
export interface StopState {
  signal?: StopSignal;
  /** output folders whose new sets were installed completely */
  written: string[];
  /** aborted by the first signal */
  controller: AbortController;
  /** > 0 while a swap must not be cut short */
  holding: number;
}

/** The stop signals are handled once per process: main() installs them before doing anything else. */
export function installStopHandlers(): StopState {
  const state: StopState = { written: [], controller: new AbortController(), holding: 0 };
  for (const name of Object.keys(stopSignals) as StopSignal[]) {
    process.on(name, () => {
      if (state.signal === undefined) {
        state.signal = name;
        state.controller.abort(new InterruptedError(name));
      } else if (state.holding === 0) {
        // a second request outside a swap: stop now, as the user insists (a swap left half-done is
        // finished by the next run that touches the folder)
        process.exit(128 + stopSignals[name]);
      }
    });
  }
  current = state;
  return state;
}

// The one process-wide stop state: signal handlers are process-wide too.
let current: StopState = { written: [], controller: new AbortController(), holding: 0 };

export function stopState(): StopState {
  return current;
}

/** Throws InterruptedError when a stop signal has come: called at the safe points between phases. */
export function throwIfStopped(): void {
  if (current.signal !== undefined) throw new InterruptedError(current.signal);
}

/** Runs `work` with every stop signal held off until it ends. */
export async function holdingSignals<T>(work: () => Promise<T>): Promise<T> {
  current.holding++;
  try {
    return await work();
  } finally {
    current.holding--;
  }
}

/** A stop signal came; the run ended at a safe point. */
export class InterruptedError extends Error {
  constructor(readonly signal: StopSignal) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
  }
}
