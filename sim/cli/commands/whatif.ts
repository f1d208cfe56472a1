// `zerosim whatif SCENARIO --vary PATH=V1,V2,... [--vary ...] [--sensitivity]`: its flags (every flag of
// `run` too), and their resolution into one study: every combination of the varied values crossed with
// cores and policies, and/or a ±50% sensitivity study. pipeline.ts runs it and writes the same files as `run`.

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { applyOverrides, InputError } from '../../experiment/scenario/index.js';
import { parseVary } from '../../experiment/vary.js';
import { asTyped, outputDirFlag } from '../files.js';
import type { StudyFlags, StudyPlan } from '../options.js';
import { lastValue, studyFlags, studyOptions, studyPlan } from '../options.js';
import { runAndWrite } from '../pipeline.js';
import { loadScenarioFiles, readMachineFlag } from '../scenario-files.js';

export interface WhatifArgs extends StudyFlags {
  scenario: string;
  vary?: string | string[];
  sensitivity: boolean;
}

export const whatifCommand: CommandModule<object, WhatifArgs> = {
  command: 'whatif <scenario>',
  describe: messages.help.whatif,
  builder: (yargs) =>
    (yargs as Argv).positional('scenario', { type: 'string', describe: messages.help.scenario }).options({
      ...studyOptions,
      out: { ...studyOptions.out, describe: messages.help.outWhatif },
      vary: { type: 'string', requiresArg: true, describe: messages.help.vary },
      sensitivity: { type: 'boolean', default: false, describe: messages.help.sensitivity },
    }) as unknown as Argv<WhatifArgs>,
  handler: async (args) => runAndWrite(await resolveWhatif(args)),
};

/** The scenario, overridden, with its --vary axes checked against it; its folder `out/NAME-whatif`. */
export async function resolveWhatif(args: WhatifArgs): Promise<StudyPlan[]> {
  const flags = studyFlags(args);
  const out = outputDirFlag(lastValue(args.out));
  const machine = await readMachineFlag(lastValue(args.machine));
  const [{ file, scenario: loaded }] = await loadScenarioFiles([args.scenario], machine);
  const scenario = applyOverrides(loaded, flags.overrides);
  const varyFlags = (args.vary === undefined ? [] : Array.isArray(args.vary) ? args.vary : [args.vary]).map(
    asTyped,
  );
  if (varyFlags.length === 0 && !args.sensitivity) throw new InputError([messages.whatifNeedsAxis]);
  const vary = parseVary(varyFlags, scenario);
  const dir = out ?? join('out', `${scenario.name}-whatif`);
  return [studyPlan(args, flags, file, { scenario, vary, sensitivity: args.sensitivity }, dir)];
}
