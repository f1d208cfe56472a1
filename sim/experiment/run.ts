/**
 * Runs studies. The pipeline, one call per phase:
 *
 *   scenario(s) ─check budget─▶ tasks (variant × policy × cores × replication, seeds derived)
 *     ─simulate (in-process or worker threads)─▶ replications ─summarise─▶ points ─analyse─▶ Results
 *
 * Results do not depend on the number of threads: each task's seed is fixed, and replications are
 * gathered by task index, never by completion order.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ReplicationResult } from '../model/replication.js';
import type { Point, Results, Scenario, VaryAxis } from '../types/index.js';
import { analyse } from './analyse.js';
import { estimateEvents } from './budget.js';
import { budgetExceeded } from './messages.js';
import { expandTasks, type Task } from './points.js';
import { runTask, type TaskInput } from './replicate.js';
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

/** One scenario of a study: the base scenario, or a what-if variant with its varied values. */
export interface Variant {
  scenario: Scenario;
  vary?: Record<string, number | string | boolean>;
}

/** The compiled worker beside this module when running from the build; from TypeScript sources, none. */
function workerFile(): string | null {
  return import.meta.url.endsWith('.js') ? fileURLToPath(new URL('./worker.js', import.meta.url)) : null;
}

/** Refuses, before anything runs, a study whose estimated events exceed the budget. */
export function checkBudget(name: string, variants: readonly Variant[], budget: number): void {
  const estimate = variants.reduce((sum, v) => sum + estimateEvents(v.scenario), 0);
  if (estimate > budget) throw new InputError([budgetExceeded(name, estimate, budget)]);
}

/** Tasks each worker thread holds in its queue, so it never waits while the main thread simulates. */
const WORKER_BACKLOG = 6;

/**
 * Simulates every task; results come back in task order. With jobs > 1 the main thread is one of the
 * jobs and jobs − 1 worker threads are the others (one thread fewer to start and warm up). Tasks go
 * out longest first (cost ∝ cores × allocations), so no thread is left alone with a big one at the end.
 */
export async function runTasks(
  inputs: readonly TaskInput[],
  options: RunOptions,
): Promise<ReplicationResult[]> {
  const results = new Array<ReplicationResult>(inputs.length);
  let done = 0;
  const finished = () => options.onProgress?.(++done, inputs.length);
  const file = options.jobs > 1 ? workerFile() : null;
  const cost = (input: TaskInput) => input.task.cores * input.scenario.run.allocationsPerCore;
  const order =
    file === null
      ? inputs.map((_, i) => i)
      : inputs.map((_, i) => i).sort((a, b) => cost(inputs[b]) - cost(inputs[a]) || a - b);
  let next = 0;
  const take = () => (next < order.length ? order[next++] : -1);
  const workers = file === null ? 0 : options.jobs - 1;
  const pool =
    file === null
      ? null
      : new Piscina({
          filename: file,
          maxThreads: workers,
          minThreads: workers,
          concurrentTasksPerWorker: WORKER_BACKLOG,
        });
  const abort = () => void pool?.close({ force: true });
  options.signal?.addEventListener('abort', abort, { once: true });
  let failure: unknown = null;
  // Each worker slot takes the next task when its last one finishes.
  const feed = async (): Promise<void> => {
    for (let i = take(); i >= 0 && failure === null; i = take()) {
      results[i] = await (pool as Piscina).run(inputs[i]);
      finished();
    }
  };
  const fed = Array.from({ length: workers * WORKER_BACKLOG }, () =>
    feed().catch((error: unknown) => {
      failure ??= error;
    }),
  );
  try {
    // The main thread's own share, one task at a time, yielding so that signals, progress and the
    // workers' results get a turn between tasks.
    for (let i = take(); i >= 0; i = take()) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (failure !== null) break;
      results[i] = runTask(inputs[i]);
      finished();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(fed);
    if (failure !== null) throw failure;
    if (options.signal?.aborted) throw options.signal.reason;
  } catch (error) {
    throw options.signal?.aborted ? options.signal.reason : error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await pool?.destroy();
  }
  return results;
}

/** Runs variants of one study and summarises every point, in variant × policy × cores order (no analysis). */
export async function runVariants(
  base: Scenario,
  variants: readonly Variant[],
  options: RunOptions,
  axes?: VaryAxis[],
): Promise<Results> {
  checkBudget(options.budgetSource ?? base.name, variants, base.run.maxEvents);
  const perVariant = variants.map((v) => expandTasks(v.scenario));
  const inputs: TaskInput[] = variants.flatMap((v, i) =>
    perVariant[i].map((task: Task) => ({ scenario: v.scenario, task })),
  );
  const reps = await runTasks(inputs, options);
  const points: Point[] = [];
  let next = 0;
  variants.forEach((variant) => {
    const { scenario } = variant;
    for (const policy of scenario.policies) {
      for (const cores of scenario.cores) {
        const point = summarisePoint(
          scenario,
          policy,
          cores,
          reps.slice(next, next + scenario.run.replications),
        );
        points.push(variant.vary ? { ...point, vary: variant.vary } : point);
        next += scenario.run.replications;
      }
    }
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
