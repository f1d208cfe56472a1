// The zerosim command line: yargs parses the arguments and runs one command from commands/; whatever
// fails becomes an exit code (0 ok, 2 bad input, 1 internal error) and lines on stderr.

import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import * as messages from '../experiment/messages.js';
import { calibrateCommand } from './commands/calibrate.js';
import { listCommand } from './commands/list.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { slurmCommand } from './commands/slurm.js';
import { validateCommand } from './commands/validate.js';
import { whatifCommand } from './commands/whatif.js';
import { exitOk, reportFailure, usageError } from './exit.js';
import { toolVersion } from './paths.js';

export async function main(argv: string[]): Promise<number> {
  const cli = yargs(argv)
    .scriptName('zerosim')
    .command(runCommand)
    .command(whatifCommand)
    .command(validateCommand)
    .command(listCommand)
    .command(reportCommand)
    .command(mergeCommand)
    .command(slurmCommand)
    .command(calibrateCommand)
    .command(schemaCommand)
    .demandCommand(1, messages.noCommand)
    .recommendCommands()
    .strict()
    .version(toolVersion())
    .help()
    .alias('h', 'help')
    .wrap(null)
    // usage errors (yargs reports some as a YError) become InputErrors; a command's own errors pass through
    .fail((message, error) => {
      if (error === undefined || error === null) throw usageError(message);
      if (error.name === 'YError') throw usageError(error.message);
      throw error;
    });
  try {
    await cli.parseAsync();
    return exitOk;
  } catch (error) {
    return reportFailure(error);
  }
}

process.exitCode = await main(hideBin(process.argv));
