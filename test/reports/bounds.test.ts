/** The bound a point sits on: the tightest one it is within 10% of, else the tightest overall. */
import { describe, expect, it } from 'vitest';
import { bindingBound } from '../../reports/bounds.js';
import type { Point } from '../../sim/types/index.js';
import { fixture } from './helpers.js';

const template = fixture('results').points[0];

/** A point with the given throughput and bounds; everything else from the fixture's first point. */
function point(
  cores: number,
  allocsPerSec: number,
  bounds: { lock?: number | null; bandwidth?: number | null; core?: number },
): Point {
  return {
    ...template,
    cores,
    allocsPerSec: { mean: allocsPerSec, ci95: allocsPerSec * 0.01 },
    analytic: {
      ...template.analytic,
      coreBoundAllocsPerSec: bounds.core ?? cores * 1e6,
      lockBoundAllocsPerSec: bounds.lock ?? null,
      bandwidthBoundAllocsPerSec: bounds.bandwidth ?? null,
    },
  };
}

describe('bindingBound', () => {
  it('names the bound the throughput is within 10% of', () => {
    expect(bindingBound(point(64, 95, { lock: 100, bandwidth: 300, core: 500 }))).toMatchObject({
      bound: 'lock',
      binds: true,
      fraction: 0.95,
    });
    expect(bindingBound(point(64, 95, { lock: 900, bandwidth: 100, core: 500 }))).toMatchObject({
      bound: 'bandwidth',
      binds: true,
    });
    expect(bindingBound(point(4, 99, { lock: 900, core: 100 }))).toMatchObject({
      bound: 'core',
      binds: true,
    });
  });

  it('reports the tightest bound, not binding, when the throughput is further than 10% below all of them', () => {
    expect(bindingBound(point(4, 70, { lock: 100, bandwidth: 200, core: 400 }))).toMatchObject({
      bound: 'lock',
      binds: false,
      fraction: 0.7,
    });
  });

  it('ignores null bounds', () => {
    expect(bindingBound(point(4, 99, { lock: null, bandwidth: null, core: 100 }))?.bound).toBe('core');
  });
});
