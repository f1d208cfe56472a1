// A complete scenario for model tests, built in code so tests state exactly what they change.

import type { PolicySpec, Scenario } from '../../sim/experiment/types.js';
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
