// Capacity answers from hand-made simulated curves, with the expected numbers worked out by hand.

import { describe, expect, it } from 'vitest';
import {
  bandwidthForTarget,
  capacityAnswers,
  compactNumber,
  coresFor90PctOfPeak,
  coresForTarget,
  efficiencyBelow50,
  formatCapacity,
} from '../../sim/experiment/capacity.js';
import type { Analytic, Point, Results, Scenario } from '../../sim/experiment/types.js';

const ci = (mean: number) => ({ mean, ci95: 0 });
const pct = { mean: 0, p50: 0, p99: 0, p999: 0 };

/** A point with every field zero except policy, cores, mean throughput and what the test sets. */
function point(
  policy: string,
  cores: number,
  allocsPerSec: number,
  analytic: Partial<Analytic> = {},
  vary?: Point['vary'],
): Point {
  return {
    policy,
    cores,
    replications: 1,
    seed: 0,
    allocsPerSec: ci(allocsPerSec),
    bytesPerSec: ci(0),
    lockUtilization: ci(0),
    lockWaitNs: pct,
    lockHoldNs: pct,
    lockQueueLength: ci(0),
    latencyNs: pct,
    maxNonPreemptibleNs: 0,
    clearedBytesPerAlloc: { underLock: 0, afterUnlock: 0, onFree: 0, background: 0, pageFault: 0 },
    skippedBytesPerAlloc: { notNeeded: 0, alreadyClean: 0, fresh: 0 },
    bandwidthUtilization: ci(0),
    coreTimeShare: { work: 0, lockWait: 0, lockHold: 0, clear: 0, pageFault: 0, free: 0 },
    analytic: {
      boundAllocsPerSec: 0,
      coreBoundAllocsPerSec: 0,
      lockBoundAllocsPerSec: null,
      bandwidthBoundAllocsPerSec: null,
      mvaAllocsPerSec: null,
      mvaExact: false,
      model: 'none',
      note: '',
      ...analytic,
    },
    events: 0,
    ...(vary === undefined ? {} : { vary }),
  };
}

function results(points: Point[], totalClearGBps = 60): Results {
  const scenario = { machine: { memory: { totalClearGBps } } } as unknown as Scenario;
  return { tool: { name: 'zerosim', version: '0' }, scenario, points };
}

// peak 57.2 k at 32 cores; 0.9 × 57.2 k = 51.48 k is first reached at 16 cores (55 k).
// efficiency X(N)/(N·X(1)): 8 → 50/80 = 0.625, 16 → 55/160 = 0.34375.
const CORES = [1, 2, 4, 8, 16, 32, 64];
const X = [10e3, 19e3, 36e3, 50e3, 55e3, 57.2e3, 56e3];
const bounds = { lockBoundAllocsPerSec: 80e3, bandwidthBoundAllocsPerSec: 200e3 };
const curve = (policy = 'a', vary?: Point['vary']) =>
  CORES.map((n, i) => point(policy, n, X[i], bounds, vary)).reverse();

describe('coresFor90PctOfPeak', () => {
  it('finds the smallest core count within 90% of the peak, from unsorted input', () => {
    expect(coresFor90PctOfPeak(curve())).toEqual({ cores: 16, peakAllocsPerSec: 57.2e3, peakCores: 32 });
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
      cores90: { cores: 1, peakAllocsPerSec: 10, peakCores: 1 },
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

describe('formatCapacity', () => {
  it('writes one plain line per answer with units', () => {
    const r = results([...curve('go1.1-after-unlock'), point('b', 2, 20), point('b', 4, 30)]);
    expect(formatCapacity(capacityAnswers(r, { targetAllocsPerSec: 100e3 }))).toEqual([
      'go1.1-after-unlock: reaches 90% of its peak (57.2 k allocs/s at 32 cores) at 16 cores; ' +
        'parallel efficiency falls below 50% at 16 cores (34%); ' +
        'target 100 k allocs/s is not reached (at most 57.2 k allocs/s at 32 cores); ' +
        'at 64 cores its bandwidth bound needs 30 GB/s of clear bandwidth; ' +
        'more bandwidth cannot reach it: the lock caps at 80 k allocs/s.',
      'b: reaches 90% of its peak (30 allocs/s at 4 cores) at 4 cores; ' +
        'parallel efficiency (relative to 2 cores, no 1-core point) stays at or above 50% at every simulated core count; ' +
        'target 100 k allocs/s is not reached (at most 30 allocs/s at 4 cores); ' +
        'nothing goes through the clear bandwidth at 4 cores, so bandwidth does not limit it.',
    ]);
  });

  it('labels what-if curves and reports a reached target', () => {
    const r = results(curve('a', { 'machine.memory.totalClearGBps': 120 }));
    const [line] = formatCapacity(capacityAnswers(r, { targetAllocsPerSec: 40e3 }));
    expect(line).toContain('a [machine.memory.totalClearGBps=120]: ');
    expect(line).toContain('target 40 k allocs/s is reached at 8 cores (≈5.14 interpolated); at 8 cores');
  });

  it('compacts numbers to 3 significant digits with k/M/G suffixes', () => {
    expect([0, 980, 999.6, 12345, 57_200, 1.5e6, 2.346e9].map(compactNumber)).toEqual([
      '0',
      '980',
      '1 k',
      '12.3 k',
      '57.2 k',
      '1.5 M',
      '2.35 G',
    ]);
  });
});
