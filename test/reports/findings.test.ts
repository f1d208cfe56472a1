/**
 * Key findings are computed from the numbers: saturation core counts, the bound a point sits on,
 * best/worst ratios and MVA agreement, each checked against values worked out here from the inputs.
 */
import { describe, expect, it } from 'vitest';
import { bindingBound, keyFindings, saturationCores } from '../../reports/findings.js';
import type { Point, Results } from '../../sim/experiment/types.js';
import { fixture } from './helpers.js';

const results = fixture('results');
const template = results.points[0];

/** A point with the given throughput and bounds; everything else from the fixture's first point. */
function point(
  cores: number,
  allocsPerSec: number,
  bounds: { lock?: number | null; bandwidth?: number | null; core?: number } = {},
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

const curve = (xs: number[]) => xs.map((x, i) => point(2 ** i, x));

describe('saturationCores', () => {
  it('is the first core count reaching 90% of the peak', () => {
    // peak 100 at 16 cores; 90 is first reached at 8 cores (95)
    expect(saturationCores(curve([10, 20, 40, 95, 100, 100, 100]))).toBe(8);
  });

  it('is the first core count after which throughput grows by less than 5%, if that comes earlier', () => {
    // cores 1..32: a plateau after 4 cores (50 → 51, +2%) before a later climb to the peak at 32
    expect(saturationCores(curve([10, 20, 50, 51, 80, 100]))).toBe(4);
    // 50 → 53 is +6%: no plateau, and 90% of the peak comes only at the last point
    expect(saturationCores(curve([10, 20, 50, 53, 80, 100]))).toBeNull();
  });

  it('is null while the curve still grows at the largest core count', () => {
    expect(saturationCores(curve([10, 20, 40, 80, 160]))).toBeNull();
  });

  it('finds a peak before the end followed by a decline', () => {
    expect(saturationCores(curve([10, 20, 40, 30, 20]))).toBe(4);
  });

  it('matches the fixture: under-lock saturates at 8 cores, after-unlock at 32, the others not at all', () => {
    const byPolicy = (name: string) =>
      results.points.filter((p) => p.policy === name).sort((a, b) => a.cores - b.cores);
    expect(saturationCores(byPolicy('go1.0-under-lock'))).toBe(8);
    expect(saturationCores(byPolicy('go1.1-after-unlock'))).toBe(32);
    expect(saturationCores(byPolicy('exact-dirty'))).toBeNull();
    expect(saturationCores(byPolicy('no-zero'))).toBeNull();
  });
});

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

describe('keyFindings on the fixture', () => {
  const findings = keyFindings(results);
  const text = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.text);
  const at64 = (policy: string) => results.points.find((p) => p.policy === policy && p.cores === 64)!;

  it('compares the best and worst policy at the largest core count', () => {
    const best = at64('no-zero').allocsPerSec.mean;
    const worst = at64('go1.0-under-lock').allocsPerSec.mean;
    const ratio = (best / worst).toFixed(1);
    const seed = (at64('go1.1-after-unlock').allocsPerSec.mean / worst).toFixed(1);
    expect(ratio).toBe('16.2');
    expect(text('ratio')).toEqual([
      `At 64 cores no-zero delivers ${ratio}× the throughput of go1.0-under-lock (308 k against 19 k allocs/s); ` +
        `exact-dirty 9.2× and go1.1-after-unlock ${seed}×.`,
    ]);
  });

  it('says where each policy saturates and which bound it sits on', () => {
    const lockBound = at64('go1.0-under-lock').analytic.lockBoundAllocsPerSec!;
    const share = at64('go1.0-under-lock').allocsPerSec.mean / lockBound;
    expect(text('saturation')).toEqual([
      `go1.0-under-lock saturates at 8 cores, at its lock bound of 19.1 k allocs/s (${(share * 100).toPrecision(3)}% of it at 64 cores).`,
      'go1.1-after-unlock saturates at 32 cores, at its bandwidth bound of 116 k allocs/s (99% of it at 64 cores).',
    ]);
    expect(lockBound).toBeCloseTo(1e9 / (720 + 1_030_000 / 20 + 220), 0); // 1 / D_lock, D_lock in ns
  });

  it('says which policies still scale, and against which bound', () => {
    expect(text('scaling')).toEqual([
      'exact-dirty is still growing at 64 cores (175 k allocs/s), already at 95.9% of its bandwidth bound of 183 k allocs/s.',
      'no-zero scales almost linearly: at 64 cores (308 k allocs/s) it reaches 97.3% of its core bound N / (Z + D).',
    ]);
  });

  it('explains where the core time goes when a non-work state dominates', () => {
    const wait = at64('go1.0-under-lock').coreTimeShare.lockWait;
    expect(text('time')[0]).toContain(
      `go1.0-under-lock cores spend ${Math.round(wait * 100)}% of their time waiting for the heap lock`,
    );
    expect(text('time')[0]).not.toContain('no-zero');
  });

  it('counts the exact-MVA points that agree within the CI', () => {
    const exact = results.points.filter((p) => p.analytic.mvaExact && p.analytic.mvaAllocsPerSec !== null);
    const within = exact.filter(
      (p) => Math.abs(p.allocsPerSec.mean - p.analytic.mvaAllocsPerSec!) <= p.allocsPerSec.ci95,
    );
    expect(text('mva')[0]).toMatch(
      new RegExp(`within its 95% CI at ${within.length} of ${exact.length} points`),
    );
  });

  it('has nothing to say about an empty study, and no MVA finding without exact MVA', () => {
    expect(keyFindings({ ...results, points: [] })).toEqual([]);
    const noMva: Results = {
      ...results,
      points: results.points.map((p) => ({
        ...p,
        analytic: { ...p.analytic, mvaAllocsPerSec: null, mvaExact: false },
      })),
    };
    expect(keyFindings(noMva).some((f) => f.kind === 'mva')).toBe(false);
  });
});
