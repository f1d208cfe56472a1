/**
 * Exact load-dependent MVA for the `after-unlock` policy: N cores cycle through a delay station
 * (work, mean Z), an FCFS exponential heap lock (mean hold S_lock) and a processor-sharing clear
 * station whose total completion rate with j clears active is μ(j) = min(j·b, B)/W.
 * The network is product-form (BCMP), and PS makes the result insensitive to how clear sizes
 * are distributed; only the lock hold must be exponential.
 */

import { hasPs, type LockPsParams, psRate, validateLockPs } from './lock-ps-params.js';

export type { LockPsParams } from './lock-ps-params.js';

export interface LockPsMva {
  /** X(k), allocations per ns, at index k-1 for population k */
  throughput: number[];
  /** mean number at the lock (waiting plus holding) */
  lockQueue: number[];
  /** mean number of clears active in the bandwidth pool */
  psQueue: number[];
  /** mean time per allocation at the lock, waiting plus holding, ns */
  lockResidenceNs: number[];
  /** mean time per allocation in the bandwidth pool, ns */
  psResidenceNs: number[];
}

/**
 * How p(0 | n), the probability that the PS station is empty, is obtained.
 * - `complement` (default): p(0|n) = p(0|n−1)·X(n)/X₋(n), where X₋ is the throughput of the
 *   network without the PS station (delay + lock: the repairman). It follows from
 *   p(0|n) = G₋(n)/G(n), is exact, and uses only products of positive numbers.
 * - `subtraction`: the textbook p(0|n) = 1 − Σ_{j≥1} p(j|n). When the PS station is the
 *   bottleneck, p(0|n) is tiny and the subtraction cancels catastrophically; the error is then
 *   multiplied by X(n)/μ(1) at every later step and p(0|n) goes negative. Kept so tests can
 *   show this; do not use it for results.
 */
export type P0Method = 'complement' | 'subtraction';

export interface LockPsMvaOptions {
  p0Method?: P0Method;
}

/**
 * Exact MVA for populations 1..n. Per step, with the arrival theorem:
 *   R_lock(n) = S_lock·(1 + Q_lock(n−1))
 *   R_ps(n)   = Σ_{j=1}^{n} (j/μ(j))·p(j−1 | n−1)
 *   X(n)      = n / (Z + R_lock(n) + R_ps(n)),  Q_lock(n) = X(n)·R_lock(n)
 *   p(j | n)  = (X(n)/μ(j))·p(j−1 | n−1) for j ≥ 1, and p(0 | n) per `p0Method`.
 * Cost O(n²) time and O(n) memory. Throws RangeError on invalid or all-zero parameters.
 */
export function lockPsMva(n: number, params: LockPsParams, options: LockPsMvaOptions = {}): LockPsMva {
  validateLockPs(n, params);
  const method = options.p0Method ?? 'complement';
  const { thinkNs: z, lockServiceNs: s } = params;
  const ps = hasPs(params);
  // 1/μ(j), tabulated once: each step uses it for j = 1..k.
  const invRate = new Float64Array(n + 1);
  if (ps) for (let j = 1; j <= n; j++) invRate[j] = 1 / psRate(j, params);

  const out: LockPsMva = {
    throughput: [],
    lockQueue: [],
    psQueue: [],
    lockResidenceNs: [],
    psResidenceNs: [],
  };
  let prev = new Float64Array(n + 1); // p(· | k−1)
  let next = new Float64Array(n + 1); // p(· | k)
  prev[0] = 1;
  let qLock = 0;
  let qLockComplement = 0; // repairman (delay + lock) queue, for the complement p0
  // Z = S_lock = 0: the complement has no demand (X₋ = ∞), so every job sits in the pool.
  const emptyComplement = z === 0 && s === 0;
  for (let k = 1; k <= n; k++) {
    const rLock = s * (1 + qLock);
    let rPs = 0;
    if (ps) for (let j = 1; j <= k; j++) rPs += j * invRate[j] * prev[j - 1];
    const x = k / (z + rLock + rPs);
    qLock = x * rLock;

    let qPs = 0;
    if (ps) {
      let tail = 0;
      for (let j = 1; j <= k; j++) {
        next[j] = x * invRate[j] * prev[j - 1];
        tail += next[j];
        qPs += j * next[j];
      }
      if (method === 'subtraction') {
        next[0] = 1 - tail;
      } else if (emptyComplement) {
        next[0] = 0;
      } else {
        // Complement network: delay + lock only, solved by the repairman recursion in step.
        const rC = s * (1 + qLockComplement);
        const xC = k / (z + rC);
        qLockComplement = xC * rC;
        next[0] = (prev[0] * x) / xC;
      }
      [prev, next] = [next, prev];
    }
    out.throughput.push(x);
    out.lockQueue.push(qLock);
    out.psQueue.push(qPs);
    out.lockResidenceNs.push(rLock);
    out.psResidenceNs.push(rPs);
  }
  return out;
}

/** X(N) in allocations per ns; 0 for N = 0. */
export function lockPsThroughput(n: number, params: LockPsParams): number {
  if (n === 0) {
    validateLockPs(n, params);
    return 0;
  }
  return lockPsMva(n, params).throughput[n - 1];
}
