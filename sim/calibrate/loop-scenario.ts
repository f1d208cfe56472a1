// The scenario that reproduces one measured loop (MODEL.md, "Calibration"): cores = threads, fixed
// work and block size, every caller wanting zeroed memory, the policy by zeroAt with dirty tracking
// `none` (the loop clears every block it takes), every allocation on the large path, 2 pre-faulted
// dirty blocks per thread, no live block while the core works: the loop pushes its block back right
// after clearing it, so the next pop finds it on top unless another core pushed since (whose block it
// then takes, from that core's cache: cache levels' remoteGBps).

import { InputError, loadScenarioValue } from '../experiment/scenario/index.js';
import { modelConfig } from '../model/config.js';
import { allocationRate } from '../model/replication.js';
import type { CalibratedMachine } from '../types/calibration.js';
import type { Scenario } from '../types/index.js';

export type LoopZeroAt = 'under-lock' | 'after-unlock' | 'never';

export interface LoopSpec {
  threads: number;
  workNs: number;
  sizeBytes: number;
  zeroAt: LoopZeroAt;
  machine: CalibratedMachine;
  allocHoldNs: number;
  /** 0: freeing takes no lock (the lock loop has no free) */
  freeHoldNs: number;
}

/** Allocations per core of one loop simulation: enough for a steady state, small enough to fit fast. */
export const LOOP_ALLOCATIONS_PER_CORE = 300;

const POLICIES: Record<LoopZeroAt, object> = {
  'under-lock': { name: 'loop-under-lock', extends: 'go1.0-under-lock', dirtyTracking: 'none' },
  'after-unlock': {
    name: 'loop-after-unlock',
    extends: 'go1.1-after-unlock',
    dirtyTracking: 'none',
    chunkBytes: 0,
  },
  never: { name: 'loop-never', extends: 'no-zero' },
};

export function loopScenarioValue(spec: LoopSpec): object {
  return {
    name: 'calibrate-loop',
    cores: [spec.threads],
    policies: [POLICIES[spec.zeroAt]],
    machine: spec.machine,
    workload: {
      workNs: { dist: 'fixed', value: Math.max(0, spec.workNs) },
      sizeBytes: { dist: 'fixed', value: spec.sizeBytes },
      needZeroFraction: 1,
      // the loop pushes its block back before the next work, so it holds none while it works
      liveBlocksPerCore: 0,
    },
    heap: {
      allocHoldNs: { dist: 'fixed', value: Math.max(0, spec.allocHoldNs) },
      freeHoldNs: { dist: 'fixed', value: Math.max(0, spec.freeHoldNs) },
      smallMaxBytes: 0,
      initialDirtyBytes: 2 * spec.threads * spec.sizeBytes,
      // the loop's free list: the block pushed last is popped next, so a block a core just freed is
      // the next one taken, by whichever core asks first (and then missing that core's private level)
      reuseOrder: 'lifo',
    },
    // Every distribution is fixed, so one replication is the whole answer (2: the schema's least).
    // The initial dirty blocks have no writer, so their first clears go to DRAM; each core takes
    // about 2 of them before every block has a writer, well inside the warm-up (60 allocations).
    run: { allocationsPerCore: LOOP_ALLOCATIONS_PER_CORE, warmupFraction: 0.2, replications: 2, seed: 1 },
  };
}

export function loopScenario(spec: LoopSpec): Scenario {
  return loadScenarioValue(loopScenarioValue(spec), 'calibrate');
}

/** Allocations (or lock acquisitions) per second of the simulated loop. */
export function simulateLoop(spec: LoopSpec): number {
  const scenario = loopScenario(spec);
  return allocationRate(modelConfig(scenario, scenario.policies[0], spec.threads, scenario.run.seed));
}

/** Whether the model accepts a machine value (new fields such as memory.caches), by loading it. */
export function modelAccepts(machine: object): boolean {
  try {
    loadScenarioValue({ name: 'probe', cores: [1], machine }, 'probe');
    return true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}
