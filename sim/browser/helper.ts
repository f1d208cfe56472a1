/**
 * The helper role of a playground worker: the page starts one or more workers beside the simulating
 * one and hands each a port (sim/browser/threads.ts); over it a helper simulates the replications the
 * simulating worker sends (sim/browser/pool.ts), through the same runTask as the CLI's worker threads,
 * and answers each with its result.
 */
import { runTask } from '../experiment/replicate.js';
import type { HelperAnswer, HelperTask, TaskPort } from './protocol.js';

/** Answers every task that comes in on `port`, one after another, in the order they come. */
export function serveTasks(port: TaskPort): void {
  port.onmessage = (message) => {
    const { index, input } = message.data as HelperTask;
    let answer: HelperAnswer;
    try {
      answer = { kind: 'done', index, result: runTask(input) };
    } catch (error) {
      answer = { kind: 'failed', index, message: String(error) };
    }
    port.postMessage(answer);
  };
}
