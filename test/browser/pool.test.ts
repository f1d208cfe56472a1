// The playground's pool (sim/browser/pool.ts) with helpers served over MessageChannels, as the page
// joins its workers (here on one thread, through Node's MessageChannel): every task runs once, the
// helpers get some, also one that joins late, and the results are the same replications, number for
// number, as with no helper.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { serveTasks } from '../../sim/browser/helper.js';
import { runQueue, runTasks, type TaskQueue } from '../../sim/browser/pool.js';
import type { TaskPort } from '../../sim/browser/protocol.js';
import { expandPoints, pointKey, type TaskResult, taskInputs } from '../../sim/experiment/points.js';
import { policy, scenario } from '../model/helpers.js';

const study = scenario({
  cores: [1, 2, 4],
  policies: [policy('go1.0-under-lock'), policy('go1.1-after-unlock')],
  run: { replications: 2, allocationsPerCore: 200, seed: 5 },
});
const inputs = taskInputs(expandPoints([{ scenario: study }]));

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

/** A helper on a fresh channel, counting the tasks it was sent; returns the pool's end of the channel. */
function helper(serve: (port: TaskPort) => void = serveTasks): { port: TaskPort; tasks: () => number } {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  let tasks = 0;
  port2.on('message', () => tasks++);
  // Node's ports take `onmessage` as the browser's do (its types leave it out)
  serve(port2 as unknown as TaskPort);
  return { port: port1 as unknown as TaskPort, tasks: () => tasks };
}

const byTask = (results: TaskResult[]) =>
  [...results].sort(
    (a, b) => pointKey(a.task).localeCompare(pointKey(b.task)) || a.task.replication - b.task.replication,
  );

const options = (onProgress: (done: number, total: number) => void = () => {}) => ({
  jobs: 1,
  onProgress,
  signal: new AbortController().signal,
});

describe('the browser pool with helper workers', () => {
  it('runs every task once, some on each helper, with the results of a pool without helpers', async () => {
    const alone = await runTasks(inputs, options());
    const helpers = [helper(), helper()];
    const progress: Array<[number, number]> = [];
    const shared = await runTasks(inputs, {
      ...options((done, total) => progress.push([done, total])),
      helpers: () => helpers.map((h) => h.port),
    });
    expect(shared.length).toBe(inputs.length);
    expect(byTask(shared)).toEqual(byTask(alone));
    for (const h of helpers) expect(h.tasks()).toBeGreaterThan(0);
    expect(progress.map(([done]) => done)).toEqual(inputs.map((_, i) => i + 1));
    expect(progress.every(([, total]) => total === inputs.length)).toBe(true);
  });

  it('lets a helper join while the tasks are under way', async () => {
    const alone = await runTasks(inputs, options());
    const late = helper();
    let asked = 0;
    // the pool asks before its first task and after each one: the helper is there from the third ask on
    const shared = await runTasks(inputs, { ...options(), helpers: () => (++asked >= 3 ? [late.port] : []) });
    expect(byTask(shared)).toEqual(byTask(alone));
    expect(late.tasks()).toBeGreaterThan(0);
    expect(late.tasks()).toBeLessThan(inputs.length - 1);
  });

  it('runs a queue whose tasks become ready as others finish (--precision batches), with a helper', async () => {
    const alone = await runTasks(inputs, options());
    // the second half is ready only once the first half has finished, wherever it ran
    const half = inputs.length / 2;
    let given = 0;
    let finished = 0;
    const queue: TaskQueue = {
      take: () => (given < half || (given < inputs.length && finished >= half) ? inputs[given++] : null),
      finished: () => {
        finished++;
      },
      get total() {
        return finished >= half ? inputs.length : half;
      },
    };
    const h = helper();
    const shared = await runQueue(() => queue, { ...options(), helpers: () => [h.port] });
    expect(byTask(shared)).toEqual(byTask(alone));
    expect(h.tasks()).toBeGreaterThan(0);
  });

  it('fails when a helper fails, saying so', async () => {
    const broken = helper((port) => {
      port.onmessage = (message) => {
        const { index } = message.data as { index: number };
        port.postMessage({ kind: 'failed', index, message: 'out of memory' });
      };
    });
    await expect(runTasks(inputs, { ...options(), helpers: () => [broken.port] })).rejects.toThrow(
      'a helper worker failed: out of memory',
    );
  });
});
