// `zerosim report RESULTS.json [--out DIR]`: re-renders report.html and charts/ from saved results,
// by default next to the results file; `-` reads them from stdin (then --out is needed).

import { dirname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { capacityAnswers } from '../../experiment/capacity.js';
import * as messages from '../../experiment/messages.js';
import { InputError } from '../../experiment/scenario/index.js';
import { recoverFolder } from '../file-set.js';
import { inputName, outputDirFlag, readInputFile, stdinPath } from '../files.js';
import { lastValue } from '../options.js';
import { reportFiles, reportPath, writeOutputFiles } from '../outputs.js';
import { displayPath, toolVersion } from '../paths.js';
import { parseResultsText } from '../results-file.js';

interface ReportArgs {
  results: string;
  out?: string | string[];
  force: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <results>',
  describe: messages.help.report,
  builder: (yargs) =>
    (yargs as Argv)
      .positional('results', { type: 'string', describe: messages.help.results })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: messages.help.outReport,
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: messages.help.force,
      }) as unknown as Argv<ReportArgs>,
  handler: renderReport,
};

/** The files of a folder's set that a report replaces: its page and charts; the rest (results) stay. */
const isReportFile = (rel: string) => rel === 'report.html' || rel.startsWith('charts/');

async function renderReport(args: ReportArgs): Promise<void> {
  const out = outputDirFlag(lastValue(args.out));
  if (args.results === stdinPath && out === undefined) throw new InputError([messages.reportStdinNeedsOut]);
  // the results may sit in a folder a crash left mid-write: repair it before reading them
  if (args.results !== stdinPath) await recoverFolder(dirname(args.results));
  const file = inputName(args.results);
  const saved = parseResultsText(await readInputFile(args.results), file, toolVersion());
  // results of versions before capacity answers get them from their points, as `run` computes them:
  // the findings say where each policy saturates by these answers
  const results = saved.capacity === undefined ? { ...saved, capacity: capacityAnswers(saved) } : saved;
  const dir = out ?? dirname(args.results);
  await writeOutputFiles(dir, await reportFiles(dir, results), {
    force: args.force,
    replaces: isReportFile,
  });
  process.stdout.write(`${messages.writtenLine('report', displayPath(reportPath(dir)))}\n`);
}
