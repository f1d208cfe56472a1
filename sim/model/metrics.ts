/**
 * What a replication measures after warm-up: counts, cleared and skipped bytes by reason, per-state
 * core time, latency, and the per-allocation service demands behind the analytic bounds.
 */
import { Tally } from '../engine/monitor.js';

/** Core states; a core is in exactly one at a time. `alloc` is the small-object fast path. */
export const CORE_STATES = ['work', 'alloc', 'lockWait', 'lockHold', 'clear', 'pageFault', 'free'] as const;
export type CoreState = (typeof CORE_STATES)[number];
export const S_WORK = 0;
export const S_ALLOC = 1;
export const S_LOCK_WAIT = 2;
export const S_LOCK_HOLD = 3;
export const S_CLEAR = 4;
export const S_PAGE_FAULT = 5;
export const S_FREE = 6;

export class Metrics {
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
  maxNonPreemptibleNs = 0;
  /** ns spent in each CORE_STATES entry, summed over cores */
  readonly stateNs = new Float64Array(CORE_STATES.length);
  /** request to usable block, ns */
  readonly latencyNs = new Tally();
  /** service demands summed over allocations (no queueing, no bandwidth sharing) */
  workNs = 0;
  demandNs = 0;
  lockDemandNs = 0;
  poolBytes = 0;
  windowStartNs = 0;

  reset(nowNs: number): void {
    this.allocations = 0;
    this.allocatedBytes = 0;
    this.clearedUnderLock = 0;
    this.clearedAfterUnlock = 0;
    this.clearedOnFree = 0;
    this.clearedBackground = 0;
    this.clearedPageFault = 0;
    this.skippedNotNeeded = 0;
    this.skippedAlreadyClean = 0;
    this.skippedFresh = 0;
    this.maxNonPreemptibleNs = 0;
    this.stateNs.fill(0);
    this.latencyNs.reset();
    this.workNs = 0;
    this.demandNs = 0;
    this.lockDemandNs = 0;
    this.poolBytes = 0;
    this.windowStartNs = nowNs;
  }

  stretch(ns: number): void {
    if (ns > this.maxNonPreemptibleNs) this.maxNonPreemptibleNs = ns;
  }
}
