/**
 * Simulates replication tasks on `jobs` threads: the main thread is one of the jobs and jobs − 1
 * piscina worker threads are the others (one thread fewer to start and warm up). Tasks go out longest
 * first (cost ∝ cores × allocations), so no thread is left alone with a big one at the end, and each
 * worker holds a backlog of them, so it never waits while the main thread simulates.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { TaskInput, TaskResult } from './points.js';
import { runTask } from './replicate.js';

export interface PoolOptions {
  /** threads, the main one included; results are identical for every value */
  jobs: number;
  /** called after each finished replication with (done, total) */
  onProgress: (done: number, total: number) => void;
  /** aborts the run (Ctrl-C): pending tasks are dropped and the promise rejects with its reason */
  signal: AbortSignal;
}

/** Tasks each worker thread holds in its queue. */
const WORKER_BACKLOG = 6;

/** The compiled worker beside this module when running from the build; from TypeScript sources, none. */
function workerFile(): string | null {
  return import.meta.url.endsWith('.js') ? fileURLToPath(new URL('./worker.js', import.meta.url)) : null;
}

/** Task indices in the order they go out: longest first when threads share them, else as given. */
function dispatchOrder(inputs: readonly TaskInput[], threaded: boolean): number[] {
  const order = inputs.map((_, i) => i);
  if (!threaded) return order;
  const cost = (input: TaskInput) => input.task.cores * input.scenario.run.allocationsPerCore;
  return order.sort((a, b) => cost(inputs[b]) - cost(inputs[a]) || a - b);
}

/** Simulates every task; each result comes back with its task, in the order they finish. */
export async function runTasks(inputs: readonly TaskInput[], options: PoolOptions): Promise<TaskResult[]> {
  const { signal } = options;
  const done: TaskResult[] = [];
  const finished = (result: TaskResult) => {
    done.push(result);
    options.onProgress(done.length, inputs.length);
  };
  const file = options.jobs > 1 ? workerFile() : null;
  const order = dispatchOrder(inputs, file !== null);
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
  signal.addEventListener('abort', abort, { once: true });
  let failure: unknown = null;
  // Each worker slot takes the next task when its last one finishes.
  const feed = async (): Promise<void> => {
    for (let i = take(); i >= 0 && failure === null; i = take()) {
      finished(await (pool as Piscina).run(inputs[i]));
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
      if (signal.aborted) throw signal.reason;
      if (failure !== null) break;
      finished(runTask(inputs[i]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(fed);
    if (failure !== null) throw failure;
    if (signal.aborted) throw signal.reason;
  } catch (error) {
    throw signal.aborted ? signal.reason : error;
  } finally {
    signal.removeEventListener('abort', abort);
    await pool?.destroy();
  }
  return done;
}
