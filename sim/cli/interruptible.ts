// Runs a study with progress on stderr; a stop signal (signals.ts) aborts it cleanly, and no files
// are written for it.

import type { RunOptions } from '../experiment/run.js';
import { progressOnStderr } from './progress.js';
import { InterruptedError, stopState, throwIfStopped } from './signals.js';

/** The hooks a run takes from here: its progress line and the stop signal. */
export type RunHooks = Pick<RunOptions, 'onProgress' | 'signal'>;

export async function runInterruptibly<T>(
  name: string,
  showProgress: boolean,
  run: (hooks: RunHooks) => Promise<T>,
): Promise<T> {
  throwIfStopped();
  const progress = progressOnStderr(name, showProgress);
  const { controller } = stopState();
  try {
    return await run({ onProgress: progress.onProgress, signal: controller.signal });
  } catch (error) {
    const signal = stopState().signal;
    throw signal !== undefined ? new InterruptedError(signal) : error;
  } finally {
    progress.finish();
  }
}
