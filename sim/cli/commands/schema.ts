// `zerosim schema`: the scenario file format as a JSON Schema (draft 2020-12) on stdout, generated from
// the scenario's zod schema, for editors and other tools; the build ships it as dist/scenario.schema.json.

import type { CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { scenarioJsonSchema } from '../../experiment/scenario/index.js';
import { writeStdout } from '../stdout.js';

export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: messages.help.schema,
  handler: () => writeStdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`),
};
