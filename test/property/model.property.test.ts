// Properties of every run over random valid scenarios (arbitraries.ts): the model's invariants hold on
// every lock grant, runs stay within their event estimate, every metric is finite and non-negative,
// core time adds up, and the same seed gives the same numbers, per replication and for a whole study.
//
// The fast-check seed is fixed, so a failure is the same on every machine. fast-check reports it with
// `{ seed, path }` and the shrunk scenario file as JSON; to replay it, put that seed and path in
// `replay` below (or paste the counterexample into a scenario file and run `zerosim run` on it).

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyticCompanion } from '../../sim/experiment/analytic.js';
import { estimateEvents } from '../../sim/experiment/budget.js';
import { replicationSeed } from '../../sim/experiment/points.js';
import { plainStudy, runOptions, runStudy } from '../../sim/experiment/run.js';
import { loadScenarioValue } from '../../sim/experiment/scenario/index.js';
import { modelConfig } from '../../sim/model/config.js';
import { type ReplicationResult, runReplication } from '../../sim/model/replication.js';
import { InvariantError } from '../../sim/model/system.js';
import type { PolicySpec, Scenario } from '../../sim/types/index.js';
import { type ScenarioJson, scenarioJsonArb } from './arbitraries.js';

/** fast-check's seed for every property here; a failure prints it together with the path to replay. */
const FC_SEED = 20_120_501;
const replay: Partial<fc.Parameters<unknown>> = {};
const FILE = 'property.json';

const parameters = (numRuns: number): fc.Parameters<[ScenarioJson]> => ({
  seed: FC_SEED,
  numRuns,
  // shrinking re-runs simulations: bound it so that a failure reports in reasonable time
  interruptAfterTimeLimit: 90_000,
  markInterruptAsFailure: false,
  ...(replay as fc.Parameters<[ScenarioJson]>),
});

/** Resolves a generated scenario file; the generator only makes valid ones, so a refusal is a failure. */
function load(json: ScenarioJson): Scenario {
  return loadScenarioValue(json, FILE);
}

/** One point's first replication, with every invariant checked on each lock grant (InvariantError). */
function replicate(scenario: Scenario, policy: PolicySpec, cores: number): ReplicationResult {
  const seed = replicationSeed(scenario.run.seed, cores, 0);
  return runReplication(modelConfig(scenario, policy, cores, seed, true));
}

/**
 * The properties below see the same scenarios (same fast-check seed and arbitrary), so each point is
 * simulated once for all of them, as `first` below. A point that breaks an invariant fails the first
 * property; the later ones skip it, so that each reports its own kind of failure.
 */
const firstRuns = new Map<string, ReplicationResult | InvariantError>();

interface PointRun {
  scenario: Scenario;
  policy: PolicySpec;
  cores: number;
  /** names the point in a failure message */
  where: string;
  first: ReplicationResult | InvariantError;
}

/** Every point (policy × cores) of a generated scenario, with its first replication. */
function points(json: ScenarioJson): PointRun[] {
  const scenario = load(json);
  return scenario.policies.flatMap((policy) =>
    scenario.cores.map((cores) => {
      const key = `${JSON.stringify(json)}|${policy.name}|${cores}`;
      let first = firstRuns.get(key);
      if (first === undefined) {
        try {
          first = replicate(scenario, policy, cores);
        } catch (error) {
          if (!(error instanceof InvariantError)) throw error;
          first = error;
        }
        firstRuns.set(key, first);
      }
      const where = `policy ${policy.name}, ${cores} cores, scenario seed ${scenario.run.seed}`;
      return { scenario, policy, cores, where, first };
    }),
  );
}

/** The points whose first replication kept every invariant. */
function soundPoints(json: ScenarioJson) {
  return points(json).flatMap(({ first, ...point }) =>
    first instanceof InvariantError ? [] : [{ ...point, result: first }],
  );
}

/** Every number in a plain object, with its path: `coreTimeShare.work`, `latencyNs.p99`, ... */
function numbers(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    numbers(inner, path === '' ? key : `${path}.${key}`),
  );
}

