/**
 * Shared parameter sets and oracles for the analytic tests: named networks that stress each
 * bottleneck, a relative-error helper, and a brute-force CTMC solver that knows nothing of
 * product form, so it checks MVA and convolution from outside their theory.
 */

import type { LockPsParams } from '../../sim/analytic/lock-ps-params.js';

/** |a − b| / |b|; 0 when both are 0 (and Infinity when only b is). */
export function relErr(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.abs(b);
}

/** Largest relative error over two equally long series. */
export function maxRelErr(a: number[], b: number[]): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const e = relErr(a[i], b[i]);
    // NaN must count as a failure, so compare the negation.
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

const MiB = 1 << 20;

/**
 * Networks named by what limits them at N = 256 (1/S_lock vs B/W, in allocations per ns).
 * c = B/b is the number of clears that saturate the pool: the MVA subtraction gets worse with c.
 */
export const lockPsSets: Record<string, LockPsParams> = {
  // B/W = 9.5e-5 ≪ 1/S = 1.4e-3: DRAM-bound large clears on a server socket, c = 2.5
  bandwidthBound: { thinkNs: 10_000, lockServiceNs: 700, workBytes: MiB, perJobGBps: 40, totalGBps: 100 },
  // desktop DRAM below one core's clear rate (c < 1): the pool acts as a single server
  bandwidthSingleServer: {
    thinkNs: 1_000,
    lockServiceNs: 100,
    workBytes: MiB,
    perJobGBps: 40,
    totalGBps: 30,
  },
  // 1/S = 2.5e-4 ≪ B/W = 1.5e-3: Go 1.12 treap-like 4 µs hold, 64 KiB clears
  lockBound: { thinkNs: 10_000, lockServiceNs: 4_000, workBytes: 65_536, perJobGBps: 40, totalGBps: 100 },
  // 1/S = B/W = 1e-3 with c = 5: the lock and the pool saturate together
  balanced: { thinkNs: 50_000, lockServiceNs: 1_000, workBytes: 100_000, perJobGBps: 20, totalGBps: 100 },
  // slow per-core clears (b = 1 GB/s) and c = 100: many clears share the pool before it saturates
  manyServers: { thinkNs: 20_000, lockServiceNs: 50, workBytes: 262_144, perJobGBps: 1, totalGBps: 100 },
  // no mutator work at all: cores only allocate
  zeroThink: { thinkNs: 0, lockServiceNs: 700, workBytes: MiB, perJobGBps: 40, totalGBps: 100 },
};

export interface CtmcSolution {
  throughput: number;
  lockQueue: number;
  psQueue: number;
}

/**
 * Brute-force oracle: the CTMC on (at delay, at lock, at PS) for n jobs, exponential everywhere,
 * solved as πQ = 0, Σπ = 1 by Gaussian elimination with partial pivoting. Needs thinkNs > 0,
 * lockServiceNs > 0 and workBytes > 0. Meant for n ≤ ~8 ((n+1)(n+2)/2 states).
 */
export function solveLockPsCtmc(n: number, p: LockPsParams): CtmcSolution {
  const states: [number, number, number][] = [];
  for (let l = 0; l <= n; l++) for (let s = 0; s <= n - l; s++) states.push([n - l - s, l, s]);
  const index = new Map(states.map(([d, l, s], i) => [`${d},${l},${s}`, i]));
  const m = states.length;
  // a[row = balance equation of state j][col = π_i]: Σ_i π_i q_ij = 0
  const a = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  const add = (from: number, to: [number, number, number], rate: number) => {
    const j = index.get(to.join(','))!;
    a[j][from] += rate;
    a[from][from] -= rate;
  };
  states.forEach(([d, l, s], i) => {
    if (d > 0) add(i, [d - 1, l + 1, s], d / p.thinkNs);
    if (l > 0) add(i, [d, l - 1, s + 1], 1 / p.lockServiceNs);
    if (s > 0) add(i, [d + 1, l, s - 1], Math.min(s * p.perJobGBps, p.totalGBps) / p.workBytes);
  });
  // One balance equation is redundant: replace it by the normalisation.
  a[m - 1].fill(1);
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
    [a[col], a[piv]] = [a[piv], a[col]];
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= m; c++) a[r][c] -= f * a[col][c];
    }
  }
  const pi = a.map((row, i) => row[m] / row[i]);
  let throughput = 0;
  let lockQueue = 0;
  let psQueue = 0;
  states.forEach(([, l, s], i) => {
    if (l > 0) throughput += pi[i] / p.lockServiceNs;
    lockQueue += pi[i] * l;
    psQueue += pi[i] * s;
  });
  return { throughput, lockQueue, psQueue };
}
