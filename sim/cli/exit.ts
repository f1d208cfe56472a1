// Maps what went wrong to an exit code and stderr lines: 2 and one line per problem for bad input (no
// stack), 128 + n for stop signal n (130 for Ctrl-C), 1 and the stack for anything else, a bug in zerosim.

import * as messages from '../experiment/messages.js';
import { InputError } from '../experiment/scenario/index.js';
import { type StopState, stopSignals } from './signals.js';

export const exitOk = 0;
export const exitInternal = 1;
export const exitBadInput = 2;

/**
 * The shell's convention for a process stopped by a signal, 128 + its number, with one line saying
 * which folders were written in full before it stopped.
 */
export function reportStopped(stopped: StopState, stderr: NodeJS.WritableStream = process.stderr): number {
  const signal = stopped.signal ?? 'SIGINT';
  stderr.write(`${messages.stoppedLine(signal, stopped.written)}\n`);
  return 128 + stopSignals[signal];
}

export function reportFailure(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof InputError) {
    stderr.write(`${error.problems.join('\n')}\n`);
    return exitBadInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`${messages.internalErrorLine(message)}\n`);
  if (error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return exitInternal;
}

/** A yargs usage complaint (unknown flag, missing argument) as bad input. */
export function usageError(message: string): InputError {
  return new InputError([messages.usageLine(message)]);
}
