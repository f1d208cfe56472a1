// `zerosim whatif SCENARIO --vary PATH=V1,V2,... [--vary ...] [--sensitivity]`: every combination of the
// varied values crossed with cores and policies, and/or a ±50% sensitivity study; same files as `run`.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { applyOverrides, InputError } from '../../experiment/scenario/index.js';
import { parseVary } from '../../experiment/vary.js';
import { runWhatif } from '../../experiment/whatif.js';
import { checkOutputDir } from '../files.js';
import { runInterruptibly } from '../interruptible.js';
import type { StudyFlags } from '../options.js';
import { lastValue, studyFlags, studyOptions } from '../options.js';
import { writeStudyFiles } from '../outputs.js';
import { displayPath } from '../paths.js';
import { loadScenarioFiles } from '../scenario-files.js';
import { studySummary } from '../summary.js';

interface WhatifArgs extends StudyFlags {
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
  handler: whatif,
};

async function whatif(args: WhatifArgs): Promise<void> {
  const flags = studyFlags(args);
  const [{ scenario: loaded }] = await loadScenarioFiles([args.scenario]);
  const scenario = applyOverrides(loaded, flags.overrides);
  const varyFlags = args.vary === undefined ? [] : Array.isArray(args.vary) ? args.vary : [args.vary];
  if (varyFlags.length === 0 && !args.sensitivity) throw new InputError([messages.whatifNeedsAxis]);
  const axes = parseVary(varyFlags, scenario);
  const dir = lastValue(args.out) ?? join('out', `${scenario.name}-whatif`);
  await checkOutputDir(dir);
  const results = await runInterruptibly(
    scenario.name,
    !args.quiet,
    (o) => runWhatif(scenario, axes, { ...o, sensitivity: args.sensitivity }),
    {
      jobs: flags.jobs ?? availableParallelism(),
      targetAllocsPerSec: flags.targetAllocsPerSec,
      budgetSource: flags.overrides.maxEvents === undefined ? args.scenario : '--max-events',
    },
  );
  const reportPath = await writeStudyFiles(dir, results);
  process.stdout.write(
    `${studySummary(results)}\n${messages.writtenLine('report', displayPath(reportPath))}\n`,
  );
}
