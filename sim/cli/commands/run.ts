// `zerosim run [SCENARIO.json ...]`: load, override, run each study, write its files, print a table.

import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { runStudy } from '../../experiment/run.js';
import { applyOverrides, studyFlagValues } from '../../experiment/scenario/index.js';
import type { Results, Scenario } from '../../experiment/types.js';
import { InterruptedError } from '../exit.js';
import { prepareOutputDir } from '../files.js';
import type { StudyFlags } from '../options.js';
import { lastValue, studyOptions } from '../options.js';
import { writeReportFiles, writeResultsFiles } from '../outputs.js';
import { defaultScenarioFile, displayPath, toolVersion } from '../paths.js';
import { progressOnStderr } from '../progress.js';
import { checkDistinctNames, loadScenarioFiles } from '../scenario-files.js';
import { throughputTable } from '../table.js';

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
  const flags = studyFlagValues({
    cores: lastValue(args.cores),
    policies: lastValue(args.policies),
    replications: lastValue(args.replications),
    seed: lastValue(args.seed),
    maxEvents: lastValue(args.maxEvents),
    jobs: lastValue(args.jobs),
  });
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
  for (const dir of dirs) await prepareOutputDir(dir);

  for (const [index, { scenario }] of loaded.entries()) {
    const results = await runInterruptibly(scenario, jobs, !args.quiet);
    await writeResultsFiles(dirs[index], results);
    const reportPath = await writeReportFiles(dirs[index], results);
    process.stdout.write(
      `${throughputTable(results)}\n${messages.writtenLine('report', displayPath(reportPath))}\n`,
    );
  }
}

/** runStudy with progress on stderr; the first Ctrl-C stops it cleanly, a second one kills as usual. */
async function runInterruptibly(scenario: Scenario, jobs: number, showProgress: boolean): Promise<Results> {
  const progress = progressOnStderr(scenario.name, showProgress);
  const controller = new AbortController();
  // runStudy hands the signal to every queued task: one listener each, so lift the leak warning's limit of 10
  setMaxListeners(0, controller.signal);
  const interrupt = () => controller.abort(new InterruptedError());
  process.once('SIGINT', interrupt);
  try {
    return await runStudy(scenario, {
      jobs,
      onProgress: progress.onProgress,
      signal: controller.signal,
      toolVersion: toolVersion(),
    });
  } catch (error) {
    throw controller.signal.aborted ? new InterruptedError() : error;
  } finally {
    process.off('SIGINT', interrupt);
    progress.finish();
  }
}
