/**
 * The analytic companion of a point: operational bounds from the measured per-allocation demands,
 * and exact MVA where the point is product-form (else none: we never pretend).
 *
 * Product-form cases, with no acquire or hand-off cost, a lock-free free path, no small objects, no
 * page faults in the measured window, and every taken byte dirty:
 * - the lock service (allocHold + any under-lock clear) is exponential: one part exponential, the
 *   other zero; clears after unlock visit a PS station with per-job rate min(b, B/j), insensitive
 *   to the size distribution; a caller that skips zeroing skips that visit (probabilistic routing,
 *   folded into the PS demand).
 * Think time may have any distribution (an infinite-server station is insensitive).
 */

import { lockPsThroughput } from '../analytic/mva-lock-ps.js';
import { makeSampler } from '../dist/index.js';
import type { ReplicationResult } from '../model/replication.js';
import type { Analytic, DistSpec, PolicySpec, Scenario } from '../types/index.js';
import { meanOf } from './statistics.js';

const isZero = (d: DistSpec) => d.dist === 'fixed' && d.value === 0;

/** The network parameters if the point is product-form, else the reason it is not. */
export function productForm(
  scenario: Scenario,
  policy: PolicySpec,
  reps: readonly ReplicationResult[],
): { thinkNs: number; lockServiceNs: number; workBytes: number; model: 'repairman' | 'lock+ps' } | string {
  const { machine, workload, heap } = scenario;
  if (machine.lock.acquireNs !== 0 || machine.lock.handoffNs !== 0)
    return 'acquire or hand-off costs are not exponential';
  if (!isZero(heap.freeHoldNs)) return 'the free path takes the lock a second time per cycle';
  if (heap.smallMaxBytes > 0) return 'small allocations mix in a per-core cache';
  if (reps.some((r) => r.clearedBytesPerAlloc.pageFault > 0)) return 'page faults in the measured window';
  if (policy.zeroAt === 'on-free' || policy.zeroAt === 'background')
    return `${policy.zeroAt} clearing is not a product-form station here`;
  const hold = heap.allocHoldNs;
  if (!(hold.dist === 'exponential' || isZero(hold))) return 'allocHoldNs is neither exponential nor zero';
  const holdNs = hold.dist === 'exponential' ? hold.mean : 0;
  const clearShare = policy.zeroAt === 'never' ? 0 : policy.honorNeedZero ? workload.needZeroFraction : 1;
  const size = makeSampler(workload.sizeBytes);
  const thinkNs = makeSampler(workload.workNs).mean;
  const soloGBps = Math.min(machine.memory.coreClearGBps, machine.memory.totalClearGBps);
  if (policy.zeroAt === 'under-lock' && clearShare > 0) {
    // One clear at a time, at the solo rate: the lock service is allocHold + size / rate.
    if (holdNs > 0) return 'under-lock service is allocHold plus a clear, not exponential';
    if (clearShare < 1) return 'under-lock service mixes cleared and skipped allocations';
    if (workload.sizeBytes.dist !== 'exponential') return 'under-lock clear time is not exponential';
    return { thinkNs, lockServiceNs: size.mean / soloGBps, workBytes: 0, model: 'repairman' };
  }
  return {
    thinkNs,
    lockServiceNs: holdNs,
    workBytes: clearShare * size.mean,
    model: clearShare > 0 ? 'lock+ps' : 'repairman',
  };
}

export function analyticCompanion(
  scenario: Scenario,
  policy: PolicySpec,
  cores: number,
  reps: readonly ReplicationResult[],
): Analytic {
  // Each replication's throughput is within its own bounds (operational laws hold exactly on one run),
  // so the point's bounds are the means of the replications' bounds, never below the mean throughput.
  const { totalClearGBps } = scenario.machine.memory;
  const perRep = reps.map((r) => ({
    core: (cores / (r.demand.workNs + r.demand.coreNs)) * 1e9,
    lock: r.demand.lockNs > 0 ? 1e9 / r.demand.lockNs : null,
    bandwidth: r.demand.poolBytes > 0 ? (totalClearGBps / r.demand.poolBytes) * 1e9 : null,
  }));
  // a resource some replication never used bounds nothing
  const meanOrNull = (xs: Array<number | null>) =>
    xs.some((x) => x === null) ? null : meanOf(xs as number[]);
  const coreBound = meanOf(perRep.map((b) => b.core));
  const lockBound = meanOrNull(perRep.map((b) => b.lock));
  const bandwidthBound = meanOrNull(perRep.map((b) => b.bandwidth));
  const bound = meanOf(
    perRep.map((b) =>
      Math.min(b.core, b.lock ?? Number.POSITIVE_INFINITY, b.bandwidth ?? Number.POSITIVE_INFINITY),
    ),
  );
  const pf = productForm(scenario, policy, reps);
  const base = {
    boundAllocsPerSec: bound,
    coreBoundAllocsPerSec: coreBound,
    lockBoundAllocsPerSec: lockBound,
    bandwidthBoundAllocsPerSec: bandwidthBound,
  };
  if (typeof pf === 'string') {
    return { ...base, mvaAllocsPerSec: null, mvaExact: false, model: 'none', note: `no exact MVA: ${pf}` };
  }
  const { memory } = scenario.machine;
  const x = lockPsThroughput(cores, {
    thinkNs: pf.thinkNs,
    lockServiceNs: pf.lockServiceNs,
    workBytes: pf.workBytes,
    perJobGBps: memory.coreClearGBps,
    totalGBps: memory.totalClearGBps,
  });
  const note =
    pf.model === 'repairman'
      ? `exact MVA, machine repairman: Z = ${pf.thinkNs} ns, S = ${pf.lockServiceNs.toPrecision(6)} ns`
      : `exact load-dependent MVA: Z = ${pf.thinkNs} ns, lock S = ${pf.lockServiceNs} ns, PS work ${pf.workBytes.toPrecision(6)} B at min(${memory.coreClearGBps}, ${memory.totalClearGBps}/j) GB/s`;
  return { ...base, mvaAllocsPerSec: x * 1e9, mvaExact: true, model: pf.model, note };
}
