/**
 * The results file (results.json), the contract of CONTRACTS.md in TypeScript: fields may be
 * added, never renamed or removed.
 */
import type { Scenario } from './scenario.js';

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
  /** futex locks only: spinning for the lock (burning the core) */
  spin?: number;
  /** futex locks only: asleep, waiting to be woken for the lock */
  sleep?: number;
  /** futex locks only: a releaser waking a sleeper, after unlocking */
  wake?: number;
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

/** One cache level (or DRAM) of a point: bytes cleared there per allocation, and its pool's load. */
export interface CacheLevelResult {
  shared: boolean;
  clearedBytesPerAlloc: number;
  /** time-averaged share of the pool's total in use; null for a private level, which has no pool */
  utilization: MeanCI | null;
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
  /**
   * mean lock hold, usable to release: `mean` per acquisition (allocations and frees together),
   * `allocMean` per allocation's acquisition (bookkeeping plus any clear or fault under the lock),
   * `freeMean` per free's (0 when frees take no lock). Results written before the split lack the two.
   */
  lockHoldNs: { mean: number; allocMean?: number; freeMean?: number };
  lockQueueLength: MeanCI;
  /** futex locks only: the share of lock acquisitions that barged past a sleeping core */
  lockBargeShare?: MeanCI;
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
  /**
   * --precision runs only: the relative allocs/s CI half-width sought, the cap on replications, and
   * whether this point met the target (false: it stopped at the cap)
   */
  precision?: { target: number; maxReplications: number; reached: boolean };
  /**
   * with cache levels only: where clears ran, by level name from the core outwards, then `dram` (an
   * object, so that results.csv gets a column per level and figure)
   */
  cacheLevels?: Record<string, CacheLevelResult>;
  /** what-if runs only: the varied fields and their values at this point */
  vary?: Record<string, number | string | boolean>;
}

/** A what-if axis: a scenario field by dot path and the values it takes. */
export interface VaryAxis {
  path: string;
  values: Array<number | string | boolean>;
}

/** Universal Scalability Law fit of one throughput curve: X(N) = λN / (1 + σ(N−1) + κN(N−1)), λ in allocs/s. */
export type Interval = [lo: number, hi: number];

/** The fitted law, as the results file keeps it (the fit itself is in sim/analytic/usl.ts). */
export interface UslSummary {
  policy: string;
  /** allocations per second of one core */
  lambda: number;
  sigma: number;
  kappa: number;
  /** N* = sqrt((1 − σ) / κ), where X peaks; null when there is no interior peak */
  peakCores: number | null;
  /** X(N*), allocs/s; null with peakCores */
  peakAllocsPerSec: number | null;
  /** coefficient of determination on X; null when every X is equal */
  r2: number | null;
  /** asymptotic 95% intervals; null when the data cannot fix all three parameters */
  ci95: { lambda: Interval; sigma: Interval; kappa: Interval } | null;
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
  timeline?: Timeline;
}

/**
 * A short window of one replication's per-core states, for the report's timeline chart: replication
 * 0 of one point (the first policy at the largest core count), from the start of its measured window.
 */
export interface Timeline {
  policy: string;
  cores: number;
  /** the state names, indexed by the segments' state numbers */
  states: string[];
  fromNs: number;
  toNs: number;
  /** [core, state, startNs, endNs] */
  segments: [number, number, number, number][];
}

export interface PeakAnswer {
  /** smallest simulated core count with mean X ≥ 0.9 × peak: where the curve saturates */
  cores: number;
  peakAllocsPerSec: number;
  peakCores: number;
  /**
   * every simulated core count (two or more) reaches 0.9 × a peak above 0: the curve is flat from its
   * first point on; absent in results of older versions, read as false
   */
  flat?: boolean;
}

export interface EfficiencyAnswer {
  /** smallest simulated core count with X(N)·N0 / (N·X(N0)) < 0.5; null if efficiency never falls that low */
  cores: number | null;
  /** the efficiency at `cores`; null with it */
  efficiency: number | null;
  /** N0: 1 when simulated, else the smallest simulated core count (efficiency is then relative to it) */
  baselineCores: number;
}

export interface TargetAnswer {
  targetAllocsPerSec: number;
  /** smallest simulated core count whose mean reaches the target; null if none does */
  cores: number | null;
  /**
   * linear interpolation of X between the last simulated core count below the target and `cores`:
   * an estimate between simulated points, not a simulation. Equals `cores` at the smallest count
   * (no extrapolation below it); null with `cores`.
   */
  interpolatedCores: number | null;
  maxAllocsPerSec: number;
  maxAtCores: number;
}

export interface BandwidthAnswer {
  /** the simulated point the answer is computed at */
  cores: number;
  /** GB through the clear-bandwidth pool per allocation; null when the point clears nothing */
  gbPerAlloc: number | null;
  /** totalClearGBps the bandwidth bound needs to allow the target; null when the point clears nothing */
  neededGBps: number | null;
  lockBoundAllocsPerSec: number | null;
  /** the lock bound alone is below the target: no amount of bandwidth reaches it */
  lockForbids: boolean;
}

export interface CapacityAnswer {
  policy: string;
  /** what-if runs: the varied fields of this curve */
  vary?: Record<string, number | string | boolean>;
  cores90: PeakAnswer;
  efficiency50: EfficiencyAnswer;
  /** at the core count that reaches the target, else at the largest simulated one */
  target?: TargetAnswer & { bandwidth: BandwidthAnswer };
}
