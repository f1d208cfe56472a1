/**
 * The shapes shared across zerosim: the fully resolved scenario (every default filled in) and
 * the results file. These are the contracts of ../shared/CONTRACTS.md in TypeScript; fields may
 * be added, never renamed or removed.
 */

import type { UslFit } from '../analytic/usl.js';
import type { DistSpec } from '../engine/random/dist/spec.js';
import type { CapacityAnswer } from './capacity.js';

export type { DistName, DistSpec } from '../engine/random/dist/spec.js';

export type ZeroAt = 'under-lock' | 'after-unlock' | 'on-free' | 'background' | 'never';
export type DirtyTracking = 'span' | 'exact' | 'none';
/** Which free pool an allocation draws from first (fresh OS memory always comes last). */
export type ReuseOrder = 'dirty-first' | 'clean-first';

/** A zeroing policy, fully resolved: presets and scenario-defined variants look the same. */
export interface PolicySpec {
  name: string;
  description: string;
  /** the preset (or scenario policy) this one extends; absent for presets */
  extends?: string;
  zeroAt: ZeroAt;
  honorNeedZero: boolean;
  dirtyTracking: DirtyTracking;
  freshIsZero: boolean;
  /** `background` only: dedicated zeroing threads */
  zeroerThreads: number;
  /** clears run in pieces of this many bytes; the longest non-preemptible stretch follows from it */
  chunkBytes: number;
  reuseOrder: ReuseOrder;
}

export interface MachineSpec {
  memory: { coreClearGBps: number; totalClearGBps: number; pageBytes: number; pageFaultNs: number };
  lock: { acquireNs: number; handoffNs: number };
}

export interface WorkloadSpec {
  workNs: DistSpec;
  sizeBytes: DistSpec;
  needZeroFraction: number;
  liveBlocksPerCore: number;
}

export interface HeapSpec {
  allocHoldNs: DistSpec;
  freeHoldNs: DistSpec;
  smallMaxBytes: number;
  smallAllocNs: number;
  spanBytes: number;
  initialDirtyBytes: number;
  /**
   * free memory (dirty + clean) the heap keeps; bytes freed beyond it go back to the OS and return
   * as fresh memory that faults again (a scavenger). null: keep everything.
   */
  maxFreeBytes: number | null;
}

export interface RunSpec {
  allocationsPerCore: number;
  warmupFraction: number;
  replications: number;
  seed: number;
  /** a run whose estimated events exceed this is refused up front */
  maxEvents: number;
}

export interface Scenario {
  name: string;
  title: string;
  description: string;
  cores: number[];
  policies: PolicySpec[];
  machine: MachineSpec;
  workload: WorkloadSpec;
  heap: HeapSpec;
  run: RunSpec;
}

/** mean and half-width of the t-based 95% confidence interval over replications */
export interface MeanCI {
  mean: number;
  ci95: number;
}

export interface Percentiles {
  mean: number;
  p50: number;
  p99: number;
  p999: number;
}

export interface ClearedBytes {
  underLock: number;
  afterUnlock: number;
  onFree: number;
  background: number;
  pageFault: number;
}

export interface CoreTimeShare {
  work: number;
  /** the small-object fast path (per-core cache, no lock); absent in results of older versions */
  alloc?: number;
  lockWait: number;
  lockHold: number;
  clear: number;
  pageFault: number;
  free: number;
}

export interface Analytic {
  /** min of the three asymptotic bounds below, allocations per second */
  boundAllocsPerSec: number;
  /** N / (Z + D) */
  coreBoundAllocsPerSec: number;
  /** 1 / D_lock; null when allocations take no lock */
  lockBoundAllocsPerSec: number | null;
  /** totalClearGBps / cleared bytes per allocation through the pool; null when nothing is cleared */
  bandwidthBoundAllocsPerSec: number | null;
  /** exact MVA throughput where the point is product-form, else null */
  mvaAllocsPerSec: number | null;
  mvaExact: boolean;
  /** which product-form network the MVA solved, or why there is none */
  model: 'repairman' | 'lock+ps' | 'none';
  note: string;
}

export interface Point {
  policy: string;
  cores: number;
  replications: number;
  /** base seed of this point (replication r uses the seed derived from it) */
  seed: number;
  allocsPerSec: MeanCI;
  bytesPerSec: MeanCI;
  lockUtilization: MeanCI;
  lockWaitNs: Percentiles;
  /** mean lock hold per acquisition (allocation and free), usable to release */
  lockHoldNs: { mean: number };
  lockQueueLength: MeanCI;
  latencyNs: Percentiles;
  /** longest stretch a core spent clearing or holding the lock without a preemption point */
  maxNonPreemptibleNs: number;
  clearedBytesPerAlloc: ClearedBytes;
  /** bytes not cleared, by reason; `unsafe`: dirty bytes a policy that never clears handed to a caller that needed zeroed memory */
  skippedBytesPerAlloc: { notNeeded: number; alreadyClean: number; fresh: number; unsafe?: number };
  bandwidthUtilization: MeanCI;
  coreTimeShare: CoreTimeShare;
  analytic: Analytic;
  events: number;
  /** what-if runs only: the varied fields and their values at this point */
  vary?: Record<string, number | string | boolean>;
}

/** A what-if axis: a scenario field by dot path and the values it takes. */
export interface VaryAxis {
  path: string;
  values: Array<number | string | boolean>;
}

/** Universal Scalability Law fit of one throughput curve: X(N) = λN / (1 + σ(N−1) + κN(N−1)), λ in allocs/s. */
export interface UslSummary
  extends Pick<UslFit, 'lambda' | 'sigma' | 'kappa' | 'peakCores' | 'peakAllocsPerSec' | 'r2' | 'ci95'> {
  policy: string;
  /** what-if runs: the curve's varied values */
  vary?: Record<string, number | string | boolean>;
}

/** One parameter's swing in a sensitivity (tornado) study, at the largest core count. */
export interface SensitivityRow {
  /** dot path of the parameter, e.g. machine.memory.totalClearGBps or workload.sizeBytes */
  path: string;
  policy: string;
  baseValue: number;
  lowValue: number;
  highValue: number;
  baseAllocsPerSec: number;
  lowAllocsPerSec: number;
  highAllocsPerSec: number;
  /** (high − low) / base throughput: signed; the ranking uses its magnitude */
  effect: number;
  /** 1 = largest |effect| for this policy */
  rank: number;
}

export interface Sensitivity {
  cores: number;
  /** relative change applied down and up, 0.5 = ±50% */
  swing: number;
  rows: SensitivityRow[];
}

export interface Results {
  tool: { name: 'zerosim'; version: string };
  scenario: Scenario;
  points: Point[];
  /** what-if runs: the axes varied (each point carries its values in `vary`) */
  whatif?: { vary: VaryAxis[] };
  /**
   * USL fit per policy, keyed by policy name; in what-if runs keyed by policy and varied values,
   * e.g. "go1.1-after-unlock @ machine.memory.totalClearGBps=120"
   */
  usl?: Record<string, UslSummary>;
  sensitivity?: Sensitivity;
  capacity?: CapacityAnswer[];
}
