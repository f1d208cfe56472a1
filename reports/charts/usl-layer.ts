/**
 * The Universal Scalability Law overlay of the throughput chart: each policy's fitted curve
 * X(N) = λN / (1 + σ(N−1) + κN(N−1)), sampled densely on log2 cores across the simulated range,
 * for the fits that describe their curve (usl-judge.ts); a bound-limited curve gets none.
 */
import type { Results, UslSummary } from '../../sim/types/index.js';
import { coreCounts, policyNames } from '../points.js';
import { judgeUsl } from '../usl-judge.js';

/** Samples per curve: smooth at the chart's width on a log axis. */
const SAMPLES = 48;
/** The strokeDash category of the fitted curves, beside the analytic bounds. */
export const USL_FIT = 'USL fit';

/** X(N) under a fitted law, allocations per second. */
export function uslAllocsPerSec(n: number, fit: Pick<UslSummary, 'lambda' | 'sigma' | 'kappa'>): number {
  return (fit.lambda * n) / (1 + fit.sigma * (n - 1) + fit.kappa * n * (n - 1));
}

/**
 * One fit per drawn policy: the summary without varied values (a plain run), else the first one
 * for the policy. The plain charts see what-if runs cut down to their base scenario, whose fits
 * are the ones left.
 */
export function uslByPolicy(results: Results): Map<string, UslSummary> {
  const fits = new Map<string, UslSummary>();
  const summaries = Object.values(results.usl ?? {});
  for (const policy of policyNames(results)) {
    const mine = summaries.filter((u) => u.policy === policy);
    const fit = mine.find((u) => u.vary === undefined) ?? mine[0];
    if (fit !== undefined) fits.set(policy, fit);
  }
  return fits;
}

/** log2-spaced core counts from the smallest to the largest simulated, both included. */
export function uslSampleCores(results: Results): number[] {
  const cores = coreCounts(results);
  if (cores.length < 2) return [];
  const lo = Math.log2(cores[0]);
  const hi = Math.log2(cores[cores.length - 1]);
  return Array.from({ length: SAMPLES }, (_, i) => 2 ** (lo + ((hi - lo) * i) / (SAMPLES - 1)));
}

/** The drawn fits: those that describe their curve. */
export function drawnFits(results: Results): Map<string, UslSummary> {
  return new Map([...uslByPolicy(results)].filter(([, fit]) => judgeUsl(results, fit).describes));
}

export function uslRows(results: Results) {
  const samples = uslSampleCores(results);
  return [...drawnFits(results)].flatMap(([policy, fit]) =>
    samples.map((cores) => ({
      policy,
      bound: USL_FIT,
      cores,
      usl: uslAllocsPerSec(cores, fit),
      sigma: fit.sigma,
      kappa: fit.kappa,
      peakCores: fit.peakCores,
      r2: fit.r2,
    })),
  );
}
