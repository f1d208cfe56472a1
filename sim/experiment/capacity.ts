/**
 * Capacity answers read off one policy's simulated throughput curve (means per core count, never
 * a fitted model): where it reaches 90% of its peak, where parallel efficiency drops below 50%,
 * how many cores reach a target rate, and how much clear bandwidth that target would need.
 */

import { curvesOf } from './curves.js';
import type { Point, Results } from './types.js';

export interface PeakAnswer {
  /** smallest simulated core count with mean X ≥ 0.9 × peak */
  cores: number;
  peakAllocsPerSec: number;
  peakCores: number;
}

export interface EfficiencyAnswer {
  /** smallest simulated core count with X(N)·N0 / (N·X(N0)) < 0.5; null if efficiency never falls that low */
  cores: number | null;
  /** the efficiency at `cores`; null with it */
  efficiency: number | null;
  /** N0: 1 when simulated, else the smallest simulated core count (efficiency is then relative to it) */
  baselineCores: number;
}

export interface TargetAnswer {
  targetAllocsPerSec: number;
  /** smallest simulated core count whose mean reaches the target; null if none does */
  cores: number | null;
  /**
   * linear interpolation of X between the last simulated core count below the target and `cores`:
   * an estimate between simulated points, not a simulation. Equals `cores` at the smallest count
   * (no extrapolation below it); null with `cores`.
   */
  interpolatedCores: number | null;
  maxAllocsPerSec: number;
  maxAtCores: number;
}

export interface BandwidthAnswer {
  /** the simulated point the answer is computed at */
  cores: number;
  /** GB through the clear-bandwidth pool per allocation; null when the point clears nothing */
  gbPerAlloc: number | null;
  /** totalClearGBps the bandwidth bound needs to allow the target; null when the point clears nothing */
  neededGBps: number | null;
  lockBoundAllocsPerSec: number | null;
  /** the lock bound alone is below the target: no amount of bandwidth reaches it */
  lockForbids: boolean;
}

export interface CapacityAnswer {
  policy: string;
  /** what-if runs: the varied fields of this curve */
  vary?: Record<string, number | string | boolean>;
  cores90: PeakAnswer;
  efficiency50: EfficiencyAnswer;
  /** at the core count that reaches the target, else at the largest simulated one */
  target?: TargetAnswer & { bandwidth: BandwidthAnswer };
}

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

/** The smallest simulated core count within 90% of the curve's peak mean throughput. */
export function coresFor90PctOfPeak(points: readonly Point[]): PeakAnswer {
  const curve = sortedCurve(points);
  const peak = peakOf(curve);
  const first = curve.find((p) => mean(p) >= NEAR_PEAK * mean(peak))!;
  return { cores: first.cores, peakAllocsPerSec: mean(peak), peakCores: peak.cores };
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

function sortedEntries(vary: Point['vary']): Array<[string, unknown]> {
  return Object.entries(vary ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** 57200 → "57.2 k"; three significant digits. */
export function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  for (const [factor, suffix] of [
    [1e12, ' T'],
    [1e9, ' G'],
    [1e6, ' M'],
    [1e3, ' k'],
  ] as const) {
    if (magnitude >= factor * 0.9995) return `${Number((value / factor).toPrecision(3))}${suffix}`;
  }
  return String(Number(value.toPrecision(3)));
}

const rate = (allocsPerSec: number) => `${compactNumber(allocsPerSec)} allocs/s`;
const cores = (n: number) => `${compactNumber(n)} ${n === 1 ? 'core' : 'cores'}`;

/** One plain-language line per answer. */
export function formatCapacity(answers: readonly CapacityAnswer[]): string[] {
  return answers.map((a) => {
    const label = a.vary === undefined ? a.policy : `${a.policy} [${variedText(a.vary)}]`;
    const { cores90: p, efficiency50: e } = a;
    const relativeTo =
      e.baselineCores === 1 ? '' : ` (relative to ${cores(e.baselineCores)}, no 1-core point)`;
    const efficiency =
      e.cores === null
        ? `parallel efficiency${relativeTo} stays at or above 50% at every simulated core count`
        : `parallel efficiency${relativeTo} falls below 50% at ${cores(e.cores)} (${Math.round(100 * e.efficiency!)}%)`;
    const parts = [
      `${label}: reaches 90% of its peak (${rate(p.peakAllocsPerSec)} at ${cores(p.peakCores)}) at ${cores(p.cores)}`,
      efficiency,
    ];
    if (a.target !== undefined) parts.push(targetText(a.target));
    return `${parts.join('; ')}.`;
  });
}

function variedText(vary: Record<string, number | string | boolean>): string {
  return sortedEntries(vary)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

function targetText(t: NonNullable<CapacityAnswer['target']>): string {
  const b = t.bandwidth;
  const goal = `target ${rate(t.targetAllocsPerSec)}`;
  const reached =
    t.cores === null
      ? `${goal} is not reached (at most ${rate(t.maxAllocsPerSec)} at ${cores(t.maxAtCores)})`
      : `${goal} is reached at ${cores(t.cores)} (≈${compactNumber(t.interpolatedCores!)} interpolated)`;
  const bandwidth =
    b.neededGBps === null
      ? `nothing goes through the clear bandwidth at ${cores(b.cores)}, so bandwidth does not limit it`
      : `at ${cores(b.cores)} its bandwidth bound needs ${compactNumber(b.neededGBps)} GB/s of clear bandwidth`;
  const lock = b.lockForbids
    ? `; more bandwidth cannot reach it: the lock caps at ${rate(b.lockBoundAllocsPerSec!)}`
    : '';
  return `${reached}; ${bandwidth}${lock}`;
}
