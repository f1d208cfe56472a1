/**
 * Puts the shards of one study back together: all N of them, each K once, all with one fingerprint
 * (so one --precision), each holding exactly the replications the assignment (shard.ts) gives it.
 * Anything else is refused, one line per problem, naming the file, before anything is summarised.
 */
import * as messages from './messages.js';
import { type PointPlan, pointKey, pointTask, type Study, type Task, type TaskResult } from './points.js';
import { followsStoppingRule } from './precision.js';
import { type SummaryOptions, studyPlans } from './run.js';
import { InputError } from './scenario/errors.js';
import { shardAssignment } from './shard.js';
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
    precision: s.study.precision ?? null,
    fingerprint: s.fingerprint,
  });
  const problems: string[] = [];
  const byK = new Map<number, ReadShard>();
  // a K held by another study's shard of the same N (run with other flags) is said once, as foreign
  const foreignK = new Set<number>();
  for (const read of shards) {
    const { file, shard } = read;
    if (shard.fingerprint !== reference.shard.fingerprint) {
      problems.push(messages.foreignShard(file, labelOf(shard), labelOf(reference.shard), reference.file));
      if (shard.shard.n === n) foreignK.add(shard.shard.k);
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
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byK.has(k) && !foreignK.has(k));
  if (missing.length > 0) problems.push(messages.missingShards(where, missing, n));
  if (problems.length > 0) throw new InputError(problems);

  const { study, options } = reference.shard;
  const plans = studyPlans(study);
  const shardOf = shardAssignment(study, plans, n);
  const done: TaskResult[] = [];
  for (const [k, { file, shard }] of [...byK].sort(([a], [b]) => a - b)) {
    const mine = shardReplications(study, plans, (p, r) => shardOf(p, r) === k, shard.done);
    if (mine === null) problems.push(messages.shardWrongTasks(file, k, n));
    else done.push(...mine);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { study, options, done };
}

/**
 * The replications of a shard, each with its task as this study defines it (not as the file spells
 * it), when they are exactly those the assignment gives it: with --precision, each of its points'
 * batches as the stopping rule runs them. Null when they are not.
 */
function shardReplications(
  study: Study,
  plans: readonly PointPlan[],
  ours: (plan: number, replication: number) => boolean,
  given: readonly TaskResult[],
): TaskResult[] | null {
  const position = new Map(plans.map((plan, p) => [pointKey(plan), p]));
  const byPoint = plans.map((): TaskResult[] => []);
  for (const r of given) {
    const p = position.get(pointKey(r.task));
    if (p === undefined) return null;
    byPoint[p].push(r);
  }
  const { precision } = study;
  const mine: TaskResult[] = [];
  for (const [p, plan] of plans.entries()) {
    const found = byPoint[p].sort((a, b) => a.task.replication - b.task.replication);
    let expected: Task[];
    if (!precision) expected = plan.tasks.filter((t) => ours(p, t.replication));
    else if (!ours(p, 0)) expected = [];
    else {
      const allocsPerSec = found.map((r) => r.result.allocsPerSec);
      if (!followsStoppingRule(allocsPerSec, plan.tasks.length, precision)) return null;
      expected = found.map((_, r) => plan.tasks[r] ?? pointTask(plan, r));
    }
    if (found.length !== expected.length) return null;
    for (const [i, task] of expected.entries()) {
      const { task: theirs, result, timeline } = found[i];
      if (theirs.replication !== task.replication || theirs.seed !== task.seed) return null;
      // the timeline's task, and it alone, brings its window
      if ((timeline !== undefined) !== (task.timeline === true)) return null;
      mine.push(timeline === undefined ? { task, result } : { task, result, timeline });
    }
  }
  return mine;
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
