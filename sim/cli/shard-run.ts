// `run` and `whatif` with --shard K/N: runs that part of the study (experiment/shard.ts) with progress
// and Ctrl-C as a whole run has, and writes DIR/shard-K-of-N.json, atomically, for `zerosim merge`.

import { join } from 'node:path';
import * as messages from '../experiment/messages.js';
import type { Shard } from '../experiment/shard.js';
import { runShard } from '../experiment/shard.js';
import { shardFileText } from '../experiment/shard-file.js';
import { writeFileAtomically } from './file-set.js';
import { runInterruptibly } from './interruptible.js';
import type { StudyPlan } from './options.js';
import { displayPath } from './paths.js';

/** The shard file of shard `k` of `n` in `dir`. */
export function shardPath(dir: string, { k, n }: Shard): string {
  return join(dir, messages.shardFileName(k, n));
}

export async function runShardAndWrite({ study, options, showProgress, dir }: StudyPlan, shard: Shard) {
  const run = await runInterruptibly(`${study.scenario.name} ${shard.k}/${shard.n}`, showProgress, (hooks) =>
    runShard(study, shard, { ...options, ...hooks }),
  );
  const path = shardPath(dir, shard);
  // the tasks of a job array write their shards side by side into one folder: one file each
  await writeFileAtomically(path, shardFileText(run));
  process.stdout.write(
    `${messages.shardWritten(shard.k, shard.n, run.done.length, run.totalTasks, displayPath(path))}\n`,
  );
}
