/**
 * A policy's decisions as plans: for an allocation, how many bytes to clear, where, and which fresh
 * pages fault; for a free, whether the block is cleared first. Pure: policies never schedule events.
 */
import type { PolicySpec } from '../types/index.js';
import type { AllocationPlan, MvaClearStation, Taken } from './plan-types.js';
import { trackingRules } from './tracking/index.js';
import { zeroAtRules } from './zero-at/index.js';

export type { AllocationPlan, ClearSite, MvaClearStation, Taken } from './plan-types.js';

/** An empty plan, for planAllocation to fill. */
export function emptyPlan(): AllocationPlan {
  return {
    clearBytes: 0,
    clearAt: 'none',
    faultPages: 0,
    faultsUnderLock: false,
    skippedNotNeeded: 0,
    skippedAlreadyClean: 0,
    skippedFresh: 0,
    skippedUnsafe: 0,
  };
}

/**
 * Plans one allocation of `sizeBytes` (needZero: the caller asked for zeroed memory). The plan is
 * written into `out` and returned: the simulator reuses one plan per core rather than allocate one
 * per allocation.
 */
export function planAllocation(
  policy: PolicySpec,
  sizeBytes: number,
  needZero: boolean,
  taken: Taken,
  pageBytes: number,
  out: AllocationPlan = emptyPlan(),
): AllocationPlan {
  out.faultPages = taken.freshBytes / pageBytes;
  const site = zeroAtRules[policy.zeroAt].allocClearAt;
  const needed = !(policy.honorNeedZero && !needZero);
  if (site === 'none' || !needed) {
    // Nothing is cleared; the mutator's first touch takes the fresh pages' faults after unlock. A
    // caller that needed zeroed memory from a policy that never clears gets clean and fresh bytes
    // that are zero anyway, and dirty ones that are not: those are the unsafe ones.
    out.clearBytes = 0;
    out.clearAt = 'none';
    out.faultsUnderLock = false;
    out.skippedNotNeeded = needed ? 0 : sizeBytes;
    out.skippedAlreadyClean = needed ? taken.cleanBytes : 0;
    out.skippedFresh = needed ? taken.freshBytes : 0;
    out.skippedUnsafe = needed ? taken.dirtyBytes : 0;
    return out;
  }
  const rule = trackingRules[policy.dirtyTracking];
  const clearBytes = rule.clearBytes(sizeBytes, taken, policy.freshIsZero);
  const touchesFresh =
    clearBytes > 0 && taken.freshBytes > 0 && rule.clearTouchesFresh(taken, policy.freshIsZero);
  out.clearBytes = clearBytes;
  out.clearAt = clearBytes > 0 ? site : 'none';
  out.faultsUnderLock = site === 'under-lock' && touchesFresh;
  out.skippedNotNeeded = 0;
  out.skippedAlreadyClean = clearBytes >= sizeBytes ? 0 : taken.cleanBytes;
  out.skippedFresh = touchesFresh ? 0 : taken.freshBytes;
  out.skippedUnsafe = 0;
  return out;
}

/** Whether the freeing core clears a block before returning it to the heap. */
export function clearsOnFree(policy: PolicySpec): boolean {
  return zeroAtRules[policy.zeroAt].clearOnFree;
}

/** How many dedicated zeroing threads the policy runs. */
export function zeroerThreads(policy: PolicySpec): number {
  return zeroAtRules[policy.zeroAt].zeroerThreads ? Math.max(1, policy.zeroerThreads) : 0;
}

/** Where exact MVA puts the policy's clears, or why it cannot (see MvaClearStation). */
export function mvaClearStation(policy: PolicySpec): MvaClearStation {
  return zeroAtRules[policy.zeroAt].mva;
}
