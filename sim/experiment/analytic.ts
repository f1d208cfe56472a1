/**
 * The analytic companion of a point: operational bounds from the per-allocation demands measured on
 * each replication's window (model/replication.ts says why each holds exactly, under every lock
 * kind), and exact MVA where the point is product-form (else none: we never pretend).
 *
 * Product-form cases, with a lock its kind says an FCFS exponential station models (fifo or ticket
 * with no acquire, hand-off, per-waiter or migration cost; never futex, which is not FIFO), a
 * lock-free free path, no small objects, no page faults in the measured window,
 * and every taken byte dirty:
 * - the lock service (allocHold + any under-lock clear) is exponential: one part exponential, the
 *   other zero; clears after unlock visit a PS station with per-job rate min(b, B/j), insensitive
 *   to the size distribution; a caller that skips zeroing skips that visit (probabilistic routing,
 *   folded into the PS demand).
 * Where the policy's clears sit in that network is its zeroAt rule's answer (MvaClearStation).
 * Think time may have any distribution (an infinite-server station is insensitive).
 */

import { type BoundBreakdown, bandwidthBound, boundBreakdown, type Limiter } from '../analytic/bounds.js';
import { lockPsThroughput } from '../analytic/mva-lock-ps.js';
import { makeSampler } from '../dist/index.js';
import { clearCaps, soloRateGBps } from '../engine/bandwidth.js';
import { lockKinds } from '../engine/locks/index.js';
import type { ReplicationResult } from '../model/replication.js';
import { mvaClearStation } from '../policies/plan.js';
import type { Analytic, CacheLevelSpec, DistSpec, PolicySpec, Scenario } from '../types/index.js';
import { meanOf } from './statistics.js';

const isZero = (d: DistSpec) => d.dist === 'fixed' && d.value === 0;

const NS_PER_SECOND = 1e9;

/** The network parameters if the point is product-form, else the reason it is not. */
export function productForm(
  scenario: Scenario,
  policy: PolicySpec,
  reps: readonly ReplicationResult[],
): { thinkNs: number; lockServiceNs: number; workBytes: number; model: 'repairman' | 'lock+ps' } | string {
  const { machine, workload, heap } = scenario;
  const lockObstacle = lockKinds[machine.lock.kind].notProductForm(machine.lock);
  if (lockObstacle !== null) return lockObstacle;
  if (machine.memory.caches.length > 0) return 'cache levels make clear rates depend on who wrote the bytes';
  if (!isZero(heap.freeHoldNs)) return 'the free path takes the lock a second time per cycle';
  if (heap.smallMaxBytes > 0) return 'small allocations mix in a per-core cache';
  if (reps.some((r) => r.clearedBytesPerAlloc.pageFault > 0)) return 'page faults in the measured window';
  const station = mvaClearStation(policy);
  if (typeof station === 'object') return station.notProductForm;
  const hold = heap.allocHoldNs;
  if (!(hold.dist === 'exponential' || isZero(hold))) return 'allocHoldNs is neither exponential nor zero';
  const holdNs = hold.dist === 'exponential' ? hold.mean : 0;
  const clearShare = station === 'none' ? 0 : policy.honorNeedZero ? workload.needZeroFraction : 1;
  const size = makeSampler(workload.sizeBytes);
  const thinkNs = makeSampler(workload.workNs).mean;
  if (station === 'lock' && clearShare > 0) {
    // One clear at a time, at the solo rate: the lock service is allocHold + size / rate.
    if (holdNs > 0) return 'under-lock service is allocHold plus a clear, not exponential';
    if (clearShare < 1) return 'under-lock service mixes cleared and skipped allocations';
    if (workload.sizeBytes.dist !== 'exponential') return 'under-lock clear time is not exponential';
    const soloGBps = soloRateGBps(clearCaps(machine.memory));
    return { thinkNs, lockServiceNs: size.mean / soloGBps, workBytes: 0, model: 'repairman' };
  }
  return {
    thinkNs,
    lockServiceNs: holdNs,
    workBytes: clearShare * size.mean,
    model: clearShare > 0 ? 'lock+ps' : 'repairman',
  };
}

