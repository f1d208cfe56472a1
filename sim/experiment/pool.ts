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

/**
 * Where the pool takes its tasks: all known up front (runTasks), or made ready as others finish
 * (precision.ts adds a point's next batch once its last batch is done).
 */
export interface TaskQueue {
  /** the next task to run, or null when none is ready now */
  take(): TaskInput | null;
  /** a task finished; this may make more ready */
  finished(result: TaskResult): void;
  /** the tasks known so far, for progress */
  readonly total: number;
}

/** A queue of the given tasks: longest first (cost ∝ cores × allocations) when threads share them. */
function fixedQueue(inputs: readonly TaskInput[], threaded: boolean): TaskQueue {
  const order = inputs.map((_, i) => i);
  const cost = (input: TaskInput) => input.task.cores * input.scenario.run.allocationsPerCore;
  if (threaded) order.sort((a, b) => cost(inputs[b]) - cost(inputs[a]) || a - b);
  let next = 0;
  return {
    take: () => (next < order.length ? inputs[order[next++]] : null),
    finished: () => {},
    total: inputs.length,
  };
}

/** Simulates every task; each result comes back with its task, in the order they finish. */
export function runTasks(inputs: readonly TaskInput[], options: PoolOptions): Promise<TaskResult[]> {
  return runQueue((threaded) => fixedQueue(inputs, threaded), options);
}

/**
 * Simulates the tasks of a queue until it has none ready and none running. `makeQueue` learns whether
 * threads share the tasks (their order then matters for the wall time, never for the results).
 */
export async function runQueue(
  makeQueue: (threaded: boolean) => TaskQueue,
  options: PoolOptions,
): Promise<TaskResult[]> {
  const { signal } = options;
  const file = options.jobs > 1 ? workerFile() : null;
  const queue = makeQueue(file !== null);
  const done: TaskResult[] = [];
  let running = 0;
  let failure: unknown = null;
  let sleepers: (() => void)[] = [];
  const wakeAll = () => {
    const woken = sleepers;
    sleepers = [];
    for (const wake of woken) wake();
  };
  const finished = (result: TaskResult) => {
    running--;
    done.push(result);
    queue.finished(result);
    options.onProgress(done.length, queue.total);
    wakeAll();
  };
  // The next task; while none is ready but some run, wait: a finished one may make more ready.
  const take = async (): Promise<TaskInput | null> => {
    for (;;) {
      if (failure !== null || signal.aborted) return null;
      const input = queue.take();
      if (input !== null) {
        running++;
        return input;
      }
      if (running === 0) return null;
      await new Promise<void>((resolve) => sleepers.push(resolve));
    }
  };
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
  const abort = () => {
    void pool?.close({ force: true });
    wakeAll();
  };
  signal.addEventListener('abort', abort, { once: true });
  // Each worker slot takes the next task when its last one finishes.
  const feed = async (): Promise<void> => {
    for (let input = await take(); input !== null; input = await take()) {
      finished(await (pool as Piscina).run(input));
    }
  };
  const fed = Array.from({ length: workers * WORKER_BACKLOG }, () =>
    feed().catch((error: unknown) => {
      failure ??= error;
      wakeAll();
    }),
  );
  try {
    // The main thread's own share, one task at a time, yielding so that signals, progress and the
    // workers' results get a turn between tasks.
    for (let input = await take(); input !== null; input = await take()) {
      if (signal.aborted) throw signal.reason;
      finished(runTask(input));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(fed);
    if (failure !== null) throw failure;
    if (signal.aborted) throw signal.reason;
  } catch (error) {
    failure ??= error;
    wakeAll();
    throw signal.aborted ? signal.reason : error;
  } finally {
    signal.removeEventListener('abort', abort);
    await pool?.destroy();
  }
  return done;
}
