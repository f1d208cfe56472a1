// `zerosim slurm SCENARIO.json [run or whatif flags] --array N [--out DIR] [--sbatch-arg ARG ...] [--submit]`:
// resolves the study as `run` (or, with --vary or --sensitivity, `whatif`) would, refusing bad input
// here rather than on the cluster, then writes DIR/shards.sbatch (a job array, one shard per task) and
// DIR/merge.sbatch (slurm-scripts.ts), and with --submit submits both (sbatch.ts) and prints the job ids.

import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { InputError } from '../../experiment/scenario/index.js';
import { checkedStudyTasks } from '../../experiment/shard.js';
import { parseShardFile, studyFingerprint } from '../../experiment/shard-file.js';
import { writeFileSet } from '../file-set.js';
import { lastValue, studyFlags, studyOptions } from '../options.js';
import { displayPath, packageRoot } from '../paths.js';
import { submit } from '../sbatch.js';
import { mergeScript, type SlurmStudy, shardsScript } from '../slurm-scripts.js';
import { type RunArgs, resolveRun } from './run.js';
import { resolveWhatif, type WhatifArgs } from './whatif.js';

interface SlurmArgs extends Omit<WhatifArgs, 'vary'> {
  vary?: string | string[];
  array: string | string[];
  sbatchArg?: string | string[];
  submit: boolean;
}

/** The flags a task passes on as given: those of the study, not where or how it runs. */
const notPassedOn = new Set(['out', 'jobs', 'quiet', 'shard']);

export const slurmCommand: CommandModule<object, SlurmArgs> = {
  command: 'slurm <scenario>',
  describe: messages.help.slurm,
  builder: (yargs) =>
    (yargs as Argv)
      .positional('scenario', { type: 'string', describe: messages.help.slurmScenario })
      .options({
        ...studyOptions,
        out: { ...studyOptions.out, describe: messages.help.outSlurm },
        vary: { type: 'string', requiresArg: true, describe: messages.help.vary },
        sensitivity: { type: 'boolean', default: false, describe: messages.help.sensitivity },
        array: { type: 'string', requiresArg: true, demandOption: true, describe: messages.help.array },
        'sbatch-arg': { type: 'string', requiresArg: true, describe: messages.help.sbatchArg },
        submit: { type: 'boolean', default: false, describe: messages.help.submit },
      }) as unknown as Argv<SlurmArgs>,
  handler: slurm,
};

async function slurm(args: SlurmArgs): Promise<void> {
  const n = arrayTasks(lastValue(args.array)!);
  if (args.shard !== undefined) throw new InputError([messages.shardWithSlurm]);
  const sbatchArgs = list(args.sbatchArg).map(sbatchOption);
  const whatif = args.vary !== undefined || args.sensitivity;
  const [plan] = whatif
    ? await resolveWhatif(args as WhatifArgs)
    : await resolveRun({ ...(args as RunArgs), scenarios: [args.scenario] });
  checkedStudyTasks(plan.study, plan.options.budgetSource);
  const dir = resolve(plan.dir);
  await checkNoOtherShards(plan.dir, n, studyFingerprint(plan.study, plan.options, n));
  const study: SlurmStudy = {
    name: plan.study.scenario.name,
    n,
    dir,
    cwd: process.cwd(),
    zerosim: [process.execPath, join(packageRoot(), 'bin', 'zerosim.js')],
    study: [whatif ? 'whatif' : 'run', resolve(args.scenario), ...passedOn(args, whatif)],
    jobs: studyFlags(args).jobs,
    sbatchArgs,
  };
  const shards = join(dir, 'shards.sbatch');
  const merge = join(dir, 'merge.sbatch');
  // the folder also gathers the shards and the merged results: replace only the two scripts
  const scripts = new Set(['shards.sbatch', 'merge.sbatch']);
  await writeFileSet(
    dir,
    [
      { path: shards, text: shardsScript(study) },
      { path: merge, text: mergeScript(study) },
    ],
    { replaces: (rel) => scripts.has(rel) },
  );
  printOutcome(n, shards, merge, args.submit);
}

function printOutcome(n: number, shards: string, merge: string, submitting: boolean): void {
  const [shown, shownMerge] = [displayPath(shards), displayPath(merge)];
  if (!submitting) {
    process.stdout.write(
      `${messages.slurmWritten(shown, shownMerge, n)}\n${messages.slurmSubmitHint(shown, shownMerge)}\n`,
    );
    return;
  }
  const { arrayJob, mergeJob } = submit(shards, merge);
  process.stdout.write(
    `${messages.arraySubmitted(arrayJob, n, shown)}\n${messages.mergeSubmitted(mergeJob, arrayJob, shownMerge)}\n`,
  );
}

/**
 * Refuses a folder holding shards of another study (or another N): the merge job would refuse them
 * after every task had run. This study's shards (an earlier submission), and damaged files of this N,
 * are overwritten by the tasks.
 */
async function checkNoOtherShards(dir: string, n: number, fingerprint: string): Promise<void> {
  let entries: Array<{ name: string; isFile: () => boolean }>;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // no folder yet: nothing in the way
  }
  const names = entries.filter((e) => e.isFile()).map((e) => e.name);
  for (const name of names.sort()) {
    const match = /^shard-\d+-of-(\d+)\.json$/.exec(name);
    if (match === null) continue;
    const file = join(dir, name);
    let theirs: string | undefined;
    try {
      theirs = parseShardFile(await readFile(file, 'utf8'), file).fingerprint;
    } catch {
      theirs = undefined; // damaged: the task of its K writes it again
    }
    if (Number(match[1]) !== n || (theirs !== undefined && theirs !== fingerprint))
      throw new InputError([messages.otherShardsInTheWay(displayPath(file))]);
  }
}

function arrayTasks(text: string): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InputError([messages.arrayFlagBad(text)]);
  return n;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** `partition=debug` → `--partition=debug`; one option on one line, or InputError. */
function sbatchOption(arg: string): string {
  const option = arg.trim();
  if (option === '' || /[\r\n]/.test(option)) throw new InputError([messages.sbatchArgBad(arg)]);
  return option.startsWith('-') ? option : `--${option}`;
}

/** The study's own flags as the user gave them, for every array task to run the same study. */
function passedOn(args: SlurmArgs, whatif: boolean): string[] {
  const given = args as unknown as Record<string, unknown>;
  const names = [...Object.keys(studyOptions), ...(whatif ? ['vary', 'sensitivity'] : [])];
  return names
    .filter((name) => !notPassedOn.has(name))
    .flatMap((name) => {
      const value = given[name];
      if (value === undefined || value === false) return [];
      if (value === true) return [`--${name}`];
      return list(value as string | string[]).flatMap((v) => [`--${name}`, v]);
    });
}
