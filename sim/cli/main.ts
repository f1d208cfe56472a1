// The zerosim command line: yargs parses the arguments and runs one command from commands/; whatever
// fails becomes an exit code (0 ok, 2 bad input, 1 internal error, 128 + n for stop signal n) and
// lines on stderr.

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
import { exitBadInput, exitOk, reportFailure, reportStopped, usageError } from './exit.js';
import { fsReason, stdinPath } from './files.js';
import { toolVersion } from './paths.js';
import { installStopHandlers } from './signals.js';

export async function main(argv: string[]): Promise<number> {
  const stopped = installStopHandlers();
  const cli = yargs(argv.map((arg) => (arg === '-' ? stdinPath : arg)))
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
    .completion('completion', messages.help.completion)
    .demandCommand(1, messages.noCommand)
    .recommendCommands()
    .strict()
    .version(toolVersion())
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    .wrap(null)
    // usage errors (yargs reports some as a YError) become InputErrors; a command's own errors pass through
    .fail((message, error) => {
      const typed = (text: string) => text.replaceAll(stdinPath, '-');
      if (error === undefined || error === null) throw usageError(typed(message));
      if (error.name === 'YError') throw usageError(typed(error.message));
      throw error;
    });
  try {
    await cli.parseAsync();
    return stopped.signal === undefined ? exitOk : reportStopped(stopped);
  } catch (error) {
    return stopped.signal === undefined ? reportFailure(error) : reportStopped(stopped);
  }
}

/**
 * A stdout that cannot be written: a closed pipe (`zerosim list | head -1`) ends zerosim quietly; any
 * other failure (a full disk) is one line on stderr and exit 2, with no stack.
 */
let stdoutFailed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? exitOk);
  if (!stdoutFailed) process.stderr.write(`${messages.stdoutFailed(fsReason(error))}\n`);
  stdoutFailed = true;
  process.exitCode = exitBadInput;
});

// a stderr that is gone (a closed terminal, after SIGHUP) has no one left to tell
process.stderr.on('error', () => undefined);

const code = await main(hideBin(process.argv));
process.exitCode = stdoutFailed ? exitBadInput : code;
