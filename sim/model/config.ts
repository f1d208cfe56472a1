/**
 * What one replication needs, resolved to numbers and samplers: built once from the scenario and
 * read by every core, so nothing downstream checks for a missing option.
 */

import { makeSampler, type Sampler } from '../dist/index.js';
import { type BandwidthCaps, clearCaps } from '../engine/bandwidth.js';
import type { CacheLevelSpec, HeapReuseOrder, LockSpec, PolicySpec, Scenario } from '../types/index.js';

export interface ModelConfig {
  cores: number;
  policy: PolicySpec;
  /** the heap lock: its kind and costs */
  lock: LockSpec;
  /** the clear bandwidth: a core's memclr cap and the pool's total */
  clearCaps: BandwidthCaps;
  /** cache levels from the core outwards; empty: byte pools and one DRAM pool, as without them */
  caches: CacheLevelSpec[];
  /** with cache levels: the order of free extents within dirty and within clean ones */
  heapReuseOrder: HeapReuseOrder;
  pageBytes: number;
  pageFaultNs: number;
  work: Sampler;
  size: Sampler;
  needZeroFraction: number;
  liveBlocksPerCore: number;
  allocHold: Sampler;
  freeHold: Sampler;
  /** a free hold that is always 0 means freeing takes no lock */
  freeTakesLock: boolean;
  smallMaxBytes: number;
  smallAllocNs: number;
  spanBytes: number;
  initialDirtyBytes: number;
  /** Infinity when the heap keeps all free memory */
  maxFreeBytes: number;
  totalAllocations: number;
  /** the share of simulated time dropped as warm-up */
  warmupFraction: number;
  /** the replication's seed; each core's streams derive from it */
  seed: number;
  /** check invariants on every step (tests); otherwise once at the end */
  checks: boolean;
}

export function modelConfig(
  scenario: Scenario,
  policy: PolicySpec,
  cores: number,
  seed: number,
  checks = false,
): ModelConfig {
  const { machine, workload, heap, run } = scenario;
  const freeHold = heap.freeHoldNs;
  const total = cores * run.allocationsPerCore;
  return {
    cores,
    policy,
    lock: { ...machine.lock },
    clearCaps: clearCaps(machine.memory),
    caches: machine.memory.caches,
    heapReuseOrder: heap.reuseOrder,
    pageBytes: machine.memory.pageBytes,
    pageFaultNs: machine.memory.pageFaultNs,
    work: makeSampler(workload.workNs),
    size: makeSampler(workload.sizeBytes),
    needZeroFraction: workload.needZeroFraction,
    liveBlocksPerCore: workload.liveBlocksPerCore,
    allocHold: makeSampler(heap.allocHoldNs),
    freeHold: makeSampler(freeHold),
    freeTakesLock: !(freeHold.dist === 'fixed' && freeHold.value === 0),
    smallMaxBytes: heap.smallMaxBytes,
    smallAllocNs: heap.smallAllocNs,
    spanBytes: heap.spanBytes,
    initialDirtyBytes: heap.initialDirtyBytes,
    maxFreeBytes: heap.maxFreeBytes ?? Number.POSITIVE_INFINITY,
    totalAllocations: total,
    warmupFraction: run.warmupFraction,
    seed,
    checks,
  };
}
