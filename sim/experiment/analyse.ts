/**
 * Analyses a study's points: a Universal Scalability Law fit of each throughput curve (policy, and
 * varied values in what-if runs) and the capacity answers, computed from the simulated curves.
 */
import { fitUsl } from '../analytic/usl.js';
import type { Point, Results, UslSummary } from '../types/index.js';
import { capacityAnswers } from './capacity.js';
import { curvesOf } from './curves.js';
import { tQuantile975 } from './t-quantile.js';

export function fitCurves(points: readonly Point[]): Record<string, UslSummary> {
  const usl: Record<string, UslSummary> = {};
  for (const [key, curve] of curvesOf(points)) {
    const usable = curve.filter((p) => p.allocsPerSec.mean > 0);
    // σ and κ need three core counts; weights 1/X² fit relative error, as replication noise is.
    if (new Set(usable.map((p) => p.cores)).size < 3) continue;
    const fit = fitUsl(
      usable.map((p) => ({
        cores: p.cores,
        allocsPerSec: p.allocsPerSec.mean,
        weight: 1 / p.allocsPerSec.mean ** 2,
      })),
      { tQuantile: tQuantile975 },
    );
    usl[key] = {
      policy: curve[0].policy,
      ...(curve[0].vary ? { vary: curve[0].vary } : {}),
      lambda: fit.lambda,
      sigma: fit.sigma,
      kappa: fit.kappa,
      peakCores: fit.peakCores,
      peakAllocsPerSec: fit.peakAllocsPerSec,
      r2: fit.r2,
      ci95: fit.ci95,
    };
  }
  return usl;
}

export function analyse(results: Results, options: { targetAllocsPerSec?: number } = {}): Results {
  const usl = fitCurves(results.points);
  const capacity = capacityAnswers(results, { targetAllocsPerSec: options.targetAllocsPerSec });
  return { ...results, usl, capacity };
}
