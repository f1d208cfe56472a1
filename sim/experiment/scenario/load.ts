// Scenario text in, fully resolved Scenario out:
//
//   text ─parse JSON─▶ value ─place machine file─▶ value ─validate (zod)─▶ ScenarioInput
//        ─resolve defaults─▶ Scenario ─cross-check─▶
//
// Every phase reports all its problems at once as an InputError; later phases run only on clean input.

import type { Scenario } from '../../types/index.js';
import { crossFieldProblems } from './checks.js';
import { InputError, problemLines, throwIfProblems } from './errors.js';
import { expectedFor, problemsFromIssues } from './issues.js';
import { parseJsonText } from './json.js';
import { type LoadOptions, placeMachine } from './machine-file.js';
import { resolveScenario } from './resolve.js';
import { scenarioSchema } from './schema.js';

/**
 * Parses, validates and resolves scenario text; `file` names it in messages. Pure: a `machine` string
 * is read through `options.readMachine`, which the caller binds to the scenario's folder.
 */
export function loadScenarioText(text: string, file: string, options: LoadOptions = {}): Scenario {
  return loadScenarioValue(parseJsonText(text, file), file, options);
}

/**
 * Validates and resolves an already-parsed scenario. A resolved Scenario loads back to itself, so saved
 * results can be re-run and what-if variants re-validated.
 */
export function loadScenarioValue(value: unknown, file: string, options: LoadOptions = {}): Scenario {
  const placed = placeMachine(value, file, options);
  const parsed = scenarioSchema.safeParse(placed.value, { error: expectedFor, reportInput: true });
  const problems = parsed.success ? [] : problemLines(file, problemsFromIssues(parsed.error.issues));
  if (placed.problems.length > 0 || !parsed.success) throw new InputError([...placed.problems, ...problems]);
  const { machine } = parsed.data;
  // placeMachine replaced every machine string (or refused it above)
  if (typeof machine === 'string') throw new Error(`${file}: machine: unplaced machine file "${machine}"`);
  const scenario = resolveScenario({ ...parsed.data, machine });
  throwIfProblems(file, crossFieldProblems(scenario));
  return scenario;
}
