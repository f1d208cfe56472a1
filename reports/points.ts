/**
 * Read-only views over a results file that charts, findings and tables share: policies in
 * scenario order, points of one policy sorted by cores, the few core counts bar charts show, and
 * which policies' curves coincide.
 */
import type { Point, Results } from '../sim/types/index.js';

/** Policy names in scenario order, followed by any policy that only appears in the points. */
export function policyNames(results: Results): string[] {
  const names = results.scenario.policies.map((p) => p.name);
  for (const point of results.points) if (!names.includes(point.policy)) names.push(point.policy);
  return names.filter((name) => results.points.some((p) => p.policy === name));
}

/** Distinct core counts present in the points, ascending. */
export function coreCounts(results: Results): number[] {
  return [...new Set(results.points.map((p) => p.cores))].sort((a, b) => a - b);
}

/** The points of one policy, ascending by cores (charts that use it require one point per core count). */
export function policyPoints(results: Results, policy: string): Point[] {
  return results.points.filter((p) => p.policy === policy).sort((a, b) => a.cores - b.cores);
}

/** Every policy's points, in policy order. */
export function pointsByPolicy(results: Results): Array<{ policy: string; points: Point[] }> {
  return policyNames(results).map((policy) => ({ policy, points: policyPoints(results, policy) }));
}

/**
 * Up to three core counts for per-core-count bar charts: the smallest, the largest, and the one
 * nearest their geometric mean, so a 1…64 sweep shows 1, 8 and 64.
 */
export function selectedCores(results: Results): number[] {
  const cores = coreCounts(results);
  if (cores.length <= 3) return cores;
  const lo = cores[0];
  const hi = cores[cores.length - 1];
  const target = Math.sqrt(lo * hi);
  const middle = cores
    .slice(1, -1)
    .reduce((best, c) => (Math.abs(Math.log(c / target)) < Math.abs(Math.log(best / target)) ? c : best));
  return [lo, middle, hi];
}

/**
 * True when there is exactly one point per (policy, cores): the shape the per-core-count charts
 * draw. A what-if sweep has several and gets its own charts.
 */
export function hasOnePointPerCoreCount(results: Results): boolean {
  const keys = new Set(results.points.map((p) => `${p.policy}\u0000${p.cores}`));
  return results.points.length > 0 && keys.size === results.points.length;
}

/** Two throughputs are "the same" when they differ by at most this fraction of the larger. */
export const SAME_RELATIVE = 1e-9;

function sameCurve(a: Point[], b: Point[]): boolean {
  return (
    a.length > 0 &&
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      const x = p.allocsPerSec.mean;
      const y = q.allocsPerSec.mean;
      return p.cores === q.cores && Math.abs(x - y) <= SAME_RELATIVE * Math.max(Math.abs(x), Math.abs(y));
    })
  );
}

/**
 * Policies whose throughput curves coincide (same core counts, every mean within 1e-9 relative), in
 * groups of two or more in policy order: in every chart the later ones are drawn over the first.
 * Meaningful for one point per policy × cores.
 */
export function identicalCurves(results: Results): string[][] {
  const groups: Array<{ points: Point[]; policies: string[] }> = [];
  for (const { policy, points } of pointsByPolicy(results)) {
    const group = groups.find((g) => sameCurve(g.points, points));
    if (group) group.policies.push(policy);
    else groups.push({ points, policies: [policy] });
  }
  return groups.filter((g) => g.policies.length > 1).map((g) => g.policies);
}
