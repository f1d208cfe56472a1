/**
 * --precision R: each point runs its scenario's replications, then further batches of as many, until
 * the 95% CI half-width of its allocations per second is at most R × the mean, or it has
 * maxReplications. A point's next batch is decided from its own finished replications alone, and
 * replication r keeps the seed it always has, so the results are the same for every --jobs and
 * whatever order the replications finish in.
 */
import type { ReplicationResult } from '../model/replication.js';
import type { Point } from '../types/index.js';
import { type PointPlan, pointKey, pointTask, type Task, type TaskInput, type TaskResult } from './points.js';
import { type PoolOptions, runQueue, type TaskQueue } from './pool.js';
import { meanCI } from './statistics.js';

export interface PrecisionTarget {
  /** the CI half-width sought, relative to the mean (0.01: ±1%) */
  target: number;
  /** replications a point takes at most */
  maxReplications: number;
}

/** Whether replications meet the target: two at least, and a CI half-width within target × mean. */
export function meetsTarget(allocsPerSec: readonly number[], target: number): boolean {
  if (allocsPerSec.length < 2) return false;
  const { mean, ci95 } = meanCI(allocsPerSec);
  return ci95 <= target * Math.abs(mean);
}

/** The point's precision record for results.json. */
export function pointPrecision(point: Point, precision: PrecisionTarget): NonNullable<Point['precision']> {
  const { mean, ci95 } = point.allocsPerSec;
  return {
    target: precision.target,
    maxReplications: precision.maxReplications,
    reached: point.replications >= 2 && ci95 <= precision.target * Math.abs(mean),
  };
}

/** One point's state: replications issued, and the results of those finished, by replication. */
interface Progress {
  plan: PointPlan;
  batch: number;
  results: (ReplicationResult | undefined)[];
  finished: number;
}

/**
 * The plans' first batches as given (each plan's tasks), then more batches as they finish; the plans'
 * task lists grow to every replication run, so they group the results afterwards as usual.
 */
export async function runToPrecision(
  plans: readonly PointPlan[],
  precision: PrecisionTarget,
  options: PoolOptions,
): Promise<TaskResult[]> {
  const byKey = new Map<string, Progress>();
  for (const plan of plans) {
    plan.tasks.splice(Math.min(plan.tasks.length, precision.maxReplications));
    byKey.set(pointKey(plan), { plan, batch: plan.tasks.length, results: [], finished: 0 });
  }
  return runQueue((threaded) => {
    const ready: TaskInput[] = plans.flatMap(({ scenario, tasks }) =>
      tasks.map((task) => ({ scenario, task })),
    );
    let total = ready.length;
    const cost = (input: TaskInput) => input.task.cores * input.scenario.run.allocationsPerCore;
    const queue: TaskQueue = {
      get total() {
        return total;
      },
      take() {
        if (ready.length === 0) return null;
        let best = 0;
        if (threaded) for (let i = 1; i < ready.length; i++) if (cost(ready[i]) > cost(ready[best])) best = i;
        return ready.splice(best, 1)[0];
      },
      finished({ task, result }) {
        const progress = byKey.get(pointKey(task)) as Progress;
        progress.results[task.replication] = result;
        progress.finished++;
        const more = nextBatch(progress, precision);
        total += more.length;
        for (const next of more) ready.push({ scenario: progress.plan.scenario, task: next });
      },
    };
    return queue;
  }, options);
}

/** The point's next batch once every issued replication has finished and it needs more; else none. */
function nextBatch(progress: Progress, precision: PrecisionTarget): PointPlan['tasks'] {
  const { plan } = progress;
  const issued = plan.tasks.length;
  if (progress.finished < issued) return [];
  const values = progress.results.map((r) => (r as ReplicationResult).allocsPerSec);
  const count = batchAfter(values, progress.batch, precision);
  const added = Array.from({ length: count }, (_, i) => pointTask(plan, issued + i));
  plan.tasks.push(...added);
  return added;
}

/** The stopping rule: after these replications, how many more (0: the point is done). */
function batchAfter(allocsPerSec: readonly number[], batch: number, precision: PrecisionTarget): number {
  const ran = allocsPerSec.length;
  if (ran >= precision.maxReplications || meetsTarget(allocsPerSec, precision.target)) return 0;
  return Math.min(batch, precision.maxReplications - ran);
}

/**
 * Whether a point's replications (allocs/s in replication order) are exactly those the stopping rule
 * runs from a first batch of `firstBatch`: what a merge checks of a shard's points.
 */
export function followsStoppingRule(
  allocsPerSec: readonly number[],
  firstBatch: number,
  precision: PrecisionTarget,
): boolean {
  let ran = Math.min(firstBatch, precision.maxReplications);
  for (;;) {
    if (ran > allocsPerSec.length) return false;
    const more = batchAfter(allocsPerSec.slice(0, ran), firstBatch, precision);
    if (more === 0) return ran === allocsPerSec.length;
    ran += more;
  }
}

/** Each plan's tasks become those of `done` for its point, in replication order: the batches it took. */
export function takeRanTasks(plans: readonly PointPlan[], done: readonly TaskResult[]): void {
  const byKey = new Map(plans.map((plan) => [pointKey(plan), [] as Task[]]));
  for (const { task } of done) byKey.get(pointKey(task))?.push(task);
  for (const plan of plans)
    plan.tasks = byKey.get(pointKey(plan))!.sort((a, b) => a.replication - b.replication);
}
