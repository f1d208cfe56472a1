// Runs a study with progress on stderr; the first Ctrl-C stops it cleanly (no files are written), a
// second one kills as usual.

import type { RunOptions } from '../experiment/run.js';
import { InterruptedError } from './exit.js';
import { progressOnStderr } from './progress.js';

/** The hooks a run takes from here: its progress line and the Ctrl-C signal. */
export type RunHooks = Pick<RunOptions, 'onProgress' | 'signal'>;

export async function runInterruptibly<T>(
  name: string,
  showProgress: boolean,
  run: (hooks: RunHooks) => Promise<T>,
): Promise<T> {
  const progress = progressOnStderr(name, showProgress);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new InterruptedError());
  process.once('SIGINT', interrupt);
  try {
    return await run({ onProgress: progress.onProgress, signal: controller.signal });
  } catch (error) {
    throw controller.signal.aborted ? new InterruptedError() : error;
  } finally {
    process.off('SIGINT', interrupt);
    progress.finish();
  }
}
