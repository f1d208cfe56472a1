// Command-line overrides: flag text becomes typed values, applied to a resolved scenario without
// mutating it; every bad flag is reported against the flag, with what was typed.

import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  InputError,
  loadScenarioText,
  studyFlagValues,
} from '../../../sim/experiment/scenario/index.js';
import { presets } from '../../../sim/policies/registry.js';

const base = () =>
  loadScenarioText(
    JSON.stringify({
      name: 'base',
      cores: [1, 2],
      policies: ['no-zero', { name: 'mine', extends: 'exact-dirty', chunkBytes: 0 }],
    }),
    'base.json',
  );

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('no InputError');
}

describe('studyFlagValues', () => {
  it('turns flag text into typed values', () => {
    expect(
      studyFlagValues({
        cores: '8, 1,2',
        policies: 'no-zero,mine',
        replications: '3',
        seed: '0',
        maxEvents: '1e6',
        jobs: '4',
      }),
    ).toEqual({
      overrides: {
        cores: [8, 1, 2],
        policies: ['no-zero', 'mine'],
        replications: 3,
        seed: 0,
        maxEvents: 1e6,
      },
      jobs: 4,
    });
    expect(studyFlagValues({})).toEqual({ overrides: {} });
  });

  it('reports every bad flag, quoting what was typed', () => {
    expect(
      problemsOf(() =>
        studyFlagValues({ cores: '1,two,0', replications: '1', seed: 'abc', maxEvents: '-5', jobs: '0.5' }),
      ),
    ).toEqual([
      '--cores: got "two" (expected an integer from 1 to 65536)',
      '--cores: got 0 (expected an integer from 1 to 65536)',
      '--replications: got 1 (expected an integer >= 2: a 95% confidence interval needs two replications)',
      '--seed: got "abc" (expected an integer from 0 to 4294967295)',
      '--max-events: got -5 (expected an integer >= 1)',
      '--jobs: got 0.5 (expected an integer >= 1)',
    ]);
    expect(problemsOf(() => studyFlagValues({ cores: '1,2,1' }))).toEqual([
      '--cores: 1 is listed twice, first at cores[0] (expected each core count once)',
    ]);
    expect(problemsOf(() => studyFlagValues({ cores: '' }))).toEqual([
      '--cores: got [] (expected a non-empty list of core counts, e.g. [1, 2, 4])',
    ]);
  });
});

describe('applyOverrides', () => {
  it('replaces cores (sorted), policies and run settings, leaving the input untouched', () => {
    const scenario = base();
    const before = structuredClone(scenario);
    const result = applyOverrides(scenario, {
      cores: [16, 4],
      policies: ['mine', 'go1.24-regression'],
      replications: 2,
      seed: 7,
      maxEvents: 1000,
    });
    expect(scenario).toEqual(before);
    expect(result.cores).toEqual([4, 16]);
    expect(result.policies).toEqual([scenario.policies[1], { ...presets['go1.24-regression'] }]);
    expect(result.run).toEqual({ ...scenario.run, replications: 2, seed: 7, maxEvents: 1000 });
    expect(applyOverrides(scenario, {})).toEqual(scenario);
  });

  it('reports unknown and repeated policy names', () => {
    expect(problemsOf(() => applyOverrides(base(), { policies: ['mine', 'mien', 'mine'] }))).toEqual([
      '--policies: unknown policy "mien"; did you mean "mine"? (expected a preset (go1.0-under-lock, go1.1-after-unlock, exact-dirty, go1.24-regression, zero-on-free, background-zeroer, no-zero), or a policy of this scenario (mine))',
      '--policies: "mine" is listed twice (expected each policy once)',
    ]);
    expect(problemsOf(() => applyOverrides(base(), { policies: [] }))).toEqual([
      '--policies: got "" (expected comma-separated policy names, e.g. go1.0-under-lock,no-zero)',
    ]);
  });

  it('validates typed values too, for callers other than the CLI', () => {
    expect(problemsOf(() => applyOverrides(base(), { cores: [0], replications: 1 }))).toEqual([
      '--cores: got 0 (expected an integer from 1 to 65536)',
      '--replications: got 1 (expected an integer >= 2: a 95% confidence interval needs two replications)',
    ]);
  });
});
