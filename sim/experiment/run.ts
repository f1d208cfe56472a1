/**
 * Runs a resolved scenario: expand points → simulate replications → summarise. (Being written.)
 */
import type { Results, Scenario } from './types.js';

export interface RunOptions {
  /** worker threads; results are identical for every value */
  jobs: number;
  /** called after each finished replication with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

export async function runStudy(_scenario: Scenario, _options: RunOptions): Promise<Results> {
  throw new Error('runStudy: being written');
}