/** The same scenario with one policy, one core count and one replication: what a replication may cost. */
function pointEstimate(scenario: Scenario, policy: PolicySpec, cores: number): number {
  return estimateEvents({
    ...scenario,
    policies: [policy],
    cores: [cores],
    run: { ...scenario.run, replications: 1 },
  });
}

function check(ok: boolean, where: string, what: string): void {
  if (!ok) throw new Error(`${where}: ${what}`);
}

describe('every run of a random valid scenario', () => {
  it('keeps the invariants (one lock holder, bandwidth caps, bytes conserved) and repeats exactly', () => {
    fc.assert(
      fc.property(scenarioJsonArb, (json) => {
        for (const { scenario, policy, cores, where, first } of points(json)) {
          if (first instanceof InvariantError) throw new Error(`${where}: ${first.message}`);
          const again = JSON.stringify(replicate(scenario, policy, cores));
          const text = JSON.stringify(first);
          check(again === text, where, `a second run with the same seed differs:\n${text}\n${again}`);
        }
      }),
      parameters(80),
    );
  });

  it('reports only finite, non-negative metrics', () => {
    fc.assert(
      fc.property(scenarioJsonArb, (json) => {
        for (const { where, result } of soundPoints(json)) {
          for (const [path, x] of numbers(result)) {
            check(Number.isFinite(x) && x >= 0, where, `${path} = ${x} (expected finite and >= 0)`);
          }
        }
      }),
      parameters(80),
    );
  });

  it('accounts for all core time: the time shares sum to 1', () => {
    fc.assert(
      fc.property(scenarioJsonArb, (json) => {
        for (const { where, result } of soundPoints(json)) {
          if (result.windowNs <= 0) continue;
          const total = Object.values(result.coreTimeShare).reduce((a, b) => a + b, 0);
          const what = `coreTimeShare sums to ${total} over a window of ${result.windowNs} ns (expected 1 ± 1e-6)`;
          check(Math.abs(total - 1) <= 1e-6, where, what);
        }
      }),
      parameters(80),
    );
  });

  it('never exceeds its own analytic bounds, under every lock kind, one core included', () => {
    // Each bound is an operational law on the replication's own window (see demands() in
    // model/replication.ts), so it holds exactly; the slack is floating-point rounding only.
    const slack = 1 + 1e-9;
    fc.assert(
      fc.property(scenarioJsonArb, (json) => {
        for (const { scenario, policy, cores, where, result } of soundPoints(json)) {
          if (result.allocations === 0 || result.windowNs <= 0) continue;
          const a = analyticCompanion(scenario, policy, cores, [result]);
          const x = result.allocsPerSec;
          const at = `${where}, lock ${scenario.machine.lock.kind}`;
          const bounds: Array<[string, number | null]> = [
            ['boundAllocsPerSec', a.boundAllocsPerSec],
            ['coreBoundAllocsPerSec', a.coreBoundAllocsPerSec],
            ['lockBoundAllocsPerSec', a.lockBoundAllocsPerSec],
            ['bandwidthBoundAllocsPerSec', a.bandwidthBoundAllocsPerSec],
          ];
          for (const [name, bound] of bounds) {
            if (bound === null) continue;
            check(x <= bound * slack, at, `${x} allocs/s exceeds its ${name} of ${bound}`);
          }
        }
      }),
      parameters(80),
    );
  });

  it('takes no more events than the budget estimate for its point', () => {
    fc.assert(
      fc.property(scenarioJsonArb, (json) => {
        for (const { scenario, policy, cores, where, result } of soundPoints(json)) {
          const estimate = pointEstimate(scenario, policy, cores);
          check(
            result.events <= estimate,
            where,
            `${result.events} events, over the estimate of ${estimate}`,
          );
        }
      }),
      parameters(80),
    );
  });
});

describe('a whole study of a random valid scenario', () => {
  it('gives byte-identical results when run twice with the same seed', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioJsonArb, async (json) => {
        const scenario = load(json);
        const study = (s: Scenario) => runStudy(plainStudy(s), runOptions(s, { jobs: 1 }));
        const first = JSON.stringify(await study(scenario));
        const second = JSON.stringify(await study(load(json)));
        check(first === second, `seed ${scenario.run.seed}`, 'two runs of the study differ');
      }),
      parameters(40),
    );
  });
});
