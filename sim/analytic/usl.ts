/**
 * Universal Scalability Law (Gunther) fitted to a throughput curve: X(N) = λN / (1 + σ(N−1) +
 * κN(N−1)), where λ is the one-core rate, σ contention (the serialised share: the heap lock) and
 * κ coherency (crosstalk growing with core pairs). Damped Gauss–Newton (Levenberg–Marquardt) with
 * σ, κ ≥ 0 kept by projection and an active set, started from the linearised form.
 */

import { invert, solveLinear } from './small-linear.js';
import { startValues, sum, type UslParams } from './usl-start.js';

export interface UslPoint {
  cores: number;
  allocsPerSec: number;
  /** relative weight of this point, e.g. 1 / ci95²; default 1. Only ratios matter: s² comes from residuals */
  weight?: number;
}

export type UslParam = 'lambda' | 'sigma' | 'kappa';
export type Interval = [lo: number, hi: number];

export interface UslFit {
  /** allocations per second of one core */
  lambda: number;
  sigma: number;
  kappa: number;
  /** N* = sqrt((1 − σ) / κ), where X peaks; null when κ = 0 or σ ≥ 1 (no interior peak). May be < 1 */
  peakCores: number | null;
  /** X(N*), allocs/s; null with peakCores */
  peakAllocsPerSec: number | null;
  /** unweighted coefficient of determination on X; null when every X is equal (nothing to explain) */
  r2: number | null;
  /**
   * asymptotic 95% intervals from s²(JᵀJ)⁻¹ and the injected t quantile, clipped at 0 (the
   * feasible region); null when n ≤ 3, when fewer than 3 distinct core counts fix all three
   * parameters, or when JᵀJ is singular. Approximate when σ or κ sits on its bound 0.
   */
  ci95: { lambda: Interval; sigma: Interval; kappa: Interval } | null;
  /** parameters the data could identify: 1 distinct core count fits λ only (σ = κ = 0), 2 add σ (κ = 0) */
  fitted: UslParam[];
  /** number of points used */
  points: number;
}

export interface UslOptions {
  /** two-sided 95% quantile t(0.975, df); default 1.96 (normal). sim/experiment has tQuantile975 */
  tQuantile?: (df: number) => number;
}

type Params = UslParams;

/** X(N) under a fitted (or given) law, allocations per second. */
export function uslThroughput(n: number, fit: Pick<UslFit, 'lambda' | 'sigma' | 'kappa'>): number {
  return (fit.lambda * n) / (1 + fit.sigma * (n - 1) + fit.kappa * n * (n - 1));
}

/** Fits λ, σ, κ by least squares on X. Throws on no points, cores ≤ 0, X ≤ 0 or a negative weight. */
export function fitUsl(points: readonly UslPoint[], options: UslOptions = {}): UslFit {
  if (points.length === 0) throw new RangeError('USL fit needs at least one point');
  for (const p of points) {
    if (!(p.cores > 0 && Number.isFinite(p.cores))) throw new RangeError(`USL cores must be > 0: ${p.cores}`);
    if (!(p.allocsPerSec > 0 && Number.isFinite(p.allocsPerSec)))
      throw new RangeError(`USL allocsPerSec must be > 0: ${p.allocsPerSec}`);
    if (!((p.weight ?? 1) >= 0)) throw new RangeError(`USL weight must be >= 0: ${p.weight}`);
  }
  // Fit in units of the largest X so λ is O(1) and the damping sees comparable scales.
  const scale = Math.max(...points.map((p) => p.allocsPerSec));
  const ns = points.map((p) => p.cores);
  const ys = points.map((p) => p.allocsPerSec / scale);
  const ws = points.map((p) => p.weight ?? 1);
  if (!(ws.reduce((a, b) => a + b, 0) > 0)) throw new RangeError('USL weights are all 0');
  const distinct = new Set(ns).size;
  const free = [true, distinct >= 2, distinct >= 3];
  const p = levenbergMarquardt(ns, ys, ws, startValues(ns, ys, free), free);
  const fit = { lambda: p[0] * scale, sigma: p[1], kappa: p[2] };
  const peakCores = fit.kappa > 0 && fit.sigma < 1 ? Math.sqrt((1 - fit.sigma) / fit.kappa) : null;
  const tQuantile = options.tQuantile ?? (() => 1.96);
  return {
    ...fit,
    peakCores,
    peakAllocsPerSec: peakCores === null ? null : uslThroughput(peakCores, fit),
    r2: rSquared(points, fit),
    ci95: distinct >= 3 && points.length > 3 ? intervals(ns, ys, ws, p, scale, tQuantile) : null,
    fitted: (['lambda', 'sigma', 'kappa'] as const).filter((_, i) => free[i]),
    points: points.length,
  };
}

