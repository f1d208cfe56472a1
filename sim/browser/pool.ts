/**
 * The browser's pool, swapped in by sim/browser/build.mjs for sim/experiment/pool.ts, which starts
 * piscina threads; it has the same exports, so runStudy is the CLI's own code, phase for phase. This
 * worker simulates tasks itself and hands others to its helper workers (sim/browser/helper.ts) over
 * their ports, longest first, as the CLI's pool does with its threads; a helper may join while the
 * tasks are under way and takes the next ones from then on. Every task runs through the
 * same runTask, and results do not depend on who ran which (sim/experiment/run.ts summarises them by
 * what each task is), so they equal the CLI's for every number of helpers.
 */
import type { TaskInput, TaskResult } from '../experiment/points.js';
import { runTask } from '../experiment/replicate.js';
import type { HelperAnswer, HelperTask, TaskPort } from './protocol.js';

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

/**
 * Task indices in the order they go out: longest first (cost ∝ cores × allocations), as the CLI's
 * pool orders them when threads share them, so no thread is left alone with a big one at the end.
 */
function dispatchOrder(inputs: readonly TaskInput[]): number[] {
  const cost = (input: TaskInput) => input.task.cores * input.scenario.run.allocationsPerCore;
  return inputs.map((_, i) => i).sort((a, b) => cost(inputs[b]) - cost(inputs[a]) || a - b);
}

/** Keeps one helper busy with the next tasks until none is left; resolves when its last answer is in. */
function feed(
  port: TaskPort,
  inputs: readonly TaskInput[],
  take: () => number,
  finished: (result: TaskResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let running = 0;
    const send = () => {
      while (running < HELPER_BACKLOG) {
        const i = take();
        if (i < 0) break;
        running++;
        const message: HelperTask = { kind: 'task', index: i, input: inputs[i] };
        port.postMessage(message);
      }
      if (running === 0) {
        port.onmessage = null;
        resolve();
      }
    };
    port.onmessage = (event) => {
      const answer = event.data as HelperAnswer;
      if (answer.kind === 'failed') {
        port.onmessage = null;
        reject(new Error(`a helper worker failed: ${answer.message}`));
        return;
      }
      running--;
      finished(answer.result);
      send();
    };
    send();
  });
}

/** Simulates every task, here and on the helpers; each result comes back with its task. */
export async function runTasks(
  inputs: readonly TaskInput[],
  options: BrowserPoolOptions,
): Promise<TaskResult[]> {
  const done: TaskResult[] = [];
  const finished = (result: TaskResult) => {
    done.push(result);
    options.onProgress(done.length, inputs.length);
  };
  const order = dispatchOrder(inputs);
  let next = 0;
  const take = () => (next < order.length ? order[next++] : -1);
  let failure: unknown = null;
  const fed = new Map<TaskPort, Promise<void>>();
  const join = () => {
    for (const port of options.helpers?.() ?? []) {
      if (fed.has(port)) continue;
      const feeding = feed(port, inputs, take, finished).catch((error: unknown) => {
        failure ??= error;
      });
      fed.set(port, feeding);
    }
  };
  join();
  for (let i = take(); i >= 0 && failure === null; i = take()) {
    if (options.signal.aborted) throw options.signal.reason;
    finished(runTask(inputs[i]));
    // the helpers' answers, and any helper that joined, get a turn between two tasks of this thread's
    await yieldToMessages();
    join();
  }
  await Promise.all(fed.values());
  if (failure !== null) throw failure;
  return done;
}
