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
import type { Point, Results, Scenario, Timeline } from '../types/index.js';
import { analyse } from './analyse.js';
import { estimateEvents } from './budget.js';
import { budgetExceeded } from './messages.js';
import {
  expandPoints,
  groupByPoint,
  type PointPlan,
  type Study,
  taskInputs,
  type Variant,
} from './points.js';
import { type PoolOptions, runTasks } from './pool.js';
import { type PrecisionTarget, pointPrecision, runToPrecision } from './precision.js';
import { InputError } from './scenario/errors.js';
import { summarisePoint } from './summarise.js';
import { markTimelineTask, timelineOf } from './timeline.js';
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

/** A plain study of one scenario: no --vary axes, no sensitivity swings (what `run` does), a timeline. */
export function plainStudy(scenario: Scenario): Study {
  return { scenario, vary: [], sensitivity: false, timeline: true };
}

/** Runs a study: its points, with their USL fits and capacity answers. */
export async function runStudy(study: Study, options: RunOptions): Promise<Results> {
  const { variants, sensitivity } = studyVariants(study);
  checkBudget(options.budgetSource, variants, study.scenario.run.maxEvents, study.precision);
  const { points, timeline } = await simulateStudyPoints(variants, options, study);
  const results = withSensitivity(studyResults(study, points, options.toolVersion), study, sensitivity);
  const analysed = analyse(results, { targetAllocsPerSec: options.targetAllocsPerSec });
  // last in results.json: the longest and least read part
  return timeline ? { ...analysed, timeline } : analysed;
}

/**
 * Refuses, before anything runs, a study whose estimated events exceed the budget; with --precision,
 * at the most replications it may take.
 */
export function checkBudget(
  source: string,
  variants: readonly Variant[],
  budget: number,
  precision?: PrecisionTarget,
): void {
  const most = (s: Scenario) =>
    precision ? { ...s, run: { ...s.run, replications: precision.maxReplications } } : s;
  const estimate = variants.reduce((sum, v) => sum + estimateEvents(most(v.scenario)), 0);
  if (estimate > budget) throw new InputError([budgetExceeded(source, estimate, budget)]);
}

/** Simulates every point of the variants and summarises each, in variant × policy × cores order. */
export async function simulatePoints(variants: readonly Variant[], options: PoolOptions): Promise<Point[]> {
  return (await simulateStudyPoints(variants, options, {})).points;
}

/** The points, to the study's precision if it asks for one, and its timeline if it asks for one. */
async function simulateStudyPoints(
  variants: readonly Variant[],
  options: PoolOptions,
  { precision, timeline }: Pick<Study, 'precision' | 'timeline'>,
): Promise<{ points: Point[]; timeline?: Timeline }> {
  const plans = expandPoints(variants);
  if (timeline) markTimelineTask(plans);
  const done = precision
    ? await runToPrecision(plans, precision, options)
    : await runTasks(taskInputs(plans), options);
  const replications = groupByPoint(plans, done);
  const points = plans.map((plan) => {
    const point = summarised(plan, replications.get(plan)!);
    return precision ? { ...point, precision: pointPrecision(point, precision) } : point;
  });
  const recorded = done.find((d) => d.timeline !== undefined);
  return recorded ? { points, timeline: timelineOf(plans[0].scenario, recorded) } : { points };
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
