// `run` and `whatif` with --shard K/N: runs that part of the study (experiment/shard.ts) with progress
// and Ctrl-C as a whole run has, and writes DIR/shard-K-of-N.json, atomically, for `zerosim merge`.

import { join } from 'node:path';
import * as messages from '../experiment/messages.js';
import { pointKey } from '../experiment/points.js';
import { studyPlans } from '../experiment/run.js';
import type { Shard, ShardRun } from '../experiment/shard.js';
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
  process.stdout.write(`${writtenLine(run, displayPath(path))}\n`);
}

/** What the shard holds: its share of the replications, or with --precision its share of the points. */
function writtenLine({ shard, study, done, totalTasks }: ShardRun, path: string): string {
  if (!study.precision) return messages.shardWritten(shard.k, shard.n, done.length, totalTasks, path);
  const points = new Set(done.map((r) => pointKey(r.task))).size;
  const totalPoints = studyPlans(study).length;
  return messages.shardWrittenPoints(shard.k, shard.n, points, totalPoints, done.length, path);
}
