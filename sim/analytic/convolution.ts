/**
 * The convolution algorithm (Buzen) for the same delay + FCFS lock + PS bandwidth network as
 * mva-lock-ps.ts: it computes the product-form normalising constants G(0..N) directly, so it is
 * an independent check on MVA. P(n1, n2, n3) = f_delay(n1)·f_lock(n2)·f_ps(n3) / G(N).
 * G(N) spans hundreds of orders of magnitude by N = 256, so everything is kept in log space.
 */

import { exp, log } from '../math/index.js';
import { hasPs, type LockPsParams, psRate, validateLockPs } from './lock-ps-params.js';

/** log Σ exp(x_i); -Infinity for an empty sum or when every term is zero. */
export function logSumExp(xs: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < xs.length; i++) if (xs[i] > max) max = xs[i];
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += exp(xs[i] - max);
  return max + log(sum);
}

/** c(n) = Σ_{k=0}^{n} a(k)·b(n−k) for n = 0..len−1, with a, b and c given by their logs. */
export function logConvolve(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const len = Math.min(a.length, b.length);
  const c = new Float64Array(len);
  const terms = new Float64Array(len);
  for (let n = 0; n < len; n++) {
    for (let k = 0; k <= n; k++) terms[k] = a[k] + b[n - k];
    c[n] = logSumExp(terms.subarray(0, n + 1));
  }
  return c;
}

/**
 * Running sums Σ_{i≤k} x_i with Neumaier compensation. log f(k) is a sum of k logs and reaches
 * thousands by k = 256; plain summation would leave up to k·ε·|sum| ≈ 1e-10 of error in the log
 * (a relative error in f), compensation keeps it near ε·|sum|.
 */
function cumulative(n: number, term: (k: number) => number): Float64Array {
  const out = new Float64Array(n + 1);
  let sum = 0;
  let comp = 0;
  for (let k = 1; k <= n; k++) {
    const x = term(k);
    const t = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
    out[k] = sum + comp;
  }
  return out;
}

/** Station factors in log space, index k for k jobs present; a missing station is [0, -∞, ...]. */
function absent(n: number): Float64Array {
  return new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY).fill(0, 0, 1);
}

/** Delay: f(k) = Z^k / k!. */
export function delayLogFactors(n: number, thinkNs: number): Float64Array {
  if (thinkNs === 0) return absent(n);
  const logZ = log(thinkNs);
  return cumulative(n, (k) => logZ - log(k));
}

/** FCFS load-independent: f(k) = S^k. */
export function lockLogFactors(n: number, serviceNs: number): Float64Array {
  if (serviceNs === 0) return absent(n);
  const logS = log(serviceNs);
  return Float64Array.from({ length: n + 1 }, (_, k) => k * logS);
}

/** Load-dependent PS: f(k) = Π_{j=1}^{k} 1/μ(j). */
export function psLogFactors(n: number, p: LockPsParams): Float64Array {
  if (!hasPs(p)) return absent(n);
  return cumulative(n, (j) => -log(psRate(j, p)));
}

export interface LockPsConvolution {
  /** X(k) = G(k−1)/G(k), allocations per ns, index k-1 for population k */
  throughput: number[];
  /** mean number at the lock: Σ_{i≥1} P(n_lock ≥ i) = Σ_{i≥1} S^i·G(k−i)/G(k) */
  lockQueue: number[];
  /** mean number in the PS station: Σ_j j·f_ps(j)·G₋(k−j)/G(k) */
  psQueue: number[];
  /** log G(k) for k = 0..n, exposed for tests and diagnostics */
  logG: number[];
}

/**
 * Solves the network for populations 1..n by convolution; O(n²) time. G₋ is the normalising
 * constant of the network without the PS station, which gives the PS marginal distribution.
 */
export function lockPsConvolution(n: number, p: LockPsParams): LockPsConvolution {
  validateLockPs(n, p);
  const fPs = psLogFactors(n, p);
  const gNoPs = logConvolve(delayLogFactors(n, p.thinkNs), lockLogFactors(n, p.lockServiceNs));
  const g = logConvolve(gNoPs, fPs);
  const logS = p.lockServiceNs > 0 ? log(p.lockServiceNs) : Number.NEGATIVE_INFINITY;
  const out: LockPsConvolution = { throughput: [], lockQueue: [], psQueue: [], logG: Array.from(g) };
  for (let k = 1; k <= n; k++) {
    out.throughput.push(exp(g[k - 1] - g[k]));
    let qLock = 0;
    let qPs = 0;
    for (let i = 1; i <= k; i++) {
      qLock += exp(i * logS + g[k - i] - g[k]);
      qPs += i * exp(fPs[i] + gNoPs[k - i] - g[k]);
    }
    out.lockQueue.push(qLock);
    out.psQueue.push(qPs);
  }
  return out;
}
