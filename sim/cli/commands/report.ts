// `zerosim report RESULTS.json [--out DIR]`: re-renders report.html and charts/ from saved results,
// by default next to the results file.

import { dirname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { capacityAnswers } from '../../experiment/capacity.js';
import * as messages from '../../experiment/messages.js';
import { readInputFile } from '../files.js';
import { lastValue } from '../options.js';
import { reportFiles, reportPath, writeOutputFiles } from '../outputs.js';
import { displayPath, toolVersion } from '../paths.js';
import { parseResultsText } from '../results-file.js';

interface ReportArgs {
  results: string;
  out?: string | string[];
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <results>',
  describe: messages.help.report,
  builder: (yargs) =>
    (yargs as Argv)
      .positional('results', { type: 'string', demandOption: true, describe: messages.help.results })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: messages.help.outReport,
      }) as unknown as Argv<ReportArgs>,
  handler: renderReport,
};

async function renderReport(args: ReportArgs): Promise<void> {
  const saved = parseResultsText(await readInputFile(args.results), args.results, toolVersion());
  // results of versions before capacity answers get them from their points, as `run` computes them:
  // the findings say where each policy saturates by these answers
  const results = saved.capacity === undefined ? { ...saved, capacity: capacityAnswers(saved) } : saved;
  const dir = lastValue(args.out) ?? dirname(args.results);
  await writeOutputFiles(dir, await reportFiles(dir, results));
  process.stdout.write(`${messages.writtenLine('report', displayPath(reportPath(dir)))}\n`);
}
