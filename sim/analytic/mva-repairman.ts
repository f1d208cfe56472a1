/**
 * The machine-repairman model: N cores cycle between a delay station (mean think time Z) and one
 * FCFS exponential server (mean service S). It is the `under-lock` policy when the clear is done
 * inside the lock, takes an exponential time, and nothing else uses the bandwidth.
 * Two independent solutions are given so each can check the other: exact MVA and the closed form.
 */

export interface RepairmanMva {
  /** X(k), jobs per ns, at index k-1 for population k */
  throughput: number[];
  /** R(k): mean time per visit at the server, waiting plus service, ns */
  responseNs: number[];
  /** Q(k): mean number at the server, waiting plus in service */
  queueLength: number[];
}

function validate(n: number, thinkNs: number, serviceNs: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`population must be an integer >= 0, got ${n}`);
  for (const [name, v] of [
    ['thinkNs', thinkNs],
    ['serviceNs', serviceNs],
  ] as const) {
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be finite and >= 0, got ${v}`);
  }
  // With Z = S = 0 throughput is infinite and the queue length has no meaning.
  if (thinkNs === 0 && serviceNs === 0) throw new RangeError('degenerate model: thinkNs and serviceNs are 0');
}

/**
 * Exact MVA (Reiser–Lavenberg). An arriving job sees the queue of the network with one job
 * fewer (arrival theorem), so R(k) = S·(1 + Q(k−1)), X(k) = k / (Z + R(k)), Q(k) = X(k)·R(k).
 * Every quantity is a sum or product of positive numbers, so the recursion is stable for any N.
 */
export function repairmanMva(n: number, thinkNs: number, serviceNs: number): RepairmanMva {
  validate(n, thinkNs, serviceNs);
  const throughput: number[] = [];
  const responseNs: number[] = [];
  const queueLength: number[] = [];
  let q = 0;
  for (let k = 1; k <= n; k++) {
    const r = serviceNs * (1 + q);
    const x = k / (thinkNs + r);
    q = x * r;
    throughput.push(x);
    responseNs.push(r);
    queueLength.push(q);
  }
  return { throughput, responseNs, queueLength };
}

/** X(N) in jobs per ns by MVA; 0 for N = 0. */
export function repairmanThroughput(n: number, thinkNs: number, serviceNs: number): number {
  if (n === 0) {
    validate(n, thinkNs, serviceNs);
    return 0;
  }
  return repairmanMva(n, thinkNs, serviceNs).throughput[n - 1];
}

/**
 * Past this ratio S/Z, p0 ≤ 1/(1 + N·S/Z) is below 1e-100: X = 1/S to every bit of a double,
 * and skipping the sum keeps (N−k+1)·S/Z finite.
 */
const SATURATED_RATIO = 1e100;

/**
 * Closed form from the birth–death chain on the number k at the server: births (N−k)/Z, deaths
 * 1/S, so π_k ∝ N!/(N−k)!·(S/Z)^k, p0 = 1 / Σ_{k=0}^{N} t_k, and X(N) = (1 − p0)/S.
 * The terms t_k overflow a double long before N = 512 when S/Z is not small, so they are
 * built by the ratio t_k = t_{k−1}·(N−k+1)·S/Z and every partial result is rescaled when it
 * would overflow: only the ratio of the sums matters. 1 − p0 is taken as Σ_{k≥1} t_k / Σ t_k,
 * never as a subtraction, so light load (p0 near 1) keeps full relative precision too.
 */
export function repairmanClosedForm(n: number, thinkNs: number, serviceNs: number): number {
  validate(n, thinkNs, serviceNs);
  if (n === 0) return 0;
  if (serviceNs === 0) return n / thinkNs; // a pure delay network
  if (thinkNs === 0) return 1 / serviceNs; // p0 = 0: the server is never idle
  const ratio = serviceNs / thinkNs;
  if (ratio >= SATURATED_RATIO) return 1 / serviceNs;
  let term = 1; // t_0
  let busy = 0; // Σ_{k≥1} t_k
  let total = 1; // Σ_{k≥0} t_k
  for (let k = 1; k <= n; k++) {
    const factor = (n - k + 1) * ratio;
    if (term > 1e300 / factor) {
      // Rescale by 1/term: the sums keep their ratio and the next product stays finite.
      busy /= term;
      total /= term;
      term = 1;
    }
    term *= factor;
    busy += term;
    total += term;
    // Once the terms underflow to zero, every later one is zero as well.
    if (term === 0) break;
  }
  return busy / total / serviceNs;
}
