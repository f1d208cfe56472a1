/**
 * Capacity answers read off one policy's simulated throughput curve (means per core count, never
 * a fitted model): where it reaches 90% of its peak, where parallel efficiency drops below 50%,
 * how many cores reach a target rate, and how much clear bandwidth that target would need.
 */

import type {
  BandwidthAnswer,
  CapacityAnswer,
  EfficiencyAnswer,
  PeakAnswer,
  Point,
  Results,
  TargetAnswer,
} from '../types/index.js';
import { curvesOf } from './curves.js';

const NEAR_PEAK = 0.9;
const LOW_EFFICIENCY = 0.5;
const TOTAL_CLEAR_PATH = 'machine.memory.totalClearGBps';

function sortedCurve(points: readonly Point[]): Point[] {
  if (points.length === 0) throw new RangeError('a capacity answer needs at least one point');
  return [...points].sort((a, b) => a.cores - b.cores);
}

const mean = (p: Point) => p.allocsPerSec.mean;

function peakOf(curve: Point[]): Point {
  return curve.reduce((best, p) => (mean(p) > mean(best) ? p : best));
}

/**
 * The smallest simulated core count within 90% of the curve's peak mean throughput: where the curve
 * saturates (the report's findings say so by this answer), and whether every point is that close.
 */
export function coresFor90PctOfPeak(points: readonly Point[]): PeakAnswer {
  const curve = sortedCurve(points);
  const peak = peakOf(curve);
  const nearPeak = (p: Point) => mean(p) >= NEAR_PEAK * mean(peak);
  const first = curve.find(nearPeak)!;
  const flat = curve.length >= 2 && mean(peak) > 0 && curve.every(nearPeak);
  return { cores: first.cores, peakAllocsPerSec: mean(peak), peakCores: peak.cores, flat };
}

/** The smallest simulated core count whose parallel efficiency falls below 50%. */
export function efficiencyBelow50(points: readonly Point[]): EfficiencyAnswer {
  const curve = sortedCurve(points);
  const base = curve[0];
  const efficiency = (p: Point) => (mean(p) * base.cores) / (p.cores * mean(base));
  const low = curve.find((p) => efficiency(p) < LOW_EFFICIENCY);
  return {
    cores: low?.cores ?? null,
    efficiency: low === undefined ? null : efficiency(low),
    baselineCores: base.cores,
  };
}

/** The smallest simulated core count whose mean reaches the target, with a linear interpolation. */
export function coresForTarget(points: readonly Point[], targetAllocsPerSec: number): TargetAnswer {
  const curve = sortedCurve(points);
  const peak = peakOf(curve);
  const i = curve.findIndex((p) => mean(p) >= targetAllocsPerSec);
  const answer = { targetAllocsPerSec, maxAllocsPerSec: mean(peak), maxAtCores: peak.cores };
  if (i === -1) return { ...answer, cores: null, interpolatedCores: null };
  const hit = curve[i];
  if (i === 0) return { ...answer, cores: hit.cores, interpolatedCores: hit.cores };
  const below = curve[i - 1];
  const share = (targetAllocsPerSec - mean(below)) / (mean(hit) - mean(below));
  return { ...answer, cores: hit.cores, interpolatedCores: below.cores + share * (hit.cores - below.cores) };
}

/**
 * Clear bandwidth the point's bandwidth bound needs to allow the target. The bound is
 * totalClearGBps / (GB per allocation through the pool), so GB per allocation =
 * totalClearGBps / bound and the needed GB/s = target × GB per allocation.
 */
export function bandwidthForTarget(
  point: Point,
  targetAllocsPerSec: number,
  totalClearGBps: number,
): BandwidthAnswer {
  const bound = point.analytic.bandwidthBoundAllocsPerSec;
  const clears = bound !== null && bound > 0 && Number.isFinite(bound);
  const gbPerAlloc = clears ? totalClearGBps / bound : null;
  const lock = point.analytic.lockBoundAllocsPerSec;
  return {
    cores: point.cores,
    gbPerAlloc,
    neededGBps: gbPerAlloc === null ? null : targetAllocsPerSec * gbPerAlloc,
    lockBoundAllocsPerSec: lock,
    lockForbids: lock !== null && lock < targetAllocsPerSec,
  };
}

/** One answer per policy (and per combination of what-if values), in order of first appearance. */
export function capacityAnswers(
  results: Results,
  options: { targetAllocsPerSec?: number } = {},
): CapacityAnswer[] {
  return [...curvesOf(results.points).values()].map((points) => {
    const curve = sortedCurve(points);
    const { policy, vary } = curve[0];
    const answer: CapacityAnswer = {
      policy,
      ...(vary === undefined ? {} : { vary }),
      cores90: coresFor90PctOfPeak(curve),
      efficiency50: efficiencyBelow50(curve),
    };
    const target = options.targetAllocsPerSec;
    if (target === undefined) return answer;
    const reach = coresForTarget(curve, target);
    const at = curve.find((p) => p.cores === reach.cores) ?? curve[curve.length - 1];
    const varied = vary?.[TOTAL_CLEAR_PATH];
    const totalGBps = typeof varied === 'number' ? varied : results.scenario.machine.memory.totalClearGBps;
    return { ...answer, target: { ...reach, bandwidth: bandwidthForTarget(at, target, totalGBps) } };
  });
}
