/**
 * Books a finished large allocation into the metrics: what its plan cleared and skipped, and its
 * service demands for the analytic companion (what it costs with no queueing and no sharing). Booking
 * at completion, not at the grant, keeps per-allocation figures exact across the warm-up cut.
 */
import type { AllocationPlan } from '../policies/plan.js';
import type { ModelContext } from './context.js';

/**
 * `holdNs`: the allocation's drawn lock hold, before any clear or fault under the lock; `writer`: the
 * allocating core, whose clears the clearing books (their demands depend on where their bytes went).
 */
export function bookAllocation(
  sys: ModelContext,
  plan: AllocationPlan,
  holdNs: number,
  writer: number,
): void {
  const { config, metrics, lock } = sys;
  const kernelBytes = plan.faultPages * config.pageBytes;
  const faultNs = plan.faultPages * config.pageFaultNs;
  if (plan.clearAt === 'under-lock') metrics.clearedUnderLock += plan.clearBytes;
  else if (plan.clearAt === 'after-unlock') metrics.clearedAfterUnlock += plan.clearBytes;
  metrics.clearedPageFault += kernelBytes;
  metrics.skippedNotNeeded += plan.skippedNotNeeded;
  metrics.skippedAlreadyClean += plan.skippedAlreadyClean;
  metrics.skippedFresh += plan.skippedFresh;
  metrics.skippedUnsafe += plan.skippedUnsafe;
  const coreHoldNs = lock.coreDemandNs(holdNs);
  const lockHoldNs = lock.lockDemandNs(holdNs);
  sys.clearing.bookAllocation(metrics, plan, coreHoldNs, lockHoldNs, faultNs, kernelBytes, writer);
}
