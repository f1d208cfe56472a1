// Reads and loads scenario files for the commands, collecting the problems of every file before failing;
// and the machine.json files that scenarios name, or that --machine gives.

import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import * as messages from '../experiment/messages.js';
import {
  InputError,
  loadMachineText,
  loadScenarioText,
  type MachineOverride,
  type MachineReader,
} from '../experiment/scenario/index.js';
import type { Scenario } from '../types/index.js';
import { fsReason, inputName, readInputFile, stdinPath } from './files.js';

export interface LoadedScenario {
  /** the path as the user gave it (or as shown for the default scenario; `<stdin>` for `-`) */
  file: string;
  scenario: Scenario;
}

/** Every file loaded, or one InputError with the problems of all bad files. */
export async function loadScenarioFiles(
  files: readonly string[],
  machine?: MachineOverride,
): Promise<LoadedScenario[]> {
  const loaded: LoadedScenario[] = [];
  const problems: string[] = [];
  for (const path of files) {
    const file = inputName(path);
    try {
      const text = await readInputFile(path);
      // a scenario read from stdin finds its machine file from the current folder
      const options = { readMachine: machineReader(path === stdinPath ? '.' : dirname(path)), machine };
      loaded.push({ file, scenario: loadScenarioText(text, file, options) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return loaded;
}

/** Reads the machine.json paths of scenarios in `baseDir` (absolute paths as they are). */
export function machineReader(baseDir: string): MachineReader {
  return (path) => {
    // as given when it is already relative to the current folder, so messages quote it unchanged
    const file = isAbsolute(path) || baseDir === '.' ? path : join(baseDir, path);
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (error) {
      return { file, reason: fsReason(error) };
    }
  };
}

/** --machine FILE (relative to the current folder), read and validated; undefined without the flag. */
export async function readMachineFlag(path: string | undefined): Promise<MachineOverride | undefined> {
  if (path === undefined) return undefined;
  const found = machineReader('.')(path);
  if ('reason' in found) {
    const what = messages.cannotReadMachine(path, found.file, found.reason);
    throw new InputError([messages.problemLine('--machine', [], what, messages.expectedMachineFileFromFlag)]);
  }
  return { value: loadMachineText(found.text, path), source: path };
}

/** Scenarios run together must differ in name, because the name is the output folder. */
export function checkDistinctNames(loaded: readonly LoadedScenario[]): void {
  const problems: string[] = [];
  loaded.forEach(({ file, scenario }, index) => {
    const first = loaded.findIndex((other) => other.scenario.name === scenario.name);
    if (first !== index)
      problems.push(messages.duplicateScenarioName(file, scenario.name, loaded[first].file));
  });
  if (problems.length > 0) throw new InputError(problems);
}