/**
 * With cache levels, every shared level is a pool of its own: X ≤ totalGBps / (bytes its pool
 * delivered per allocation in the window) for each, measured as for DRAM, so the bandwidth bound is
 * the least of them all.
 */
function sharedLevelBounds(
  b: BoundBreakdown,
  caches: readonly CacheLevelSpec[],
  r: ReplicationResult,
): BoundBreakdown {
  if (r.caches === undefined) return b;
  const { sharedPoolBytes } = r.caches;
  let bandwidth = b.bandwidth;
  caches
    .filter((level) => level.shared)
    .forEach((level, p) => {
      bandwidth = Math.min(
        bandwidth,
        bandwidthBound(level.totalGBps ?? 0, sharedPoolBytes[p], NS_PER_SECOND),
      );
    });
  if (bandwidth >= b.bandwidth) return b;
  const bound = Math.min(b.core, b.lock, bandwidth);
  const limitedBy: Limiter = bound === b.core ? 'cores' : bound === b.lock ? 'lock' : 'bandwidth';
  return { ...b, bandwidth, bound, limitedBy };
}

export function analyticCompanion(
  scenario: Scenario,
  policy: PolicySpec,
  cores: number,
  reps: readonly ReplicationResult[],
): Analytic {
  // Each replication's throughput is within its own bounds (operational laws hold exactly on one run),
  // so the point's bounds are the means of the replications' bounds, never below the mean throughput.
  const { totalClearGBps, caches } = scenario.machine.memory;
  const perRep = reps.map((r) =>
    sharedLevelBounds(
      boundBreakdown(
        {
          n: cores,
          thinkNs: r.demand.workNs,
          demandNs: r.demand.coreNs,
          lockDemandNs: r.demand.lockNs,
          totalGBps: totalClearGBps,
          poolBytesPerAlloc: r.demand.poolBytes,
        },
        NS_PER_SECOND,
      ),
      caches,
      r,
    ),
  );
  // a resource some replication never used (an infinite bound) bounds nothing
  const meanOrNull = (xs: number[]) => (xs.some((x) => x === Number.POSITIVE_INFINITY) ? null : meanOf(xs));
  const base = {
    boundAllocsPerSec: meanOf(perRep.map((b) => b.bound)),
    coreBoundAllocsPerSec: meanOf(perRep.map((b) => b.core)),
    lockBoundAllocsPerSec: meanOrNull(perRep.map((b) => b.lock)),
    bandwidthBoundAllocsPerSec: meanOrNull(perRep.map((b) => b.bandwidth)),
  };
  const pf = productForm(scenario, policy, reps);
  if (typeof pf === 'string') {
    return { ...base, mvaAllocsPerSec: null, mvaExact: false, model: 'none', note: `no exact MVA: ${pf}` };
  }
  const { memory } = scenario.machine;
  const x = lockPsThroughput(cores, {
    thinkNs: pf.thinkNs,
    lockServiceNs: pf.lockServiceNs,
    workBytes: pf.workBytes,
    ...clearCaps(memory),
  });
  const note =
    pf.model === 'repairman'
      ? `exact MVA, machine repairman: Z = ${pf.thinkNs} ns, S = ${pf.lockServiceNs.toPrecision(6)} ns`
      : `exact load-dependent MVA: Z = ${pf.thinkNs} ns, lock S = ${pf.lockServiceNs} ns, PS work ${pf.workBytes.toPrecision(6)} B at min(${memory.coreClearGBps}, ${memory.totalClearGBps}/j) GB/s`;
  return { ...base, mvaAllocsPerSec: x * NS_PER_SECOND, mvaExact: true, model: pf.model, note };
}
