// `zerosim run [SCENARIO.json ...]`: its flags, and their resolution into one study per scenario file
// (loaded, overridden, given its folder); pipeline.ts runs and writes them.

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { plainStudy } from '../../experiment/run.js';
import { numberField } from '../../experiment/scenario/fields.js';
import { applyOverrides, InputError, numberOrText } from '../../experiment/scenario/index.js';
import { checkValue } from '../../experiment/scenario/overrides.js';
import { parseTracePoint } from '../../experiment/trace.js';
import type { Scenario } from '../../types/index.js';
import { outputDirFlag } from '../files.js';
import type { StudyFlags, StudyPlan } from '../options.js';
import { lastValue, studyFlags, studyOptions, studyPlan } from '../options.js';
import { defaultScenarioFile, displayPath } from '../paths.js';
import { runAndWrite } from '../pipeline.js';
import { checkDistinctNames, loadScenarioFiles, readMachineFlag } from '../scenario-files.js';
import type { TraceRequest } from '../trace-file.js';

export interface RunArgs extends StudyFlags {
  scenarios?: string[];
  trace?: string | string[];
  traceWindowUs?: string | string[];
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
      .options({
        ...studyOptions,
        trace: { type: 'string', requiresArg: true, describe: messages.help.trace },
        'trace-window-us': { type: 'string', requiresArg: true, describe: messages.help.traceWindow },
      }) as unknown as Argv<RunArgs>,
  handler: async (args) => runAndWrite(await resolveRun(args)),
};

/** One study per scenario file (the default scenario when none is given), in the order given. */
export async function resolveRun(args: RunArgs): Promise<StudyPlan[]> {
  const files =
    args.scenarios && args.scenarios.length > 0 ? args.scenarios : [displayPath(defaultScenarioFile())];
  const flags = studyFlags(args);
  const machine = await readMachineFlag(lastValue(args.machine));
  const loaded = (await loadScenarioFiles(files, machine)).map(({ file, scenario }) => ({
    file,
    scenario: applyOverrides(scenario, flags.overrides),
  }));
  checkDistinctNames(loaded);
  // one scenario: --out is its folder; several: --out holds one folder per scenario
  const out = outputDirFlag(lastValue(args.out));
  return loaded.map(({ file, scenario }) => {
    const dir =
      out === undefined ? join('out', scenario.name) : loaded.length === 1 ? out : join(out, scenario.name);
    return {
      ...studyPlan(args, flags, file, plainStudy(scenario), dir),
      trace: traceRequest(args, scenario),
    };
  });
}

/** --trace and --trace-window-us, checked against the study (and refused with --shard); null without --trace. */
function traceRequest(args: RunArgs, scenario: Scenario): TraceRequest | null {
  const text = lastValue(args.trace);
  const windowText = lastValue(args.traceWindowUs);
  const problems: string[] = [];
  const windowUs = checkValue(
    '--trace-window-us',
    numberField({ gt: 0 }, messages.expectedTraceWindow),
    numberOrText(windowText),
    problems,
  );
  if (problems.length > 0) throw new InputError(problems);
  if (text === undefined) return null;
  if (lastValue(args.shard) !== undefined) throw new InputError([messages.traceWithShard]);
  return {
    point: parseTracePoint(text, scenario),
    windowNs: windowUs === undefined ? Number.POSITIVE_INFINITY : windowUs * 1000,
  };
}
