// Declares the flags shared by `run` and `whatif` once, and resolves them into a StudyPlan: every option
// checked and defaulted once, so nothing after it looks for a missing one. Values stay text until
// the scenario module validates them (studyFlagValues), so messages quote exactly what was typed.

import { availableParallelism } from 'node:os';
import type { Options } from 'yargs';
import * as messages from '../experiment/messages.js';
import type { Study } from '../experiment/points.js';
import { type RunOptions, runOptions } from '../experiment/run.js';
import {
  DEFAULT_MAX_REPLICATIONS,
  type StudyFlagValues,
  studyFlagValues,
} from '../experiment/scenario/index.js';
import { parseShardFlag, type Shard } from '../experiment/shard.js';
import { asTyped } from './files.js';
import { toolVersion } from './paths.js';
import type { TraceRequest } from './trace-file.js';

// Number flags are declared `string` and `number` both: yargs-parser then leaves their text alone (so
// messages quote what was typed), and --help labels them [number].
export const studyOptions = {
  out: { type: 'string', requiresArg: true, describe: messages.help.outRun },
  cores: { type: 'string', requiresArg: true, describe: messages.help.cores },
  policies: { type: 'string', requiresArg: true, describe: messages.help.policies },
  machine: { type: 'string', requiresArg: true, describe: messages.help.machine },
  replications: { type: 'string', number: true, requiresArg: true, describe: messages.help.replications },
  seed: { type: 'string', number: true, requiresArg: true, describe: messages.help.seed },
  jobs: {
    type: 'string',
    number: true,
    requiresArg: true,
    describe: messages.help.jobs,
    defaultDescription: String(availableParallelism()),
  },
  quiet: { type: 'boolean', default: false, describe: messages.help.quiet },
  force: { type: 'boolean', default: false, describe: messages.help.force },
  'max-events': { type: 'string', number: true, requiresArg: true, describe: messages.help.maxEvents },
  'target-allocs-per-sec': {
    type: 'string',
    number: true,
    requiresArg: true,
    describe: messages.help.target,
  },
  precision: { type: 'string', number: true, requiresArg: true, describe: messages.help.precision },
  'max-replications': {
    type: 'string',
    number: true,
    requiresArg: true,
    describe: messages.help.maxReplications,
    defaultDescription: String(DEFAULT_MAX_REPLICATIONS),
  },
  shard: { type: 'string', requiresArg: true, describe: messages.help.shard },
} as const satisfies Record<string, Options>;

/** The parsed values of studyOptions. A repeated flag arrives as a list: the last one wins. */
export interface StudyFlags {
  out?: string | string[];
  cores?: string | string[];
  policies?: string | string[];
  /** a machine.json that replaces each scenario's machine */
  machine?: string | string[];
  replications?: string | string[];
  seed?: string | string[];
  jobs?: string | string[];
  quiet: boolean;
  force: boolean;
  maxEvents?: string | string[];
  targetAllocsPerSec?: string | string[];
  precision?: string | string[];
  maxReplications?: string | string[];
  shard?: string | string[];
}

/** One study as the pipeline (pipeline.ts) takes it: what to simulate, how, and where its files go. */
export interface StudyPlan {
  study: Study;
  /** the output folder */
  dir: string;
  /** progress on stderr (when it is a terminal) */
  showProgress: boolean;
  /** overwrite files in `dir` that zerosim did not write */
  force: boolean;
  /** every run option defaulted; the run installs its own progress and Ctrl-C hooks */
  options: RunOptions;
  /** --trace (run only): the point to record into DIR/trace-POLICY-CORES.json; null: none */
  trace: TraceRequest | null;
  /** --shard K/N: run only that part of the study and write its shard file; null: the whole study */
  shard: Shard | null;
}

/** A flag's value as typed (`-` included); the last of a repeated flag. */
export function lastValue(value: string | string[] | undefined): string | undefined {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined ? undefined : asTyped(last);
}

/** The typed values of the study flags (the last of a repeated flag wins); InputError for bad ones. */
export function studyFlags(args: StudyFlags): StudyFlagValues {
  return studyFlagValues({
    cores: lastValue(args.cores),
    policies: lastValue(args.policies),
    replications: lastValue(args.replications),
    seed: lastValue(args.seed),
    maxEvents: lastValue(args.maxEvents),
    jobs: lastValue(args.jobs),
    targetAllocsPerSec: lastValue(args.targetAllocsPerSec),
    precision: lastValue(args.precision),
    maxReplications: lastValue(args.maxReplications),
  });
}

/** A study of the scenario loaded from `file`, with the flags' options, to be written into `dir`. */
export function studyPlan(
  args: StudyFlags,
  flags: StudyFlagValues,
  file: string,
  study: Study,
  dir: string,
): StudyPlan {
  return {
    study: flags.precision ? { ...study, precision: flags.precision } : study,
    dir,
    trace: null,
    showProgress: !args.quiet,
    force: args.force,
    shard: parseShardFlag(lastValue(args.shard)),
    options: runOptions(study.scenario, {
      jobs: flags.jobs,
      targetAllocsPerSec: flags.targetAllocsPerSec,
      budgetSource: flags.overrides.maxEvents === undefined ? file : '--max-events',
      toolVersion: toolVersion(),
    }),
  };
}
