// Reads and loads scenario files for the commands, collecting the problems of every file before failing.

import * as messages from '../experiment/messages.js';
import { InputError, loadScenarioText } from '../experiment/scenario/index.js';
import type { Scenario } from '../types/index.js';
import { inputName, readInputFile } from './files.js';

export interface LoadedScenario {
  /** the path as the user gave it (or as shown for the default scenario; `<stdin>` for `-`) */
  file: string;
  scenario: Scenario;
}

/** Every file loaded, or one InputError with the problems of all bad files. */
export async function loadScenarioFiles(files: readonly string[]): Promise<LoadedScenario[]> {
  const loaded: LoadedScenario[] = [];
  const problems: string[] = [];
  for (const path of files) {
    const file = inputName(path);
    try {
      loaded.push({ file, scenario: loadScenarioText(await readInputFile(path), file) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return loaded;
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
