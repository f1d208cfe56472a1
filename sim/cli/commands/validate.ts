// `zerosim validate FILE.json ...`: one ok line per good file on stdout, one line per problem on stderr.
// `-` reads a scenario from stdin. A folder that a crash left mid-write is repaired first (file-set.ts).

import { dirname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { InputError } from '../../experiment/scenario/index.js';
import { recoverFolder } from '../file-set.js';
import { stdinPath } from '../files.js';
import { loadScenarioFiles } from '../scenario-files.js';

interface ValidateArgs {
  files: string[];
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <files..>',
  describe: messages.help.validate,
  builder: (yargs) =>
    (yargs as Argv).positional('files', {
      type: 'string',
      array: true,
      // no default: the list is required, and yargs would show `[default: []]`
      default: undefined,
      describe: messages.help.files,
    }) as unknown as Argv<ValidateArgs>,
  handler: validateFiles,
};

async function validateFiles(args: ValidateArgs): Promise<void> {
  const problems: string[] = [];
  for (const dir of new Set(args.files.filter((f) => f !== stdinPath).map((f) => dirname(f))))
    await recoverFolder(dir);
  for (const file of args.files) {
    try {
      const [loaded] = await loadScenarioFiles([file]);
      const { name, policies, cores, run } = loaded.scenario;
      process.stdout.write(
        `${messages.validOk(loaded.file, name, policies.length, cores.length, run.replications)}\n`,
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}
