/**
 * Books a finished large allocation into the metrics: what its plan cleared and skipped, and, with
 * cache levels, the bytes its clears ran in each level. Booking at completion, not at the grant,
 * keeps per-allocation figures exact across the warm-up cut. (The analytic bounds take their demands
 * from the window's own time accounting: see replication.ts.)
 */
import type { AllocationPlan } from '../policies/plan.js';
import type { ModelContext } from './context.js';

/** `writer`: the allocating core, whose clears the clearing books by level. */
export function bookAllocation(sys: ModelContext, plan: AllocationPlan, writer: number): void {
  const { config, metrics } = sys;
  const kernelBytes = plan.faultPages * config.pageBytes;
  if (plan.clearAt === 'under-lock') metrics.clearedUnderLock += plan.clearBytes;
  else if (plan.clearAt === 'after-unlock') metrics.clearedAfterUnlock += plan.clearBytes;
  metrics.clearedPageFault += kernelBytes;
  metrics.skippedNotNeeded += plan.skippedNotNeeded;
  metrics.skippedAlreadyClean += plan.skippedAlreadyClean;
  metrics.skippedFresh += plan.skippedFresh;
  metrics.skippedUnsafe += plan.skippedUnsafe;
  sys.clearing.bookLevels(metrics, writer);
}
