/**
 * Runs studies. The pipeline, one call per phase:
 *
 *   scenario(s) ─check budget─▶ tasks (variant × policy × cores × replication, seeds derived)
 *     ─simulate (pool.ts: in-process or worker threads)─▶ replications ─summarise─▶ points ─analyse─▶ Results
 *
 * Results do not depend on the number of threads: each task's seed is fixed, and replications are
 * grouped into points by what they are (varied values, policy, cores, replication), never by order.
 */
import type { Point, Results, Scenario, VaryAxis } from '../types/index.js';
import { analyse } from './analyse.js';
import { estimateEvents } from './budget.js';
import { budgetExceeded } from './messages.js';
import { expandPoints, groupByPoint, taskInputs, type Variant } from './points.js';
import { runTasks } from './pool.js';
import { InputError } from './scenario/errors.js';
import { summarisePoint } from './summarise.js';

export interface RunOptions {
  /** worker threads; results are identical for every value */
  jobs: number;
  /** called after each finished replication with (done, total) */
  onProgress?: (done: number, total: number) => void;
  /** aborts the run (Ctrl-C): pending tasks are dropped and the promise rejects */
  signal?: AbortSignal;
  /** written into results.json as tool.version */
  toolVersion?: string;
  /** adds the cores and bandwidth needed for this throughput to the capacity answers */
  targetAllocsPerSec?: number;
  /** where the event budget came from, for the refusal message: the scenario file or --max-events */
  budgetSource?: string;
}

export type { Variant } from './points.js';

/** Refuses, before anything runs, a study whose estimated events exceed the budget. */
export function checkBudget(name: string, variants: readonly Variant[], budget: number): void {
  const estimate = variants.reduce((sum, v) => sum + estimateEvents(v.scenario), 0);
  if (estimate > budget) throw new InputError([budgetExceeded(name, estimate, budget)]);
}

/** Runs variants of one study and summarises every point, in variant × policy × cores order (no analysis). */
export async function runVariants(
  base: Scenario,
  variants: readonly Variant[],
  options: RunOptions,
  axes?: VaryAxis[],
): Promise<Results> {
  checkBudget(options.budgetSource ?? base.name, variants, base.run.maxEvents);
  const plans = expandPoints(variants);
  const done = await runTasks(taskInputs(plans), {
    jobs: options.jobs,
    onProgress: options.onProgress ?? (() => {}),
    signal: options.signal ?? new AbortController().signal,
  });
  const replications = groupByPoint(plans, done);
  const points = plans.map((plan): Point => {
    const { scenario, vary, policy, cores } = plan;
    const point = summarisePoint(scenario, scenario.policies[policy], cores, replications.get(plan)!);
    return vary ? { ...point, vary } : point;
  });
  return {
    tool: { name: 'zerosim', version: options.toolVersion ?? '0.0.0' },
    scenario: base,
    points,
    ...(axes ? { whatif: { vary: axes } } : {}),
  };
}

/** Runs one resolved scenario, with its USL fits and capacity answers. */
export async function runStudy(scenario: Scenario, options: RunOptions): Promise<Results> {
  const results = await runVariants(scenario, [{ scenario }], options);
  return analyse(results, { targetAllocsPerSec: options.targetAllocsPerSec });
}
