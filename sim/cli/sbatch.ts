// Submits `zerosim slurm`'s scripts: the job array, then the merge held until every array task has
// succeeded (--dependency=afterok:<array job id>); sbatch --parsable prints the job id.

import { spawnSync } from 'node:child_process';
import * as messages from '../experiment/messages.js';
import { InputError } from '../experiment/scenario/index.js';
import { displayPath } from './paths.js';

export interface Submitted {
  arrayJob: string;
  mergeJob: string;
}

/** The job id sbatch --parsable printed ("id" or "id;cluster"); InputError when sbatch refused. */
function sbatch(args: readonly string[], script: string, arrayJob?: string): string {
  const result = spawnSync('sbatch', ['--parsable', ...args, script], { encoding: 'utf8' });
  const shown = displayPath(script);
  if ((result.error as { code?: string } | undefined)?.code === 'ENOENT')
    throw new InputError([messages.sbatchMissing(shown)]);
  const id = result.stdout?.trim().split(';')[0] ?? '';
  if (result.status !== 0 || !/^\d+$/.test(id)) {
    const why =
      (result.stderr ?? '').trim().split('\n').pop() || result.error?.message || `exited ${result.status}`;
    throw new InputError([messages.sbatchFailed(shown, why, arrayJob)]);
  }
  return id;
}

export function submit(shardsScript: string, mergeScript: string): Submitted {
  const arrayJob = sbatch([], shardsScript);
  const mergeJob = sbatch([`--dependency=afterok:${arrayJob}`], mergeScript, arrayJob);
  return { arrayJob, mergeJob };
}
