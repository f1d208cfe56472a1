/**
 * The replication pool of the browser build: the page's Web Worker is one thread, so it runs the tasks
 * one after another through runTask, the function the CLI's worker threads run. The bundle
 * (sim/browser/build.mjs) puts this file in place of sim/experiment/pool.ts, which starts piscina
 * threads; it has the same exports, so runStudy is the CLI's own code, phase for phase.
 */
import type { TaskInput, TaskResult } from '../experiment/points.js';
import { runTask } from '../experiment/replicate.js';

export interface PoolOptions {
  /** threads, the main one included; the browser build always runs one */
  jobs: number;
  /** called after each finished replication with (done, total) */
  onProgress: (done: number, total: number) => void;
  /** aborts the run: checked between replications */
  signal: AbortSignal;
}

/** Simulates every task in the order given, on this thread. */
export async function runTasks(inputs: readonly TaskInput[], options: PoolOptions): Promise<TaskResult[]> {
  const done: TaskResult[] = [];
  for (const input of inputs) {
    if (options.signal.aborted) throw options.signal.reason;
    done.push(runTask(input));
    options.onProgress(done.length, inputs.length);
  }
  return done;
}
