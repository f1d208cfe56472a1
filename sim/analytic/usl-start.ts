/**
 * Start values for the USL fit (usl.ts), from the law's linear forms: with λ known,
 * N/C(N) − 1 = σ(N−1) + κN(N−1) where C(N) = X(N)/λ; with λ unknown, N/X = 1/λ + (σ/λ)(N−1) +
 * (κ/λ)N(N−1). Ordinary least squares on these, kept in σ, κ ≥ 0.
 */

import { solveLinear } from './small-linear.js';

export type UslParams = [lambda: number, sigma: number, kappa: number];
type Params = UslParams;

/** λ from the mean X(1), else from the λ-unknown form; then σ, κ from the λ-known form. */
export function startValues(ns: number[], ys: number[], free: boolean[]): Params {
  const ones = ys.filter((_, i) => ns[i] === 1);
  let lambda = ones.reduce((a, b) => a + b, 0) / Math.max(1, ones.length);
  if (ones.length === 0) {
    const c = leastSquares(
      ns.map((n) => [1, n - 1, n * (n - 1)]),
      ns.map((n, i) => n / ys[i]),
    );
    // no 1-core point and no usable intercept: assume linear scaling up to the smallest N
    lambda = c !== null && c[0] > 0 ? 1 / c[0] : Math.max(...ys.map((y, i) => y / ns[i]));
  }
  const rows = ns.map((n, i) => ({ u: n - 1, v: n * (n - 1), t: (n * lambda) / ys[i] - 1 }));
  const cost = (s: number, k: number) => rows.reduce((a, r) => a + (r.t - s * r.u - k * r.v) ** 2, 0);
  const only = (f: (r: (typeof rows)[number]) => number) => {
    const den = rows.reduce((a, r) => a + f(r) ** 2, 0);
    return den > 0 ? Math.max(0, rows.reduce((a, r) => a + f(r) * r.t, 0) / den) : 0;
  };
  if (!free[1]) return [lambda, 0, 0];
  const both = free[2]
    ? leastSquares(
        rows.map((r) => [r.u, r.v]),
        rows.map((r) => r.t),
      )
    : null;
  if (both !== null && both[0] >= 0 && both[1] >= 0) return [lambda, both[0], both[1]];
  const sigmaOnly: Params = [lambda, only((r) => r.u), 0];
  if (!free[2]) return sigmaOnly;
  const kappaOnly: Params = [lambda, 0, only((r) => r.v)];
  return cost(sigmaOnly[1], 0) <= cost(0, kappaOnly[2]) ? sigmaOnly : kappaOnly;
}

/** Ordinary least squares via the normal equations; null when they are singular. */
function leastSquares(x: number[][], y: number[]): number[] | null {
  const k = x[0].length;
  const xtx = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => sum(x, (r) => r[a] * r[b])),
  );
  const xty = Array.from({ length: k }, (_, a) => sum(x, (r, i) => r[a] * y[i]));
  return solveLinear(xtx, xty);
}

export function sum<T>(xs: T[], f: (x: T, i: number) => number): number {
  return xs.reduce((a, x, i) => a + f(x, i), 0);
}
