/**
 * The analytic bound a point sits on (lock, clear bandwidth or cores): the findings name it and the
 * results table shows it, both by this one rule.
 */
import type { Point } from '../sim/types/index.js';

/** A point is "at" a bound when its mean throughput reaches this fraction of it. */
export const AT_BOUND = 0.9;

export type BoundName = 'lock' | 'bandwidth' | 'core';

export interface BoundCheck {
  bound: BoundName;
  allocsPerSec: number;
  /** measured mean throughput / bound */
  fraction: number;
  /** true when the point is within 10% of this bound */
  binds: boolean;
}

/** The bound a point sits on: the tightest one it is within 10% of, else the tightest overall. */
export function bindingBound(point: Point): BoundCheck | null {
  const a = point.analytic;
  const bounds = (
    [
      ['lock', a.lockBoundAllocsPerSec],
      ['bandwidth', a.bandwidthBoundAllocsPerSec],
      ['core', a.coreBoundAllocsPerSec],
    ] as const
  )
    .filter((b): b is readonly [BoundName, number] => b[1] !== null && b[1] > 0)
    .map(([bound, value]) => ({ bound, allocsPerSec: value, fraction: point.allocsPerSec.mean / value }))
    .map((b) => ({ ...b, binds: b.fraction >= AT_BOUND }))
    .sort((x, y) => x.allocsPerSec - y.allocsPerSec);
  return bounds.find((b) => b.binds) ?? bounds[0] ?? null;
}
