// A study's throughput curves: its points grouped by policy and, in what-if runs, varied values.
import type { Point } from '../types/index.js';

/** "policy" for plain runs; "policy @ path=value, path=value" for what-if curves. */
export function curveKey(point: Pick<Point, 'policy' | 'vary'>): string {
  if (!point.vary) return point.policy;
  const values = Object.entries(point.vary).map(([path, value]) => `${path}=${value}`);
  return `${point.policy} @ ${values.join(', ')}`;
}

/** The points of each curve, keyed by curveKey, curves and points in the order they come. */
export function curvesOf(points: readonly Point[]): Map<string, Point[]> {
  const curves = new Map<string, Point[]>();
  for (const p of points) {
    const key = curveKey(p);
    const curve = curves.get(key);
    if (curve) curve.push(p);
    else curves.set(key, [p]);
  }
  return curves;
}
