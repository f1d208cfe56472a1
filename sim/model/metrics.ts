/**
 * What a replication measures, cumulatively from time 0: counts, cleared and skipped bytes by reason,
 * per-state core time, latency and, with cache levels, the bytes cleared in each level.
 * Snapshots of these counters (see window.ts) let the warm-up be cut off afterwards.
 */
import { Tally } from '../engine/monitor.js';

/**
 * Core states; a core is in exactly one at a time. `alloc` is the small-object fast path; `spin`,
 * `sleep` (waiting for a futex lock) and `wake` (a releaser waking a sleeper, outside the lock) exist
 * only with lock kinds that have them, and results carry them only then (KIND_STATES).
 */
export const CORE_STATES = [
  'work',
  'alloc',
  'lockWait',
  'lockHold',
  'clear',
  'pageFault',
  'free',
  'spin',
  'sleep',
  'wake',
] as const;
export type CoreState = (typeof CORE_STATES)[number];
export const S_WORK = 0;
export const S_ALLOC = 1;
export const S_LOCK_WAIT = 2;
export const S_LOCK_HOLD = 3;
export const S_CLEAR = 4;
export const S_PAGE_FAULT = 5;
export const S_FREE = 6;
export const S_SPIN = 7;
export const S_SLEEP = 8;
export const S_WAKE = 9;
/** the states a lock kind may lack, by the name of its LockKindRule.states flag */
export const KIND_STATES = ['spin', 'sleep', 'wake'] as const;

/** The plain counters of Metrics, as snapshots copy them. */
export interface Counters {
  allocations: number;
  allocatedBytes: number;
  clearedUnderLock: number;
  clearedAfterUnlock: number;
  clearedOnFree: number;
  clearedBackground: number;
  clearedPageFault: number;
  skippedNotNeeded: number;
  skippedAlreadyClean: number;
  skippedFresh: number;
  skippedUnsafe: number;
  /** with cache levels: bytes cleared in each level, DRAM last; empty without */
  levelBytes: Float64Array;
  /** lock holds (usable to release) of allocations and of frees, apart: an allocation's hold can be a whole clear */
  allocHolds: number;
  allocHoldNs: number;
  freeHolds: number;
  freeHoldNs: number;
}

export class Metrics implements Counters {
  allocations = 0;
  allocatedBytes = 0;
  clearedUnderLock = 0;
  clearedAfterUnlock = 0;
  clearedOnFree = 0;
  clearedBackground = 0;
  clearedPageFault = 0;
  skippedNotNeeded = 0;
  skippedAlreadyClean = 0;
  skippedFresh = 0;
  skippedUnsafe = 0;
  readonly levelBytes: Float64Array;
  allocHolds = 0;
  allocHoldNs = 0;
  freeHolds = 0;
  freeHoldNs = 0;
  /** ns spent in each CORE_STATES entry, summed over cores */
  readonly stateNs = new Float64Array(CORE_STATES.length);
  /** request to usable block, ns */
  readonly latencyNs: Tally;
  /** the longest non-preemptible stretch in each segment between snapshots */
  readonly stretchNs: number[] = [0];

  /** `levels`: cache levels plus DRAM, or 0 with no cache levels; `percentiles`: keep latency histograms */
  constructor(levels = 0, percentiles = true) {
    this.levelBytes = new Float64Array(levels);
    this.latencyNs = new Tally(percentiles);
  }

  counters(): Counters {
    return {
      allocations: this.allocations,
      allocatedBytes: this.allocatedBytes,
      clearedUnderLock: this.clearedUnderLock,
      clearedAfterUnlock: this.clearedAfterUnlock,
      clearedOnFree: this.clearedOnFree,
      clearedBackground: this.clearedBackground,
      clearedPageFault: this.clearedPageFault,
      skippedNotNeeded: this.skippedNotNeeded,
      skippedAlreadyClean: this.skippedAlreadyClean,
      skippedFresh: this.skippedFresh,
      skippedUnsafe: this.skippedUnsafe,
      levelBytes: this.levelBytes.slice(),
      allocHolds: this.allocHolds,
      allocHoldNs: this.allocHoldNs,
      freeHolds: this.freeHolds,
      freeHoldNs: this.freeHoldNs,
    };
  }

  stretch(ns: number): void {
    const last = this.stretchNs.length - 1;
    if (ns > this.stretchNs[last]) this.stretchNs[last] = ns;
  }

  /** An allocation's lock hold ended; nothing preempts a lock holder: the whole hold is one stretch. */
  allocHeld(heldNs: number): void {
    this.stretch(heldNs);
    this.allocHolds++;
    this.allocHoldNs += heldNs;
  }

  /** A free's lock hold ended: one stretch, as an allocation's. */
  freeHeld(heldNs: number): void {
    this.stretch(heldNs);
    this.freeHolds++;
    this.freeHoldNs += heldNs;
  }
}
