/**
 * Whether a Universal Scalability Law fit describes its curve, and where a curve it does not describe
 * bends instead. A curve capped by a bound (the lock, clear bandwidth) is a straight rise and a flat
 * line; the USL fits it badly and invents a hump the data does not have. Such a curve is bound-limited,
 * and operational analysis gives its knee N* = (Z + D) / D_max, where the core bound N / (Z + D) meets
 * the tightest resource bound 1 / D_max.
 */
import type { Point, Results, UslSummary } from '../sim/types/index.js';
import { matchesVary } from './views.js';

/** A fit describes its curve with at least this R² ... */
export const USL_MIN_R2 = 0.98;
/** ... and, when its peak lies inside the simulated cores, a peak within this fraction of the simulated one. */
export const USL_PEAK_TOLERANCE = 0.05;

export type UslVerdict =
  | { describes: true }
  | { describes: false; why: string; kneeCores: number | null; boundName: 'lock' | 'bandwidth' | null };

/** The points a fit was made on: its policy's, at its varied values. */
export function fitPoints(results: Results, fit: UslSummary): Point[] {
  return results.points
    .filter((p) => p.policy === fit.policy && (fit.vary === undefined || matchesVary(p.vary, fit.vary)))
    .sort((a, b) => a.cores - b.cores);
}

/**
 * The knee of operational analysis from a point's analytic bounds: Z + D = N / core bound, and
 * 1 / D_max is the tightest of the lock and bandwidth bounds. Null when no resource bounds the curve.
 */
export function kneeCores(point: Point): { cores: number; bound: 'lock' | 'bandwidth' } | null {
  const a = point.analytic;
  const resources = (
    [
      ['lock', a.lockBoundAllocsPerSec],
      ['bandwidth', a.bandwidthBoundAllocsPerSec],
    ] as const
  ).filter((r): r is readonly ['lock' | 'bandwidth', number] => r[1] !== null && r[1] > 0);
  if (resources.length === 0 || !(a.coreBoundAllocsPerSec > 0)) return null;
  const [bound, maxX] = resources.reduce((x, y) => (y[1] < x[1] ? y : x));
  return { cores: (point.cores / a.coreBoundAllocsPerSec) * maxX, bound };
}

export function judgeUsl(results: Results, fit: UslSummary): UslVerdict {
  const points = fitPoints(results, fit);
  const why = uslMisfit(points, fit);
  if (why === null) return { describes: true };
  // Z + D is nearly constant along a curve; the largest core count gives the demands at saturation
  const knee = points.length > 0 ? kneeCores(points[points.length - 1]) : null;
  return { describes: false, why, kneeCores: knee?.cores ?? null, boundName: knee?.bound ?? null };
}

/** Why the fit does not describe these points, or null when it does. */
function uslMisfit(points: Point[], fit: UslSummary): string | null {
  if (fit.r2 === null || fit.r2 < USL_MIN_R2)
    return `R² ${fit.r2 === null ? '–' : fit.r2.toFixed(2)} < ${USL_MIN_R2}`;
  if (fit.peakCores === null || fit.peakAllocsPerSec === null || points.length === 0) return null;
  const lo = points[0].cores;
  const hi = points[points.length - 1].cores;
  if (fit.peakCores < lo || fit.peakCores > hi) return null;
  const simulated = Math.max(...points.map((p) => p.allocsPerSec.mean));
  const off = Math.abs(fit.peakAllocsPerSec - simulated) / simulated;
  return off <= USL_PEAK_TOLERANCE ? null : `its peak is ${Math.round(100 * off)}% off the simulated peak`;
}
