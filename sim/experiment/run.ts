/**
 * Runs a study, one call per phase:
 *
 *   Study ─variants (whatif.ts: the --vary grid, the sensitivity swings)─▶ Variant[] ─check budget─▶
 *     ─expand (points.ts; the timeline's task, timeline.ts)─▶ points (variant × policy × cores) and
 *     their tasks, seeds derived ─run (pool.ts: in-process or on worker threads; with --precision,
 *     precision.ts adds batches)─▶ replications
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
import { type PrecisionTarget, pointPrecision, runToPrecision, takeRanTasks } from './precision.js';
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
  const plans = checkedStudyPlans(study, options.budgetSource);
  const done = await runPlans(plans, study.precision, options);
  return summariseStudy(study, done, options);
}

/** What results depend on besides the study and its replications. */
export type SummaryOptions = Pick<RunOptions, 'toolVersion' | 'targetAllocsPerSec'>;

/**
 * The results of a study from all its finished replications, whoever ran them: one run, or the shards
 * of one merged (shard.ts); the order of `done` does not matter.
 */
export function summariseStudy(study: Study, done: readonly TaskResult[], options: SummaryOptions): Results {
  const { sensitivity } = studyVariants(study);
  const { precision } = study;
  const plans = studyPlans(study);
  // with --precision a point has as many replications as it took: those that ran
  if (precision) takeRanTasks(plans, done);
  const replications = groupByPoint(plans, done);
  const points = plans.map((plan) => {
    const point = summarised(plan, replications.get(plan)!);
    return precision ? { ...point, precision: pointPrecision(point, precision) } : point;
  });
  const results = withSensitivity(studyResults(study, points, options.toolVersion), study, sensitivity);
  const analysed = analyse(results, { targetAllocsPerSec: options.targetAllocsPerSec });
  const recorded = done.find((d) => d.timeline !== undefined);
  // last in results.json: the longest and least read part
  return recorded ? { ...analysed, timeline: timelineOf(plans[0].scenario, recorded) } : analysed;
}

/**
 * The study's points, each with its first replications: the timeline's task marked (timeline.ts),
 * and with --precision the first batch no larger than --max-replications.
 */
export function studyPlans(study: Study): PointPlan[] {
  const plans = expandPoints(studyVariants(study).variants);
  if (study.timeline) markTimelineTask(plans);
  if (study.precision) for (const plan of plans) plan.tasks.splice(study.precision.maxReplications);
  return plans;
}

/** The study's points once its budget is checked (InputError when over it): what every run starts with. */
export function checkedStudyPlans(study: Study, budgetSource: string): PointPlan[] {
  const { variants } = studyVariants(study);
  checkBudget(budgetSource, variants, study.scenario.run.maxEvents, study.precision);
  return studyPlans(study);
}

/** Runs the points' replications: those planned, or with --precision, batches until each is precise. */
export function runPlans(
  plans: PointPlan[],
  precision: PrecisionTarget | undefined,
  options: PoolOptions,
): Promise<TaskResult[]> {
  return precision ? runToPrecision(plans, precision, options) : runTasks(taskInputs(plans), options);
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
