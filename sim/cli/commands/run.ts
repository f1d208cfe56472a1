// `zerosim run [SCENARIO.json ...]`: load, override, run each study, write its files, print a table.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { runStudy } from '../../experiment/run.js';
import { applyOverrides } from '../../experiment/scenario/index.js';
import { checkOutputDir } from '../files.js';
import { runInterruptibly } from '../interruptible.js';
import type { StudyFlags } from '../options.js';
import { lastValue, studyFlags, studyOptions } from '../options.js';
import { writeStudyFiles } from '../outputs.js';
import { defaultScenarioFile, displayPath } from '../paths.js';
import { checkDistinctNames, loadScenarioFiles } from '../scenario-files.js';
import { studySummary } from '../summary.js';

interface RunArgs extends StudyFlags {
  scenarios?: string[];
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run [scenarios..]',
  describe: messages.help.run,
  builder: (yargs) =>
    (yargs as Argv)
      .positional('scenarios', {
        type: 'string',
        array: true,
        describe: messages.help.scenarios,
        defaultDescription: 'scenarios/default.json',
      })
      .options(studyOptions) as unknown as Argv<RunArgs>,
  handler: runScenarios,
};

async function runScenarios(args: RunArgs): Promise<void> {
  const files =
    args.scenarios && args.scenarios.length > 0 ? args.scenarios : [displayPath(defaultScenarioFile())];
  const flags = studyFlags(args);
  const jobs = flags.jobs ?? availableParallelism();

  const loaded = (await loadScenarioFiles(files)).map(({ file, scenario }) => ({
    file,
    scenario: applyOverrides(scenario, flags.overrides),
  }));
  checkDistinctNames(loaded);

  // one scenario: --out is its folder; several: --out holds one folder per scenario
  const out = lastValue(args.out);
  const dirs = loaded.map(({ scenario }) =>
    out === undefined ? join('out', scenario.name) : loaded.length === 1 ? out : join(out, scenario.name),
  );
  // refuse an unwritable folder before the run, not after it
  for (const dir of dirs) await checkOutputDir(dir);

  for (const [index, { file, scenario }] of loaded.entries()) {
    const results = await runInterruptibly(scenario.name, !args.quiet, (o) => runStudy(scenario, o), {
      jobs,
      targetAllocsPerSec: flags.targetAllocsPerSec,
      budgetSource: flags.overrides.maxEvents === undefined ? file : '--max-events',
    });
    const reportPath = await writeStudyFiles(dirs[index], results);
    process.stdout.write(
      `${studySummary(results)}\n${messages.writtenLine('report', displayPath(reportPath))}\n`,
    );
  }
}
