// `zerosim list`: the scenarios shipped in scenarios/ with their titles, and the policy presets with
// their one-line descriptions.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import * as messages from '../../experiment/messages.js';
import { InputError, loadScenarioText } from '../../experiment/scenario/index.js';
import { presetNames, presets } from '../../policies/registry.js';
import { readInputFile } from '../files.js';
import { displayPath, scenariosDir } from '../paths.js';
import { machineReader } from '../scenario-files.js';

export const listCommand: CommandModule = {
  command: 'list',
  describe: messages.help.list,
  handler: listAll,
};

async function listAll(): Promise<void> {
  const dir = scenariosDir();
  const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const scenarioRows: [string, string][] = [];
  for (const name of names) {
    const file = displayPath(join(dir, name));
    try {
      const text = await readInputFile(join(dir, name));
      scenarioRows.push([file, loadScenarioText(text, file, { readMachine: machineReader(dir) }).title]);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      scenarioRows.push([file, messages.listInvalidScenario(file)]);
    }
  }
  const presetRows = presetNames.map((name): [string, string] => [name, presets[name].description]);
  const width = Math.max(...[...scenarioRows, ...presetRows].map(([key]) => key.length));
  const rows = (list: [string, string][]) => list.map(([key, text]) => `  ${key.padEnd(width)}  ${text}`);
  const lines = [
    `${messages.listScenariosHeading}:`,
    ...(scenarioRows.length > 0 ? rows(scenarioRows) : [messages.listNoScenarios]),
    '',
    `${messages.listPresetsHeading}:`,
    ...rows(presetRows),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
