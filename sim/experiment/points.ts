/**
 * Expands a study's variants into points (variant × policy × cores) and their replication tasks, with
 * derived seeds, and groups finished replications back into points by what each task is, never by
 * where it stood in a list or when it finished.
 * The seed of a replication comes from (scenario seed, cores, replication) and deliberately not the
 * policy, so policies at the same point share random streams (common random numbers).
 */
import { deriveSeed } from '../engine/random/rng.js';
import type { ReplicationResult } from '../model/replication.js';
import type { Recording } from '../model/trace.js';
import type { Scenario, VaryAxis } from '../types/index.js';

/** The values a what-if variant sets, by dot path. */
export type VaryValues = Record<string, number | string | boolean>;

/** What a study simulates: a resolved scenario, the --vary axes (none for `run`), and the ±50% swings. */
export interface Study {
  scenario: Scenario;
  vary: readonly VaryAxis[];
  sensitivity: boolean;
  /** --precision: add replications to each point until its CI is this narrow (precision.ts) */
  precision?: { target: number; maxReplications: number };
  /** record the report's timeline: replication 0 of the first policy at the largest core count */
  timeline?: boolean;
}

/** One scenario of a study: the base scenario, or a what-if variant with its varied values. */
export interface Variant {
  scenario: Scenario;
  vary?: VaryValues;
}

/** One replication to simulate; (vary, policy, cores, replication) is what it is. */
export interface Task {
  /** the varied values of its variant; absent for the base scenario */
  vary?: VaryValues;
  /** index into the variant's scenario.policies */
  policy: number;
  cores: number;
  replication: number;
  seed: number;
  /** also record a short window of its core states for the report's timeline (one task of a run) */
  timeline?: true;
}

/** A task with the scenario it runs, as sent to a worker thread. */
export interface TaskInput {
  scenario: Scenario;
  task: Task;
}

/** A finished task: the task itself travels back with its result. */
export interface TaskResult {
  task: Task;
  result: ReplicationResult;
  /** the task's timeline window, when it asked for one */
  timeline?: Recording;
}

/** One point of a study: a policy at a core count in one variant, with its replication tasks. */
export interface PointPlan {
  scenario: Scenario;
  vary?: VaryValues;
  policy: number;
  cores: number;
  tasks: Task[];
}

export function replicationSeed(scenarioSeed: number, cores: number, replication: number): number {
  return deriveSeed(scenarioSeed, cores, replication);
}

/** The base seed of a point, reported in results; replication r's seed derives from it and r. */
export function pointSeed(scenarioSeed: number, cores: number): number {
  return deriveSeed(scenarioSeed, cores);
}

/** The points of the variants, in variant × policy × cores order, each with its replications. */
export function expandPoints(variants: readonly Variant[]): PointPlan[] {
  const points: PointPlan[] = [];
  for (const { scenario, vary } of variants) {
    scenario.policies.forEach((_, policy) => {
      for (const cores of scenario.cores) {
        const point = { scenario, ...(vary ? { vary } : {}), policy, cores };
        const tasks = Array.from({ length: scenario.run.replications }, (_, r) => pointTask(point, r));
        points.push({ ...point, tasks });
      }
    });
  }
  return points;
}

/** Replication `replication` of a point, with the seed it always has. */
export function pointTask(point: Omit<PointPlan, 'tasks'>, replication: number): Task {
  const { scenario, vary, policy, cores } = point;
  return {
    ...(vary ? { vary } : {}),
    policy,
    cores,
    replication,
    seed: replicationSeed(scenario.run.seed, cores, replication),
  };
}

/** Every replication task of one scenario, in policy × cores × replication order. */
export function expandTasks(scenario: Scenario): Task[] {
  return expandPoints([{ scenario }]).flatMap((point) => point.tasks);
}

/** The tasks of the points with their scenarios, ready for the pool. */
export function taskInputs(points: readonly PointPlan[]): TaskInput[] {
  return points.flatMap(({ scenario, tasks }) => tasks.map((task) => ({ scenario, task })));
}

/** What names a point: its varied values, policy and core count. */
export function pointKey(point: Pick<Task, 'vary' | 'policy' | 'cores'>): string {
  return JSON.stringify([point.vary ?? null, point.policy, point.cores]);
}

/** Each point's replication results, in replication order, found by task identity. */
export function groupByPoint(
  points: readonly PointPlan[],
  done: readonly TaskResult[],
): Map<PointPlan, ReplicationResult[]> {
  const byKey = new Map<string, TaskResult[]>();
  for (const finished of done) {
    const key = pointKey(finished.task);
    const list = byKey.get(key);
    if (list) list.push(finished);
    else byKey.set(key, [finished]);
  }
  const grouped = new Map<PointPlan, ReplicationResult[]>();
  for (const point of points) {
    const found = [...(byKey.get(pointKey(point)) ?? [])].sort(
      (a, b) => a.task.replication - b.task.replication,
    );
    // a point owns replications 0 … n−1, each once; anything else is a bug in the run, not bad input
    if (found.length !== point.tasks.length || found.some((f, i) => f.task.replication !== i))
      throw new Error(`point ${pointKey(point)}: ${found.length} of ${point.tasks.length} replications`);
    grouped.set(
      point,
      found.map((f) => f.result),
    );
  }
  return grouped;
}
