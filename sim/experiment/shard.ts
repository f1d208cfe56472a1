/**
 * Splits a study into N shards, so that N machines (a Slurm job array) each run one N-th of its
 * replications, and checks the parts back into one study:
 *
 *   Study ─variants, budget─▶ tasks ─assign (longest first, to the least loaded shard)─▶ shard K's tasks
 *     ─run (pool.ts)─▶ ShardRun (shard-file.ts writes it) … N of them ─mergeShardRuns─▶ every replication
 *
 * A task keeps the seed it has in the whole run, so a shard computes exactly what the whole run computes
 * for its replications, and the merged results are the whole run's. The assignment depends on the study
 * and N alone, never on the machine, so every task of an array and the merge agree on it.
 */
import { estimatePointEvents } from './budget.js';
import * as messages from './messages.js';
import { expandPoints, type Study, type TaskInput, type TaskResult, taskInputs } from './points.js';
import { runTasks } from './pool.js';
import { checkBudget, type RunOptions, type SummaryOptions } from './run.js';
import { InputError } from './scenario/errors.js';
import { studyVariants } from './whatif.js';

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
  /** replications in the whole study */
  totalTasks: number;
  /** this shard's replications, in task order */
  done: TaskResult[];
}

/** Every replication task of the study, in variant × policy × cores × replication order. */
export function studyTasks(study: Study): TaskInput[] {
  return taskInputs(expandPoints(studyVariants(study).variants));
}

/** The study's tasks, once its budget is checked (InputError when over it): what every shard starts with. */
export function checkedStudyTasks(study: Study, budgetSource: string): TaskInput[] {
  const { variants } = studyVariants(study);
  checkBudget(budgetSource, variants, study.scenario.run.maxEvents);
  return taskInputs(expandPoints(variants));
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
  const costs = tasks.map(taskCost);
  const order = tasks.map((_, i) => i).sort((a, b) => costs[b] - costs[a] || a - b);
  const load = new Array<number>(n).fill(0);
  const shardOf = new Array<number>(tasks.length);
  for (const i of order) {
    let least = 0;
    for (let s = 1; s < n; s++) if (load[s] < load[least]) least = s;
    load[least] += costs[i];
    shardOf[i] = least + 1;
  }
  return shardOf;
}

/** The tasks of shard `shard.k`, in task order; none when there are fewer tasks than shards. */
export function shardTasks(tasks: readonly TaskInput[], shard: Shard): TaskInput[] {
  const shardOf = assignShards(tasks, shard.n);
  return tasks.filter((_, i) => shardOf[i] === shard.k);
}

/** Runs one shard of a study; the budget is the whole study's, as in an unsharded run. */
export async function runShard(study: Study, shard: Shard, options: RunOptions): Promise<ShardRun> {
  const tasks = checkedStudyTasks(study, options.budgetSource);
  const done = await runTasks(shardTasks(tasks, shard), options);
  const position = new Map(tasks.map((input, i) => [taskKey(input.task), i]));
  done.sort((a, b) => position.get(taskKey(a.task))! - position.get(taskKey(b.task))!);
  return {
    shard,
    study,
    options: { toolVersion: options.toolVersion, targetAllocsPerSec: options.targetAllocsPerSec },
    totalTasks: tasks.length,
    done,
  };
}

/** What names a task: its varied values, policy, core count and replication. */
export function taskKey(task: Pick<TaskResult['task'], 'vary' | 'policy' | 'cores' | 'replication'>): string {
  return JSON.stringify([task.vary ?? null, task.policy, task.cores, task.replication]);
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
