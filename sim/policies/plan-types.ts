// What a policy decides for one allocation or free: bytes to clear and where. The core turns it into time.

/** Bytes an allocation took from each free pool (fresh OS memory comes last). */
export interface Taken {
  dirtyBytes: number;
  cleanBytes: number;
  freshBytes: number;
}

export type ClearSite = 'under-lock' | 'after-unlock' | 'none';

export interface AllocationPlan {
  /** bytes the allocating core clears with memclr */
  clearBytes: number;
  /** where that clear runs */
  clearAt: ClearSite;
  /** fresh OS pages first touched by this allocation (fractional: pools are bytes, not pages) */
  faultPages: number;
  /** whether those faults are taken while the heap lock is held (a clear under the lock touches them) */
  faultsUnderLock: boolean;
  /** bytes not cleared, and why */
  skippedNotNeeded: number;
  skippedAlreadyClean: number;
  skippedFresh: number;
  /** dirty bytes handed to a caller that needed zeroed memory, by a policy that never clears */
  skippedUnsafe: number;
}

/**
 * Where exact MVA puts the clears of a zeroAt value: in the lock's service (the machine repairman),
 * at a processor-sharing station visited after unlock (lock + PS), nowhere (nothing is cleared), or
 * the reason no product-form network models them.
 */
export type MvaClearStation = 'lock' | 'ps' | 'none' | { notProductForm: string };

/** Where a zeroAt value puts the work: one small object per value. */
export interface ZeroAtRule {
  /** where an allocation clears what the dirty tracking says must be cleared */
  allocClearAt: ClearSite;
  /** the freeing core clears the block (outside the lock) before returning it, which then is clean */
  clearOnFree: boolean;
  /** dedicated zeroing threads clear dirty free memory */
  zeroerThreads: boolean;
  /** how the analytic companion's exact MVA models these clears, if it can */
  mva: MvaClearStation;
}

/** How a dirty-tracking scheme decides what to clear of what was taken. */
export interface TrackingRule {
  /** bytes to clear given what was taken; `freshIsZero` false means fresh bytes must be written */
  clearBytes(sizeBytes: number, taken: Taken, freshIsZero: boolean): number;
  /** whether that clear writes the fresh part (and so takes its page faults) */
  clearTouchesFresh(taken: Taken, freshIsZero: boolean): boolean;
}
