// Maps what went wrong to an exit code and stderr lines: 2 and one line per problem for bad input (no
// stack), 130 for Ctrl-C, 1 and the stack for anything else, which is a bug in zerosim.

import * as messages from '../experiment/messages.js';
import { InputError } from '../experiment/scenario/index.js';

export const exitOk = 0;
export const exitInternal = 1;
export const exitBadInput = 2;
/** the shell's convention for a process stopped by SIGINT (128 + 2) */
export const exitInterrupted = 130;

/** The user pressed Ctrl-C during a run. */
export class InterruptedError extends Error {
  constructor() {
    super(messages.interrupted);
    this.name = 'InterruptedError';
  }
}

export function reportFailure(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof InterruptedError) {
    stderr.write(`${messages.interrupted}\n`);
    return exitInterrupted;
  }
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
