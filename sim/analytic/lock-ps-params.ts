/**
 * Parameters and service rates of the closed network behind the `after-unlock` policy: a delay
 * station (mutator work), an FCFS heap-lock station and a processor-sharing clear-bandwidth station.
 * Shared by the MVA solver (mva-lock-ps.ts) and the convolution solver (convolution.ts) so that
 * both read the model from one place.
 */

/** Times in ns; bandwidths in GB/s, and 1 GB/s = 1 byte/ns, so no conversion is needed. */
export interface LockPsParams {
  /** Z: mean time a core spends away from lock and bandwidth (mutator work, etc.) */
  thinkNs: number;
  /** S_lock: mean lock hold, exponential; 0 means no lock station */
  lockServiceNs: number;
  /** W: mean bytes cleared per allocation through the bandwidth pool; 0 means no PS station */
  workBytes: number;
  /** b: the most one clear can get (coreClearGBps); Infinity for no per-job cap */
  perJobGBps: number;
  /** B: the pool total (totalClearGBps); Infinity for an unlimited pool */
  totalGBps: number;
}

function checkNonNegative(name: string, v: number): void {
  // NaN fails this test too, which is what we want.
  if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be finite and >= 0, got ${v}`);
}

/** Throws RangeError on a population or parameter set the solvers cannot give a meaning to. */
export function validateLockPs(n: number, p: LockPsParams): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`population must be an integer >= 0, got ${n}`);
  checkNonNegative('thinkNs', p.thinkNs);
  checkNonNegative('lockServiceNs', p.lockServiceNs);
  checkNonNegative('workBytes', p.workBytes);
  if (p.workBytes > 0) {
    // Infinity is allowed (no cap / no shared limit); zero bandwidth would make a clear never end.
    if (!(p.perJobGBps > 0)) throw new RangeError(`perJobGBps must be > 0, got ${p.perJobGBps}`);
    if (!(p.totalGBps > 0)) throw new RangeError(`totalGBps must be > 0, got ${p.totalGBps}`);
  }
  if (p.thinkNs === 0 && p.lockServiceNs === 0 && !hasPs(p)) {
    // Every station has zero demand: throughput is unbounded and queue lengths are undefined.
    throw new RangeError('degenerate network: thinkNs, lockServiceNs and workBytes are all 0');
  }
}

/** Whether the PS station takes any time at all (both bandwidths infinite is as good as absent). */
export function hasPs(p: LockPsParams): boolean {
  return p.workBytes > 0 && (Number.isFinite(p.perJobGBps) || Number.isFinite(p.totalGBps));
}

/**
 * μ(j): completions per ns of the PS station with j ≥ 1 clears active. Each clear progresses at
 * min(b, B/j) bytes/ns, so together they move min(j·b, B) bytes/ns, and a clear is W bytes.
 */
export function psRate(j: number, p: LockPsParams): number {
  return Math.min(j * p.perJobGBps, p.totalGBps) / p.workBytes;
}
