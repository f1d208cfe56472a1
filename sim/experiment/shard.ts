/**
 * Splits a study into N shards, so that N machines (a Slurm job array) each run one N-th of its
 * replications, and checks the parts back into one study:
 *
 *   Study ─variants, budget─▶ tasks ─assign (longest first, to the least loaded shard)─▶ shard K's tasks
 *     ─run (pool.ts)─▶ ShardRun (shard-file.ts writes it) … N of them
 *     ─mergeShards (shard-merge.ts)─▶ every replication
 *
 * A task keeps the seed it has in the whole run, so a shard computes exactly what the whole run computes
 * for its replications, and the merged results are the whole run's. The assignment depends on the study
 * and N alone, never on the machine, so every task of an array and the merge agree on it. With
 * --precision a shard takes whole points and runs each to the precision sought (precision.ts): a
 * point's batches depend on its own replications only, so they are those of the whole run.
 */
import { estimatePointEvents } from './budget.js';
import * as messages from './messages.js';
import {
  type PointPlan,
  pointKey,
  type Study,
  type TaskInput,
  type TaskResult,
  taskInputs,
} from './points.js';
import { checkedStudyPlans, type RunOptions, runPlans, type SummaryOptions, studyPlans } from './run.js';
import { InputError } from './scenario/errors.js';

/** Shard k (from 1) of n. */
export interface Shard {
  k: number;
  n: number;
}

/** One shard's part of a study: the study and what its results depend on, and its replications. */
export interface ShardRun {
  shard: Shard;
  study: Study;
  options: SummaryOptions;
  /** replications in the whole study (with --precision, in the points' first batches) */
  totalTasks: number;
  /** this shard's replications, in task order */
  done: TaskResult[];
}

/**
 * Every replication task of the study (with --precision, the points' first batches), in variant ×
 * policy × cores × replication order.
 */
export function studyTasks(study: Study): TaskInput[] {
  return taskInputs(studyPlans(study));
}

/** The study's tasks, once its budget is checked (InputError when over it): what every shard starts with. */
export function checkedStudyTasks(study: Study, budgetSource: string): TaskInput[] {
  return taskInputs(checkedStudyPlans(study, budgetSource));
}

/** The estimated events of one task: what the budget counts, rounded so that no ulp moves a task. */
function taskCost({ scenario, task }: TaskInput): number {
  return Math.round(estimatePointEvents(scenario, scenario.policies[task.policy], task.cores));
}

/**
 * The shard (1 … n) of each task: tasks go longest first (ties in task order) to the shard with the
 * least estimated events so far (ties to the lowest K), so shards finish at about the same time.
 */
export function assignShards(tasks: readonly TaskInput[], n: number): number[] {
  return assignByCost(tasks.map(taskCost), n);
}

/** Greedy longest-first: the shard (1 … n) of each item of the given costs. */
function assignByCost(costs: readonly number[], n: number): number[] {
  const order = costs.map((_, i) => i).sort((a, b) => costs[b] - costs[a] || a - b);
  const load = new Array<number>(n).fill(0);
  const shardOf = new Array<number>(costs.length);
  for (const i of order) {
    let least = 0;
    for (let s = 1; s < n; s++) if (load[s] < load[least]) least = s;
    load[least] += costs[i];
    shardOf[i] = least + 1;
  }
  return shardOf;
}

/**
 * The shard of every replication of the plans (by plan index and replication): each task on its own,
 * or with --precision each point whole, by the cost of its first batch, since how many replications
 * it takes depends on its own earlier ones.
 */
export function shardAssignment(
  study: Study,
  plans: readonly PointPlan[],
  n: number,
): (plan: number, replication: number) => number {
  if (study.precision) {
    const ofPoint = assignByCost(
      plans.map((plan) => taskInputs([plan]).reduce((sum, input) => sum + taskCost(input), 0)),
      n,
    );
    return (plan) => ofPoint[plan];
  }
  const ofTask = assignShards(taskInputs(plans), n);
  const firstTask: number[] = [];
  let count = 0;
  for (const plan of plans) {
    firstTask.push(count);
    count += plan.tasks.length;
  }
  return (plan, replication) => ofTask[firstTask[plan] + replication];
}

/** Runs one shard of a study; the budget is the whole study's, as in an unsharded run. */
export async function runShard(study: Study, shard: Shard, options: RunOptions): Promise<ShardRun> {
  const plans = checkedStudyPlans(study, options.budgetSource);
  const shardOf = shardAssignment(study, plans, shard.n);
  const mine = plans
    .map((plan, p) => ({ ...plan, tasks: plan.tasks.filter((t) => shardOf(p, t.replication) === shard.k) }))
    .filter((plan) => plan.tasks.length > 0);
  const done = await runPlans(mine, study.precision, options);
  const position = new Map(plans.map((plan, p) => [pointKey(plan), p]));
  const order = (r: TaskResult) => position.get(pointKey(r.task))!;
  done.sort((a, b) => order(a) - order(b) || a.task.replication - b.task.replication);
  return {
    shard,
    study,
    options: { toolVersion: options.toolVersion, targetAllocsPerSec: options.targetAllocsPerSec },
    totalTasks: taskInputs(plans).length,
    done,
  };
}

/** `--shard K/N` → {k, n}; InputError unless 1 ≤ K ≤ N; null when the flag is absent. */
export function parseShardFlag(text: string | undefined): Shard | null {
  if (text === undefined) return null;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const [k, n] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || !Number.isSafeInteger(n) || k < 1 || k > n)
    throw new InputError([messages.shardFlagBad(text)]);
  return { k, n };
}
