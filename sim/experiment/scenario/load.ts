// Scenario text in, fully resolved Scenario out:
//
//   text ─parse JSON─▶ value ─validate (zod)─▶ ScenarioInput ─resolve defaults─▶ Scenario ─cross-check─▶
//
// Every phase reports all its problems at once as an InputError; later phases run only on clean input.

import type { Scenario } from '../../types/index.js';
import { crossFieldProblems } from './checks.js';
import { InputError, problemLines, throwIfProblems } from './errors.js';
import { expectedFor, problemsFromIssues } from './issues.js';
import { parseJsonText } from './json.js';
import { resolveScenario } from './resolve.js';
import { scenarioSchema } from './schema.js';

/** Parses, validates and resolves scenario text; `file` names it in messages. Pure. */
export function loadScenarioText(text: string, file: string): Scenario {
  return loadScenarioValue(parseJsonText(text, file), file);
}

/**
 * Validates and resolves an already-parsed scenario. A resolved Scenario loads back to itself, so saved
 * results can be re-run and what-if variants re-validated.
 */
export function loadScenarioValue(value: unknown, file: string): Scenario {
  const parsed = scenarioSchema.safeParse(value, { error: expectedFor, reportInput: true });
  if (!parsed.success) throw new InputError(problemLines(file, problemsFromIssues(parsed.error.issues)));
  const scenario = resolveScenario(parsed.data);
  throwIfProblems(file, crossFieldProblems(scenario));
  return scenario;
}
