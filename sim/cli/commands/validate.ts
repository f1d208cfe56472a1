// `zerosim validate FILE.json ...`: one ok line per good file on stdout, one line per problem on stderr.

import type { Argv, CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { InputError } from '../../experiment/scenario/index.js';
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
      demandOption: true,
      describe: messages.help.files,
    }) as unknown as Argv<ValidateArgs>,
  handler: validateFiles,
};

async function validateFiles(args: ValidateArgs): Promise<void> {
  const problems: string[] = [];
  for (const file of args.files) {
    try {
      const [{ scenario }] = await loadScenarioFiles([file]);
      const { name, policies, cores, run } = scenario;
      process.stdout.write(
        `${messages.validOk(file, name, policies.length, cores.length, run.replications)}\n`,
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}
