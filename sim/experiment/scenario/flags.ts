// Command-line flag text → typed override values: "1,2,4" → [1, 2, 4]. Values that are not numbers stay
// text, so that the message quotes what the user typed (`--seed: got "abc" (expected …)`).

import * as messages from '../messages.js';
import { InputError } from './errors.js';
import { numberField } from './fields.js';
import type { ScenarioOverrides } from './overrides.js';
import { checkValue } from './overrides.js';
import { coresSchema, maxEventsSchema, replicationsSchema, seedSchema } from './schema.js';

/** --max-replications when --precision is given without it */
export const DEFAULT_MAX_REPLICATIONS = 100;

/** The study flags as typed on the command line; absent flags are undefined. */
export interface StudyFlagText {
  cores?: string;
  policies?: string;
  replications?: string;
  seed?: string;
  maxEvents?: string;
  jobs?: string;
  targetAllocsPerSec?: string;
  precision?: string;
  maxReplications?: string;
}

export interface StudyFlagValues {
  overrides: ScenarioOverrides;
  /** --jobs: worker threads; undefined when not given */
  jobs?: number;
  /** --target-allocs-per-sec */
  targetAllocsPerSec?: number;
  /** --precision and --max-replications (default 100); undefined without --precision */
  precision?: { target: number; maxReplications: number };
}

/** Typed values from flag text; one InputError listing every bad flag. */
export function studyFlagValues(flags: StudyFlagText): StudyFlagValues {
  const problems: string[] = [];
  const overrides: ScenarioOverrides = {
    cores: checkValue('--cores', coresSchema, listFlag(flags.cores)?.map(numberOrText), problems),
    policies: listFlag(flags.policies),
    replications: checkValue(
      '--replications',
      replicationsSchema,
      numberOrText(flags.replications),
      problems,
    ),
    seed: checkValue('--seed', seedSchema, numberOrText(flags.seed), problems),
    maxEvents: checkValue('--max-events', maxEventsSchema, numberOrText(flags.maxEvents), problems),
  };
  const jobs = checkValue('--jobs', numberField({ int: true, min: 1 }), numberOrText(flags.jobs), problems);
  const targetAllocsPerSec = checkValue(
    '--target-allocs-per-sec',
    numberField({ gt: 0 }),
    numberOrText(flags.targetAllocsPerSec),
    problems,
  );
  const target = checkValue(
    '--precision',
    numberField({ gt: 0, lt: 1 }, messages.expectedPrecision),
    numberOrText(flags.precision),
    problems,
  );
  const maxReplications = checkValue(
    '--max-replications',
    numberField({ int: true, min: 2 }, messages.expectedMaxReplications),
    numberOrText(flags.maxReplications),
    problems,
  );
  if (maxReplications !== undefined && target === undefined && flags.precision === undefined)
    problems.push(messages.maxReplicationsWithoutPrecision);
  if (problems.length > 0) throw new InputError(problems);
  const precision =
    target === undefined
      ? undefined
      : { target, maxReplications: maxReplications ?? DEFAULT_MAX_REPLICATIONS };
  return { overrides, jobs, targetAllocsPerSec, ...(precision ? { precision } : {}) };
}

/** "a, b,c" → ["a", "b", "c"]; an empty flag is an empty list. */
export function listFlag(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text.trim() === '' ? [] : text.split(',').map((item) => item.trim());
}

/** A flag's text as a number when it reads as one; otherwise the text, for the message to quote. */
export function numberOrText<T extends string | undefined>(text: T): number | T {
  if (text === undefined) return text;
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : text;
}
