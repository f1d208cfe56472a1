/**
 * Puts the shards of one study back together: all N of them, each K once, all with one fingerprint,
 * each holding exactly the replications the assignment (shard.ts) gives it. Anything else is refused,
 * one line per problem, naming the file, before anything is summarised.
 */
import * as messages from './messages.js';
import type { Study, TaskResult } from './points.js';
import type { SummaryOptions } from './run.js';
import { InputError } from './scenario/errors.js';
import { assignShards, studyTasks, taskKey } from './shard.js';
import type { ShardFile } from './shard-file.js';

/** A shard file read from `file`. */
export interface ReadShard {
  file: string;
  shard: ShardFile;
}

/** The whole study again: what summariseStudy (run.ts) takes. */
export interface MergedStudy {
  study: Study;
  options: SummaryOptions;
  done: TaskResult[];
}

/**
 * Checks that `shards` are all N shards of one study, and returns its replications. `where` names the
 * shards' folder in the message for missing ones. The study is the one most files belong to (the
 * first file's on a tie), so the odd one out is the one named as foreign.
 */
export function mergeShards(shards: readonly ReadShard[], where: string, ourVersion: string): MergedStudy {
  const reference = mostCommon(shards);
  const { n } = reference.shard.shard;
  const labelOf = (s: ShardFile) => ({
    name: s.study.scenario.name,
    n: s.shard.n,
    fingerprint: s.fingerprint,
  });
  const problems: string[] = [];
  const byK = new Map<number, ReadShard>();
  for (const read of shards) {
    const { file, shard } = read;
    if (shard.fingerprint !== reference.shard.fingerprint) {
      problems.push(messages.foreignShard(file, labelOf(shard), labelOf(reference.shard), reference.file));
      continue;
    }
    const other = byK.get(shard.shard.k);
    if (other) problems.push(messages.duplicateShard(file, shard.shard.k, n, other.file));
    else byK.set(shard.shard.k, read);
  }
  if (reference.shard.options.toolVersion !== ourVersion)
    problems.push(
      messages.shardOtherVersion(reference.file, reference.shard.options.toolVersion, ourVersion),
    );
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byK.has(k));
  if (missing.length > 0) problems.push(messages.missingShards(where, missing, n));
  if (problems.length > 0) throw new InputError(problems);

  const { study, options } = reference.shard;
  const tasks = studyTasks(study);
  const shardOf = assignShards(tasks, n);
  const expected = new Map(tasks.map((input, i) => [taskKey(input.task), { input, k: shardOf[i] }]));
  const done: TaskResult[] = [];
  for (const [k, { file, shard }] of [...byK].sort(([a], [b]) => a - b)) {
    const mine = shard.done.filter((r) => {
      const want = expected.get(taskKey(r.task));
      return want !== undefined && want.k === k && want.input.task.seed === r.task.seed;
    });
    const count = shardOf.filter((s) => s === k).length;
    if (mine.length !== shard.done.length || new Set(mine.map((r) => taskKey(r.task))).size !== count) {
      problems.push(messages.shardWrongTasks(file, k, n));
      continue;
    }
    // each result goes with the task as this study defines it, not as the file spells it
    for (const r of mine) done.push({ task: expected.get(taskKey(r.task))!.input.task, result: r.result });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { study, options, done };
}

/** The shard whose fingerprint most files share; the earliest such file on a tie. */
function mostCommon(shards: readonly ReadShard[]): ReadShard {
  const counts = new Map<string, number>();
  for (const { shard } of shards) counts.set(shard.fingerprint, (counts.get(shard.fingerprint) ?? 0) + 1);
  let best = shards[0];
  for (const read of shards) {
    if (counts.get(read.shard.fingerprint)! > counts.get(best.shard.fingerprint)!) best = read;
  }
  return best;
}
