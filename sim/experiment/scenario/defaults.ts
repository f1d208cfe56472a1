// The documented default of every scenario field except `name` and `cores` (CONTRACTS.md's example).

import type { PresetName } from '../../policies/registry.js';
import type { HeapSpec, MachineSpec, RunSpec, WorkloadSpec } from '../../types/index.js';

/** The policies a scenario runs when it lists none: the seed commit's before and after, plus bounds. */
export const defaultPolicyNames: readonly PresetName[] = [
  'go1.0-under-lock',
  'go1.1-after-unlock',
  'exact-dirty',
  'no-zero',
];

export interface DefaultSettings {
  machine: MachineSpec;
  workload: WorkloadSpec;
  heap: HeapSpec;
  run: RunSpec;
}

/** A fresh copy each call, so that no two resolved scenarios share an object. */
export function defaultSettings(): DefaultSettings {
  return {
    machine: {
      memory: { coreClearGBps: 20, totalClearGBps: 60, pageBytes: 4096, pageFaultNs: 1500, caches: [] },
      lock: {
        kind: 'fifo',
        acquireNs: 20,
        handoffNs: 200,
        migrateNs: 0,
        perWaiterNs: 0,
        spinNs: 0,
        wakeNs: 0,
        wakeLatencyNs: 0,
      },
    },
    workload: {
      workNs: { dist: 'exponential', mean: 20000 },
      sizeBytes: { dist: 'fixed', value: 16777216 },
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
      reuseOrder: 'lifo',
    },
    run: { allocationsPerCore: 20000, warmupFraction: 0.1, replications: 5, seed: 1, maxEvents: 2e9 },
  };
}
