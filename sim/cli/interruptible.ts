// Runs a study with progress on stderr; the first Ctrl-C stops it cleanly (no files are written), a
// second one kills as usual.

import type { RunOptions } from '../experiment/run.js';
import type { Results } from '../types/index.js';
import { InterruptedError } from './exit.js';
import { toolVersion } from './paths.js';
import { progressOnStderr } from './progress.js';

export async function runInterruptibly(
  name: string,
  showProgress: boolean,
  study: (options: RunOptions) => Promise<Results>,
  options: Omit<RunOptions, 'signal' | 'onProgress' | 'toolVersion'>,
): Promise<Results> {
  const progress = progressOnStderr(name, showProgress);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new InterruptedError());
  process.once('SIGINT', interrupt);
  try {
    return await study({
      ...options,
      onProgress: progress.onProgress,
      signal: controller.signal,
      toolVersion: toolVersion(),
    });
  } catch (error) {
    throw controller.signal.aborted ? new InterruptedError() : error;
  } finally {
    process.off('SIGINT', interrupt);
    progress.finish();
  }
}
