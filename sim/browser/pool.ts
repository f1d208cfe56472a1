/**
 * The browser's pool, swapped in by sim/browser/build.mjs for sim/experiment/pool.ts, which starts
 * piscina threads; it has the same exports, so runStudy is the CLI's own code, phase for phase. This
 * worker simulates tasks itself and hands others to its helper workers (sim/browser/helper.ts) over
 * their ports, as the CLI's pool does with its threads; a helper may join while the tasks are under
 * way and takes the next ones from then on. Every task runs through the same runTask, and results do
 * not depend on who ran which (sim/experiment/run.ts summarises them by what each task is), so they
 * equal the CLI's for every number of helpers.
 */
import type { TaskInput, TaskResult } from '../experiment/points.js';
import type { TaskQueue } from '../experiment/pool.js';
import { runTask } from '../experiment/replicate.js';
import type { HelperAnswer, HelperTask, TaskPort } from './protocol.js';

export type { TaskQueue };

export interface PoolOptions {
  /** threads, the main one included; in the browser the helpers decide, and this is not read */
  jobs: number;
  /** called after each finished replication with (done, total) */
  onProgress: (done: number, total: number) => void;
  /** aborts the run: checked between replications */
  signal: AbortSignal;
}

/** What the playground's worker adds to the run options (sim/browser/worker.ts). */
export interface BrowserPoolOptions extends PoolOptions {
  /**
   * a port to each helper worker there is now; asked again between tasks, since helpers may join a
   * run under way (the page starts them once its first answer is drawn). Absent: this thread
   * simulates every task.
   */
  helpers?: () => readonly TaskPort[];
}

/**
 * Tasks each helper holds: it starts the next one while this thread, busy with a task of its own,
 * cannot yet read the answer and send more.
 */
const HELPER_BACKLOG = 3;

/** The MessageChannel of a worker's global scope (typed here: the project compiles without the DOM lib). */
declare const MessageChannel: new () => { port1: TaskPort; port2: TaskPort };

/** Lets the answers of the helpers in, between two of this thread's own tasks (a timer would be clamped). */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** The given tasks, longest first (cost ∝ cores × allocations) when threads share them, as the CLI's. */
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

/** Simulates every task, here and on the helpers; each result comes back with its task. */
export function runTasks(inputs: readonly TaskInput[], options: BrowserPoolOptions): Promise<TaskResult[]> {
  return runQueue((threaded) => fixedQueue(inputs, threaded), options);
}

/**
 * Simulates the tasks of a queue, here and on the helpers, until it has none ready and none running
 * (--precision's batches become ready as others finish, sim/experiment/precision.ts). The queue is
 * told that threads share its tasks even before a helper has joined, since one may: their order
 * changes the wall time only, never the results.
 */
export async function runQueue(
  makeQueue: (threaded: boolean) => TaskQueue,
  options: BrowserPoolOptions,
): Promise<TaskResult[]> {
  const queue = makeQueue(true);
  const done: TaskResult[] = [];
  let running = 0;
  let failure: unknown = null;
  const take = (): TaskInput | null => {
    if (failure !== null || options.signal.aborted) return null;
    const input = queue.take();
    if (input !== null) running++;
    return input;
  };
  /** per helper: tops its backlog up with the tasks ready now */
  const feeders = new Map<TaskPort, () => void>();
  let wake: (() => void) | null = null;
  const finished = (result: TaskResult) => {
    running--;
    done.push(result);
    queue.finished(result);
    options.onProgress(done.length, queue.total);
    // a finished task may make more ready (a point's next batch) for anyone
    for (const send of feeders.values()) send();
    wake?.();
  };
  const join = () => {
    for (const port of options.helpers?.() ?? []) {
      if (feeders.has(port)) continue;
      feeders.set(
        port,
        feed(port, take, finished, (error) => {
          failure ??= error;
          wake?.();
        }),
      );
    }
  };
  const abort = () => wake?.();
  options.signal.addEventListener('abort', abort, { once: true });
  for (;;) {
    join();
    const input = take();
    if (input !== null) {
      finished(runTask(input));
      // the helpers' answers, and any helper that joined, get a turn between two tasks of this thread's
      await yieldToMessages();
      continue;
    }
    if (failure !== null || options.signal.aborted) {
      options.signal.removeEventListener('abort', abort);
      throw failure ?? options.signal.reason;
    }
    if (running === 0) break;
    // none ready, some on the helpers: wait for an answer
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = null;
  }
  options.signal.removeEventListener('abort', abort);
  for (const port of feeders.keys()) port.onmessage = null;
  return done;
}

/** Hands one helper tasks as they are ready, at most HELPER_BACKLOG at a time; returns its top-up. */
function feed(
  port: TaskPort,
  take: () => TaskInput | null,
  finished: (result: TaskResult) => void,
  failed: (error: Error) => void,
): () => void {
  let held = 0;
  let index = 0;
  const send = () => {
    while (held < HELPER_BACKLOG) {
      const input = take();
      if (input === null) return;
      held++;
      const message: HelperTask = { kind: 'task', index: index++, input };
      port.postMessage(message);
    }
  };
  port.onmessage = (event) => {
    const answer = event.data as HelperAnswer;
    if (answer.kind === 'failed') {
      port.onmessage = null;
      failed(new Error(`a helper worker failed: ${answer.message}`));
      return;
    }
    held--;
    finished(answer.result);
  };
  send();
  return send;
}
