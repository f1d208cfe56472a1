// Command-line overrides of a resolved scenario (--cores, --policies, --replications, --seed,
// --max-events), validated with the same rules as the scenario file and reported against the flag.

import type { z } from 'zod';
import { isPresetName, presetNames, presetPolicy } from '../../policies/registry.js';
import type { PolicySpec, Scenario } from '../../types/index.js';
import * as messages from '../messages.js';
import { crossFieldProblems } from './checks.js';
import { InputError, problemLines } from './errors.js';
import { expectedFor, problemsFromIssues } from './issues.js';
import { coresSchema, maxEventsSchema, replicationsSchema, seedSchema } from './schema.js';
import { closestMatch } from './suggest.js';

export interface ScenarioOverrides {
  cores?: readonly number[];
  /** presets, or policies defined in the scenario, by name */
  policies?: readonly string[];
  replications?: number;
  seed?: number;
  maxEvents?: number;
}

/** A new scenario with the overrides applied; InputError listing every bad value. Pure. */
export function applyOverrides(scenario: Scenario, overrides: ScenarioOverrides): Scenario {
  const problems: string[] = [];
  const cores = checkValue('--cores', coresSchema, overrides.cores, problems);
  const replications = checkValue('--replications', replicationsSchema, overrides.replications, problems);
  const seed = checkValue('--seed', seedSchema, overrides.seed, problems);
  const maxEvents = checkValue('--max-events', maxEventsSchema, overrides.maxEvents, problems);
  const policies = overrides.policies && selectPolicies(scenario, overrides.policies, problems);
  if (problems.length > 0) throw new InputError(problems);

  const result: Scenario = {
    ...scenario,
    cores: cores ? [...cores].sort((a, b) => a - b) : scenario.cores,
    policies: policies ?? scenario.policies,
    run: {
      ...scenario.run,
      replications: replications ?? scenario.run.replications,
      seed: seed ?? scenario.run.seed,
      maxEvents: maxEvents ?? scenario.run.maxEvents,
    },
  };
  // a preset chosen by --policies may not fit this scenario's page size
  const crossProblems = crossFieldProblems(result);
  if (crossProblems.length > 0) throw new InputError(problemLines('--policies', crossProblems));
  return result;
}

/** Validates one flag's value against a scenario schema; problems are appended as lines for `flag`. */
export function checkValue<S extends z.ZodType>(
  flag: string,
  schema: S,
  value: unknown,
  problems: string[],
): z.output<S> | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value, { error: expectedFor, reportInput: true });
  if (parsed.success) return parsed.data;
  // inside a flag there is no JSON path: `--cores: got 0 (expected …)`
  const flat = problemsFromIssues(parsed.error.issues).map((problem) => ({ ...problem, path: [] }));
  problems.push(...problemLines(flag, flat));
  return undefined;
}

function selectPolicies(scenario: Scenario, names: readonly string[], problems: string[]): PolicySpec[] {
  const own = scenario.policies.map((policy) => policy.name);
  const chosen: PolicySpec[] = [];
  if (names.length === 0)
    problems.push(messages.problemLine('--policies', [], messages.got(''), messages.expectedPoliciesFlag));
  for (const name of names) {
    const policy =
      scenario.policies.find((p) => p.name === name) ?? (isPresetName(name) ? presetPolicy(name) : undefined);
    if (chosen.some((p) => p.name === name)) {
      problems.push(
        messages.problemLine(
          '--policies',
          [],
          messages.policyListedTwice(name),
          messages.expectedEachPolicyOnce,
        ),
      );
    } else if (policy === undefined) {
      const what = messages.unknownPolicy(name, closestMatch(name, [...own, ...presetNames]));
      problems.push(
        messages.problemLine(
          '--policies',
          [],
          what,
          messages.expectedPolicyReference(
            presetNames,
            own.filter((n) => !isPresetName(n)),
          ),
        ),
      );
    } else {
      chosen.push({ ...policy });
    }
  }
  return chosen;
}
