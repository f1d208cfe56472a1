/**
 * Runs a study, one call per phase:
 *
 *   Study ─variants (whatif.ts: the --vary grid, the sensitivity swings)─▶ Variant[] ─check budget─▶
 *     ─expand (points.ts)─▶ points (variant × policy × cores) and their tasks, seeds derived
 *     ─run (pool.ts: in-process or on worker threads)─▶ replications
 *     ─summarise (grouped by task identity)─▶ Point[] ─analyse (USL fits, capacity)─▶ Results
 *
 * Results do not depend on the number of threads: each task's seed is fixed, and replications are
 * grouped into points by what they are (varied values, policy, cores, replication), never by order.
 * Nothing here touches the file system, so a library caller runs a study with one call.
 */
import { availableParallelism } from 'node:os';
import type { ReplicationResult } from '../model/replication.js';
import type { Point, Results, Scenario } from '../types/index.js';
import { analyse } from './analyse.js';
import { estimateEvents } from './budget.js';
import { budgetExceeded } from './messages.js';
import {
  expandPoints,
  groupByPoint,
  type PointPlan,
  type Study,
  type TaskResult,
  taskInputs,
  type Variant,
} from './points.js';
import { type PoolOptions, runTasks } from './pool.js';
import { InputError } from './scenario/errors.js';
import { summarisePoint } from './summarise.js';
import { studyVariants, withSensitivity } from './whatif.js';

/** How a study runs, every option given: runOptions fills in the defaults, once. */
export interface RunOptions extends PoolOptions {
  /** written into results.json as tool.version */
  toolVersion: string;
  /** adds the cores and bandwidth needed for this throughput to the capacity answers; none if undefined */
  targetAllocsPerSec: number | undefined;
  /** where the event budget came from, for the refusal message: the scenario file or --max-events */
  budgetSource: string;
}

/** Every option defaulted: all threads, no progress, never aborted, the scenario's name as budget source. */
export function runOptions(scenario: Scenario, given: Partial<RunOptions> = {}): RunOptions {
  return {
    jobs: given.jobs ?? availableParallelism(),
    onProgress: given.onProgress ?? (() => {}),
    signal: given.signal ?? new AbortController().signal,
    toolVersion: given.toolVersion ?? '0.0.0',
    targetAllocsPerSec: given.targetAllocsPerSec,
    budgetSource: given.budgetSource ?? scenario.name,
  };
}

/** A plain study of one scenario: no --vary axes, no sensitivity swings (what `run` does). */
export function plainStudy(scenario: Scenario): Study {
  return { scenario, vary: [], sensitivity: false };
}

/** Runs a study: its points, with their USL fits and capacity answers. */
export async function runStudy(study: Study, options: RunOptions): Promise<Results> {
  const { variants } = studyVariants(study);
  checkBudget(options.budgetSource, variants, study.scenario.run.maxEvents);
  const done = await runTasks(taskInputs(expandPoints(variants)), options);
  return summariseStudy(study, done, options);
}

/** What results depend on besides the study and its replications. */
export type SummaryOptions = Pick<RunOptions, 'toolVersion' | 'targetAllocsPerSec'>;

/**
 * The results of a study from all its finished replications, whoever ran them: one run, or the shards
 * of one merged (shard.ts); the order of `done` does not matter.
 */
export function summariseStudy(study: Study, done: readonly TaskResult[], options: SummaryOptions): Results {
  const { variants, sensitivity } = studyVariants(study);
  const plans = expandPoints(variants);
  const replications = groupByPoint(plans, done);
  const points = plans.map((plan) => summarised(plan, replications.get(plan)!));
  const results = withSensitivity(studyResults(study, points, options.toolVersion), study, sensitivity);
  return analyse(results, { targetAllocsPerSec: options.targetAllocsPerSec });
}

/** Refuses, before anything runs, a study whose estimated events exceed the budget. */
export function checkBudget(source: string, variants: readonly Variant[], budget: number): void {
  const estimate = variants.reduce((sum, v) => sum + estimateEvents(v.scenario), 0);
  if (estimate > budget) throw new InputError([budgetExceeded(source, estimate, budget)]);
}

/** Simulates every point of the variants and summarises each, in variant × policy × cores order. */
export async function simulatePoints(variants: readonly Variant[], options: PoolOptions): Promise<Point[]> {
  const plans = expandPoints(variants);
  const done = await runTasks(taskInputs(plans), options);
  const replications = groupByPoint(plans, done);
  return plans.map((plan) => summarised(plan, replications.get(plan)!));
}

function summarised(plan: PointPlan, replications: ReplicationResult[]): Point {
  const { scenario, vary, policy, cores } = plan;
  const point = summarisePoint(scenario, scenario.policies[policy], cores, replications);
  return vary ? { ...point, vary } : point;
}

/** The results.json object before analysis: tool, resolved scenario, points and the what-if axes. */
function studyResults(study: Study, points: Point[], toolVersion: string): Results {
  return {
    tool: { name: 'zerosim', version: toolVersion },
    scenario: study.scenario,
    points,
    ...(study.vary.length > 0 ? { whatif: { vary: [...study.vary] } } : {}),
  };
}
