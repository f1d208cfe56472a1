// A complete scenario for model tests, built in code so tests state exactly what they change.

import { expect } from 'vitest';
import { replicationSeed } from '../../sim/experiment/points.js';
import { loadScenarioValue } from '../../sim/experiment/scenario/index.js';
import { summarisePoint } from '../../sim/experiment/summarise.js';
import { modelConfig } from '../../sim/model/config.js';
import { runReplication } from '../../sim/model/replication.js';
import { presets } from '../../sim/policies/registry.js';
import type { PolicySpec, Scenario } from '../../sim/types/index.js';

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K];
};

export function policy(name: keyof typeof presets, overrides: Partial<PolicySpec> = {}): PolicySpec {
  return { ...presets[name], ...overrides };
}

/**
 * A scenario for model tests: the documented defaults, except 1 MiB blocks and 2000 allocations per
 * core, with `overrides` merged section by section, resolved and validated like a scenario file.
 */
export function scenario(overrides: DeepPartial<Scenario> = {}): Scenario {
  const o = overrides as Record<string, Record<string, unknown> | undefined>;
  const machine = o.machine as { memory?: object; lock?: object } | undefined;
  return loadScenarioValue(
    {
      name: 'test',
      cores: [1],
      policies: [policy('go1.1-after-unlock')],
      ...overrides,
      machine: { memory: { ...machine?.memory }, lock: { ...machine?.lock } },
      workload: { sizeBytes: { dist: 'fixed', value: 1048576 }, ...o.workload },
      heap: { ...o.heap },
      run: { allocationsPerCore: 2000, ...o.run },
    },
    'test scenario',
  );
}

/**
 * Runs R replications of one point with every invariant checked on each lock grant, and returns the
 * summarised point plus the raw replications. Seeds derive from (scenario seed, cores, replication).
 */
export function runPoint(sc: Scenario, pol: PolicySpec, cores: number, replications = sc.run.replications) {
  const reps = Array.from({ length: replications }, (_, r) =>
    runReplication(modelConfig(sc, pol, cores, replicationSeed(sc.run.seed, cores, r), true)),
  );
  for (const r of reps) {
    // Little's law on the lock queue over the measured window, L = λ·W; only waits that straddle
    // the window's edges differ, so allow 1% plus a small absolute slack.
    expect(Math.abs(r.little.queueLength - r.little.rateTimesWait)).toBeLessThanOrEqual(
      0.01 * r.little.queueLength + 1e-3,
    );
  }
  return { point: summarisePoint(sc, pol, cores, reps), reps };
}

/** Exponential service everywhere it matters, no acquire/hand-off cost, lock-free free, no small objects, a huge dirty heap. */
export const productFormBase = {
  machine: { lock: { acquireNs: 0, handoffNs: 0 } },
  heap: { freeHoldNs: { dist: 'fixed', value: 0 }, smallMaxBytes: 0, initialDirtyBytes: 1e15 },
} as const;
