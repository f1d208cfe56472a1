// A complete scenario for model tests, built in code so tests state exactly what they change.

import { expect } from 'vitest';
import { replicationSeed } from '../../sim/experiment/points.js';
import { summarisePoint } from '../../sim/experiment/summarise.js';
import type { PolicySpec, Scenario } from '../../sim/experiment/types.js';
import { modelConfig } from '../../sim/model/config.js';
import { runReplication } from '../../sim/model/replication.js';
import { presets } from '../../sim/policies/registry.js';

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K];
};

export function policy(name: keyof typeof presets, overrides: Partial<PolicySpec> = {}): PolicySpec {
  return { ...presets[name], ...overrides };
}

export function scenario(overrides: DeepPartial<Scenario> = {}): Scenario {
  const base: Scenario = {
    name: 'test',
    title: 'test',
    description: '',
    cores: [1],
    policies: [policy('go1.1-after-unlock')],
    machine: {
      memory: { coreClearGBps: 20, totalClearGBps: 60, pageBytes: 4096, pageFaultNs: 1500 },
      lock: { acquireNs: 20, handoffNs: 200 },
    },
    workload: {
      workNs: { dist: 'exponential', mean: 20000 },
      sizeBytes: { dist: 'fixed', value: 1048576 },
      needZeroFraction: 1,
      liveBlocksPerCore: 2,
    },
    heap: {
      allocHoldNs: { dist: 'fixed', value: 700 },
      freeHoldNs: { dist: 'fixed', value: 200 },
      smallMaxBytes: 32768,
      smallAllocNs: 20,
      spanBytes: 65536,
      initialDirtyBytes: 0,
      maxFreeBytes: null,
    },
    run: { allocationsPerCore: 2000, warmupFraction: 0.1, replications: 5, seed: 1, maxEvents: 2e9 },
  };
  return {
    ...base,
    ...overrides,
    machine: {
      memory: { ...base.machine.memory, ...overrides.machine?.memory },
      lock: { ...base.machine.lock, ...overrides.machine?.lock },
    },
    workload: { ...base.workload, ...(overrides.workload as Scenario['workload']) },
    heap: { ...base.heap, ...(overrides.heap as Scenario['heap']) },
    run: { ...base.run, ...overrides.run },
  } as Scenario;
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
