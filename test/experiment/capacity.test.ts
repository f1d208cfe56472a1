// Capacity answers from hand-made simulated curves, with the expected numbers worked out by hand.

import { describe, expect, it } from 'vitest';
import {
  bandwidthForTarget,
  capacityAnswers,
  coresFor90PctOfPeak,
  coresForTarget,
  efficiencyBelow50,
} from '../../sim/experiment/capacity.js';
import { bounds, curve, point, results } from './capacity-fixtures.js';

describe('coresFor90PctOfPeak', () => {
  it('finds the smallest core count within 90% of the peak, from unsorted input', () => {
    expect(coresFor90PctOfPeak(curve())).toEqual({
      cores: 16,
      peakAllocsPerSec: 57.2e3,
      peakCores: 32,
      flat: false,
    });
  });

  it('calls a curve flat when every point, from the first on, is within 90% of a peak above 0', () => {
    const flat = (xs: number[]) => coresFor90PctOfPeak(xs.map((x, i) => point('f', 2 ** i, x))).flat;
    expect(flat([95, 100, 99, 100])).toBe(true);
    expect(flat([50, 52, 100])).toBe(false);
    // it peaks at 1 core, then falls below 90%: it saturates there, but is not flat
    expect(flat([100, 95, 80])).toBe(false);
    expect(flat([100])).toBe(false);
    expect(flat([0, 0])).toBe(false);
  });

  it('rejects an empty curve', () => {
    expect(() => coresFor90PctOfPeak([])).toThrow(RangeError);
  });
});

describe('efficiencyBelow50', () => {
  it('is relative to 1 core when simulated', () => {
    expect(efficiencyBelow50(curve())).toEqual({ cores: 16, efficiency: 0.34375, baselineCores: 1 });
  });

  it('uses the smallest core count without a 1-core point', () => {
    // 4: 30·2 / (4·20) = 0.75; 8: 35·2 / (8·20) = 0.4375
    const points = [point('b', 8, 35), point('b', 2, 20), point('b', 4, 30)];
    expect(efficiencyBelow50(points)).toEqual({ cores: 8, efficiency: 0.4375, baselineCores: 2 });
  });

  it('is null when efficiency never drops below 50%', () => {
    const points = [point('c', 1, 10), point('c', 2, 20), point('c', 4, 39)];
    expect(efficiencyBelow50(points)).toEqual({ cores: null, efficiency: null, baselineCores: 1 });
  });
});

describe('coresForTarget', () => {
  it('interpolates between the simulated counts around the target', () => {
    // 4 cores: 36 k, 8 cores: 50 k → 4 + (40 − 36)/(50 − 36) · 4 = 4 + 8/7
    const t = coresForTarget(curve(), 40e3);
    expect(t).toMatchObject({ targetAllocsPerSec: 40e3, cores: 8, maxAllocsPerSec: 57.2e3, maxAtCores: 32 });
    expect(t.interpolatedCores).toBeCloseTo(4 + 8 / 7, 12);
  });

  it('does not extrapolate below the smallest simulated count', () => {
    expect(coresForTarget(curve(), 5e3)).toMatchObject({ cores: 1, interpolatedCores: 1 });
  });

  it('is null with the maximum reached when no count reaches the target', () => {
    expect(coresForTarget(curve(), 100e3)).toEqual({
      targetAllocsPerSec: 100e3,
      cores: null,
      interpolatedCores: null,
      maxAllocsPerSec: 57.2e3,
      maxAtCores: 32,
    });
  });
});

describe('bandwidthForTarget', () => {
  it('scales GB per allocation by the target', () => {
    // 60 GB/s / 200 k allocs/s = 3e-4 GB (300 kB) per allocation; × 100 k allocs/s = 30 GB/s
    const b = bandwidthForTarget(point('a', 64, 56e3, bounds), 100e3, 60);
    expect(b.cores).toBe(64);
    expect(b.gbPerAlloc).toBeCloseTo(3e-4, 15);
    expect(b.neededGBps).toBeCloseTo(30, 9);
    expect(b).toMatchObject({ lockBoundAllocsPerSec: 80e3, lockForbids: true });
  });

  it('is null when the point clears nothing, and no lock forbids nothing', () => {
    const b = bandwidthForTarget(point('n', 4, 1e6), 2e6, 60);
    expect(b).toEqual({
      cores: 4,
      gbPerAlloc: null,
      neededGBps: null,
      lockBoundAllocsPerSec: null,
      lockForbids: false,
    });
  });
});

describe('capacityAnswers', () => {
  it('groups by policy in order of appearance', () => {
    const flat = [1, 2, 4].map((n) => point('flat', n, 10));
    const answers = capacityAnswers(results([...curve('a'), ...flat]));
    expect(answers.map((a) => a.policy)).toEqual(['a', 'flat']);
    expect(answers[1]).toEqual({
      policy: 'flat',
      cores90: { cores: 1, peakAllocsPerSec: 10, peakCores: 1, flat: true },
      // 2 cores: 10 / (2·10) = 0.5 is not below 50%; 4 cores: 10 / (4·10) = 0.25
      efficiency50: { cores: 4, efficiency: 0.25, baselineCores: 1 },
    });
  });

  it('groups what-if points by their varied values and uses the varied bandwidth', () => {
    const wide = curve('a', { 'machine.memory.totalClearGBps': 120 });
    const narrow = curve('a', { 'machine.memory.totalClearGBps': 60 });
    const answers = capacityAnswers(results([...wide, ...narrow], 30), { targetAllocsPerSec: 100e3 });
    expect(answers).toHaveLength(2);
    // not reached: computed at 64 cores; 120 / 200 k × 100 k = 60 GB/s, 60 / 200 k × 100 k = 30
    expect(answers[0].target!.bandwidth.neededGBps).toBeCloseTo(60, 9);
    expect(answers[1].target!.bandwidth.neededGBps).toBeCloseTo(30, 9);
    expect(answers[0].target!.bandwidth.cores).toBe(64);
  });

  it('computes the bandwidth answer where the target is first reached', () => {
    const [a] = capacityAnswers(results(curve()), { targetAllocsPerSec: 40e3 });
    // 8 cores, scenario bandwidth 60 GB/s: 60 / 200 k × 40 k = 12 GB/s; the lock allows 80 k
    expect(a.target!.bandwidth).toMatchObject({ cores: 8, lockForbids: false });
    expect(a.target!.bandwidth.neededGBps).toBeCloseTo(12, 9);
  });
});
