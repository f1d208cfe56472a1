/**
 * The replication pool of the browser build: the page's Web Worker is one thread, so it runs the tasks
 * one after another through runTask, the function the CLI's worker threads run. The bundle
 * (sim/browser/build.mjs) puts this file in place of sim/experiment/pool.ts, which starts piscina
 * threads; it has the same exports, so runStudy is the CLI's own code, phase for phase.
 */
import type { TaskInput, TaskResult } from '../experiment/points.js';
import type { TaskQueue } from '../experiment/pool.js';
import { runTask } from '../experiment/replicate.js';

export type { TaskQueue };

export interface PoolOptions {
  /** threads, the main one included; the browser build always runs one */
  jobs: number;
  /** called after each finished replication with (done, total) */
  onProgress: (done: number, total: number) => void;
  /** aborts the run: checked between replications */
  signal: AbortSignal;
}

/** Simulates every task in the order given, on this thread. */
export function runTasks(inputs: readonly TaskInput[], options: PoolOptions): Promise<TaskResult[]> {
  let next = 0;
  return runQueue(
    () => ({
      take: () => (next < inputs.length ? inputs[next++] : null),
      finished: () => {},
      total: inputs.length,
    }),
    options,
  );
}

/** Simulates a queue's tasks one at a time until it has none ready (--precision's batches, precision.ts). */
export async function runQueue(
  makeQueue: (threaded: boolean) => TaskQueue,
  options: PoolOptions,
): Promise<TaskResult[]> {
  const queue = makeQueue(false);
  const done: TaskResult[] = [];
  for (let input = queue.take(); input !== null; input = queue.take()) {
    if (options.signal.aborted) throw options.signal.reason;
    const result = runTask(input);
    done.push(result);
    queue.finished(result);
    options.onProgress(done.length, queue.total);
  }
  return done;
}
