// Bad user input as data: each problem is one located complaint, and InputError carries them all at once.

import { problemLine } from '../messages.js';

/** A key or an array index on the way from the top of a JSON document to a value. */
export type PathSegment = string | number;

/** One thing wrong with the input: where, what was found, and what was expected instead. */
export interface Problem {
  path: PathSegment[];
  what: string;
  expected: string;
}

/**
 * Input that zerosim refuses (exit code 2). `problems` holds one finished line per problem, of the
 * form `FILE: json.path: what is wrong (what was expected)`; the CLI prints them without a stack.
 */
export class InputError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Formats problems found in `source` (a file name, or a flag such as `--cores`) as one line each. */
export function problemLines(source: string, problems: readonly Problem[]): string[] {
  // one value can fail two checks in the same words (1e20 is neither an integer nor at most the max)
  return [...new Set(problems.map((p) => problemLine(source, p.path, p.what, p.expected)))];
}

/** Throws an InputError when there is anything to complain about. */
export function throwIfProblems(source: string, problems: readonly Problem[]): void {
  if (problems.length > 0) throw new InputError(problemLines(source, problems));
}
