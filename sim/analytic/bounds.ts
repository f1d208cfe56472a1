/**
 * Asymptotic throughput bounds from operational analysis: what N cores could reach if nothing
 * queued, what the heap lock can pass, and what the clear bandwidth can feed. They hold for any
 * distribution and any policy, product-form or not, which is why every result carries them:
 * the smallest one names the resource that bends the curve. Throughput is in jobs per ns, or per
 * any other unit through `perNs`, the unit's length in ns (1e9: jobs per second).
 */

import type { LockPsParams } from './lock-ps-params.js';

function check(name: string, v: number): void {
  if (!(v >= 0)) throw new RangeError(`${name} must be >= 0, got ${v}`);
}

/**
 * X(N) ≤ N / (Z + D): each of N cores completes at most one allocation per Z + D, where D is the
 * per-allocation time with no contention (lock hold plus an unshared clear, faults, ...).
 * 0 for N = 0; Infinity when a cycle takes no time at all.
 */
export function coreBound(n: number, thinkNs: number, demandNs: number, perNs = 1): number {
  check('n', n);
  check('thinkNs', thinkNs);
  check('demandNs', demandNs);
  if (n === 0) return 0;
  return (n / (thinkNs + demandNs)) * perNs;
}

/** X ≤ 1 / D_lock: the lock serves one holder at a time. Infinity when allocations take no lock. */
export function lockBound(lockDemandNs: number, perNs = 1): number {
  check('lockDemandNs', lockDemandNs);
  return lockDemandNs === 0 ? Number.POSITIVE_INFINITY : perNs / lockDemandNs;
}

/**
 * X ≤ B / (bytes cleared through the pool per allocation): the pool moves at most B bytes/ns
 * (1 GB/s = 1 byte/ns). Infinity when nothing goes through the pool.
 */
export function bandwidthBound(totalGBps: number, poolBytesPerAlloc: number, perNs = 1): number {
  check('totalGBps', totalGBps);
  check('poolBytesPerAlloc', poolBytesPerAlloc);
  return poolBytesPerAlloc === 0 ? Number.POSITIVE_INFINITY : (totalGBps / poolBytesPerAlloc) * perNs;
}

export interface BoundInputs {
  /** number of cores */
  n: number;
  /** Z: mean time between allocations spent outside the allocator, ns */
  thinkNs: number;
  /**
   * D: mean uncontended time per allocation, ns. From a run (model/replication.ts), the time in
   * every state but waiting plus the acquires, so that the bound holds on the run exactly.
   */
  demandNs: number;
  /**
   * D_lock: mean lock time per allocation, ns, grant costs included. From a run, the lock's busy
   * time per allocation: only the hand-offs and migrations that occurred, not one per acquisition.
   */
  lockDemandNs: number;
  /** B: pool bandwidth, GB/s = bytes/ns */
  totalGBps: number;
  /** bytes per allocation cleared through the bandwidth pool, page-fault clears included */
  poolBytesPerAlloc: number;
}

export type Limiter = 'cores' | 'lock' | 'bandwidth';

export interface BoundBreakdown {
  core: number;
  lock: number;
  bandwidth: number;
  /** min of the three */
  bound: number;
  /** which bound is the minimum; ties go to cores, then lock */
  limitedBy: Limiter;
}

/** All three bounds, their minimum, and which resource sets it. */
export function boundBreakdown(p: BoundInputs, perNs = 1): BoundBreakdown {
  const core = coreBound(p.n, p.thinkNs, p.demandNs, perNs);
  const lock = lockBound(p.lockDemandNs, perNs);
  const bandwidth = bandwidthBound(p.totalGBps, p.poolBytesPerAlloc, perNs);
  const bound = Math.min(core, lock, bandwidth);
  const limitedBy: Limiter = bound === core ? 'cores' : bound === lock ? 'lock' : 'bandwidth';
  return { core, lock, bandwidth, bound, limitedBy };
}

/** min(N/(Z+D), 1/D_lock, B/bytes), jobs per ns. */
export function asymptoticBound(p: BoundInputs): number {
  return boundBreakdown(p).bound;
}

/**
 * The bound inputs of the delay + lock + PS network of mva-lock-ps.ts: alone, a clear runs at
 * `soloGBps` = min(b, B), and it never runs faster, so D = S_lock + W / min(b, B).
 */
export function lockPsBoundInputs(n: number, p: LockPsParams, soloGBps: number): BoundInputs {
  check('soloGBps', soloGBps);
  const clearNs = p.workBytes === 0 ? 0 : p.workBytes / soloGBps;
  return {
    n,
    thinkNs: p.thinkNs,
    demandNs: p.lockServiceNs + clearNs,
    lockDemandNs: p.lockServiceNs,
    totalGBps: p.totalGBps,
    poolBytesPerAlloc: p.workBytes,
  };
}