function model(p: Params, n: number): number {
  return (p[0] * n) / (1 + p[1] * (n - 1) + p[2] * n * (n - 1));
}

/** ∂X/∂(λ, σ, κ) at N. */
function gradient(p: Params, n: number): Params {
  const d = 1 + p[1] * (n - 1) + p[2] * n * (n - 1);
  const dd = (p[0] * n) / (d * d);
  return [n / d, -dd * (n - 1), -dd * n * (n - 1)];
}

function ssr(ns: number[], ys: number[], ws: number[], p: Params): number {
  let s = 0;
  for (let i = 0; i < ns.length; i++) s += ws[i] * (ys[i] - model(p, ns[i])) ** 2;
  return s;
}

/** Weighted JᵀJ and Jᵀr, r = y − X(p). */
function normalEquations(ns: number[], ys: number[], ws: number[], p: Params) {
  const jtj = [0, 1, 2].map(() => [0, 0, 0]);
  const jtr = [0, 0, 0];
  for (let i = 0; i < ns.length; i++) {
    const g = gradient(p, ns[i]);
    const r = ys[i] - model(p, ns[i]);
    for (let a = 0; a < 3; a++) {
      jtr[a] += ws[i] * g[a] * r;
      for (let b = 0; b < 3; b++) jtj[a][b] += ws[i] * g[a] * g[b];
    }
  }
  return { jtj, jtr };
}

/** Marquardt-scaled damping; σ or κ at 0 whose descent direction points below 0 is held there. */
function levenbergMarquardt(ns: number[], ys: number[], ws: number[], p0: Params, free: boolean[]): Params {
  let p = p0;
  let cost = ssr(ns, ys, ws, p);
  let mu = 1e-3;
  for (let iter = 0; iter < 500 && cost > 0; iter++) {
    const { jtj, jtr } = normalEquations(ns, ys, ws, p);
    const active = [0, 1, 2].filter((i) => free[i] && !(i > 0 && p[i] <= 0 && jtr[i] <= 0));
    if (active.length === 0) break;
    const a = active.map((i) => active.map((j) => jtj[i][j] + (i === j ? mu * jtj[i][i] : 0)));
    const step = solveLinear(
      a,
      active.map((i) => jtr[i]),
    );
    const next: Params = [...p];
    if (step !== null) {
      for (const [k, i] of active.entries()) next[i] = i > 0 ? Math.max(0, p[i] + step[k]) : p[i] + step[k];
    }
    const nextCost = step !== null && next[0] > 0 ? ssr(ns, ys, ws, next) : Number.POSITIVE_INFINITY;
    if (nextCost <= cost) {
      const converged = active.every((i) => Math.abs(next[i] - p[i]) <= 1e-12 * Math.abs(p[i]) + 1e-18);
      p = next;
      cost = nextCost;
      mu = Math.max(mu / 10, 1e-12);
      if (converged) break;
    } else {
      mu *= 10;
      if (mu > 1e16) break;
    }
  }
  return p;
}

function rSquared(
  points: readonly UslPoint[],
  fit: Pick<UslFit, 'lambda' | 'sigma' | 'kappa'>,
): number | null {
  const mean = sum([...points], (p) => p.allocsPerSec) / points.length;
  const total = sum([...points], (p) => (p.allocsPerSec - mean) ** 2);
  if (total <= 1e-24 * sum([...points], (p) => p.allocsPerSec ** 2)) return null;
  const residual = sum([...points], (p) => (p.allocsPerSec - uslThroughput(p.cores, fit)) ** 2);
  return 1 - residual / total;
}

function intervals(
  ns: number[],
  ys: number[],
  ws: number[],
  p: Params,
  scale: number,
  tQuantile: (df: number) => number,
): UslFit['ci95'] {
  const df = ns.length - 3;
  const cov = invert(normalEquations(ns, ys, ws, p).jtj);
  if (cov === null) return null;
  const s2 = ssr(ns, ys, ws, p) / df;
  const t = tQuantile(df);
  const ci = (i: number, unit: number): Interval => {
    const half = t * Math.sqrt(Math.max(0, s2 * cov[i][i])) * unit;
    return [Math.max(0, p[i] * unit - half), p[i] * unit + half];
  };
  return { lambda: ci(0, scale), sigma: ci(1, 1), kappa: ci(2, 1) };
}
