/**
 * Key findings are computed from the numbers: saturation core counts, the bound a point sits on,
 * best/worst ratios of the safe policies and the unsafe floor, identical curves and MVA agreement,
 * each checked against values worked out here from the inputs.
 */
import { describe, expect, it } from 'vitest';
import { keyFindings, saturationCores } from '../../reports/findings.js';
import { identicalCurves } from '../../reports/points.js';
import { capacityAnswers, coresFor90PctOfPeak } from '../../sim/experiment/capacity.js';
import type { Point, Results } from '../../sim/types/index.js';
import { fixture } from './helpers.js';

// the fixture predates capacity answers: give it the ones `run` computes, which findings read
const results: Results = { ...fixture('results'), capacity: capacityAnswers(fixture('results')) };
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
  /** saturationCores by the capacity answer the results would carry for the curve */
  const saturation = (points: Point[]) => saturationCores(points, coresFor90PctOfPeak(points));

  it('is the first core count reaching 90% of the peak, as the capacity answer has it', () => {
    // peak 100 at 16 cores; 90 is first reached at 8 cores (95)
    expect(saturation(curve([10, 20, 40, 95, 100, 100, 100]))).toBe(8);
  });

  it('does not call a pause saturation when the curve climbs on to its peak', () => {
    // cores 1..32: 50 → 51 after 4 cores, then on to 100 at 32: 90% of the peak only at the last point
    expect(saturation(curve([10, 20, 50, 51, 80, 100]))).toBeNull();
  });

  it('is null while the curve still grows at the largest core count', () => {
    expect(saturation(curve([10, 20, 40, 80, 160]))).toBeNull();
  });

  it('finds a peak before the end followed by a decline', () => {
    expect(saturation(curve([10, 20, 40, 30, 20]))).toBe(4);
  });

  it('matches the fixture: under-lock saturates at 8 cores, after-unlock at 32, the others not at all', () => {
    const byPolicy = (name: string) =>
      results.points.filter((p) => p.policy === name).sort((a, b) => a.cores - b.cores);
    expect(saturation(byPolicy('go1.0-under-lock'))).toBe(8);
    expect(saturation(byPolicy('go1.1-after-unlock'))).toBe(32);
    expect(saturation(byPolicy('exact-dirty'))).toBeNull();
    expect(saturation(byPolicy('no-zero'))).toBeNull();
  });
});

describe('keyFindings on the fixture', () => {
  const findings = keyFindings(results);
  const text = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.text);
  const at64 = (policy: string) => results.points.find((p) => p.policy === policy && p.cores === 64)!;

  it('compares the best and worst safe policy at the largest core count, then the unsafe floor', () => {
    const best = at64('exact-dirty').allocsPerSec.mean;
    const worst = at64('go1.0-under-lock').allocsPerSec.mean;
    const ratio = (best / worst).toFixed(1);
    const seed = (at64('go1.1-after-unlock').allocsPerSec.mean / worst).toFixed(1);
    expect(ratio).toBe('9.2');
    expect(findings[0].kind).toBe('ratio');
    expect(text('ratio')).toEqual([
      `At 64 cores exact-dirty delivers ${ratio}× the throughput of go1.0-under-lock (175 k against 19 k allocs/s); ` +
        `go1.1-after-unlock ${seed}×.`,
    ]);
    const floor = (at64('no-zero').allocsPerSec.mean / best).toFixed(1);
    expect(findings[1].kind).toBe('floor');
    expect(text('floor')).toEqual([
      `no-zero, which never clears, is the unsafe floor at 308 k allocs/s at 64 cores (${floor}× exact-dirty): ` +
        'the gap is what clearing costs.',
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

  it('names the core count the capacity answers carry, and nothing without them', () => {
    const moved: Results = {
      ...results,
      capacity: results.capacity!.map((a) =>
        a.policy === 'go1.0-under-lock' ? { ...a, cores90: { ...a.cores90, cores: 16 } } : a,
      ),
    };
    expect(keyFindings(moved).find((f) => f.kind === 'saturation')?.text).toMatch(
      /^go1\.0-under-lock saturates at 16 cores,/,
    );
    const none = keyFindings(fixture('results'));
    expect(none.some((f) => f.kind === 'saturation' || f.kind === 'scaling')).toBe(false);
    expect(none.map((f) => f.kind)).toEqual(['ratio', 'floor', 'time', 'mva']);
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

describe('keyFindings on a current default run', () => {
  const run = fixture('default-run');
  const findings = keyFindings(run);
  const text = (kind: string) => findings.filter((f) => f.kind === kind).map((f) => f.text);

  it('leads with the safe policies and gives no-zero, which never clears, as the unsafe floor after them', () => {
    expect(findings.map((f) => f.kind).slice(0, 3)).toEqual(['ratio', 'floor', 'identical']);
    expect(findings[0].text).toBe(
      'At 64 cores go1.1-after-unlock delivers 6.0× the throughput of go1.0-under-lock (7.16 k against 1.19 k allocs/s); exact-dirty 6.0×.',
    );
    expect(findings[0].text).not.toContain('no-zero');
    expect(findings[1].text).toBe(
      'no-zero, which never clears, is the unsafe floor at 746 k allocs/s at 64 cores (104.3× go1.1-after-unlock): ' +
        'the gap is what clearing costs.',
    );
  });

  it('says which policies give identical curves, and how the charts draw them', () => {
    expect(text('identical')).toEqual([
      'go1.1-after-unlock and exact-dirty give identical results here (their curves overlap): 2.28 k to 7.16 k allocs/s ' +
        'from 1 to 64 cores; in the charts exact-dirty hides go1.1-after-unlock, and the throughput chart draws it dashed.',
    ]);
  });

  it('calls a curve flat from its first core count on, and describes identical curves together', () => {
    expect(text('saturation')).toEqual([
      'go1.0-under-lock is flat from 1 core on, at its lock bound of 1.19 k allocs/s (100% of it at 64 cores).',
      'go1.1-after-unlock and exact-dirty saturate at 4 cores, at their bandwidth bound of 7.16 k allocs/s (100% of it at 64 cores).',
      'no-zero saturates at 32 cores, at its lock bound of 746 k allocs/s (100% of it at 64 cores).',
    ]);
    expect(text('time')[0]).toContain(
      'go1.1-after-unlock and exact-dirty cores spend 100% of their time clearing memory after unlock',
    );
  });

  it('finds the unsafe policy by its zeroAt, not by its name', () => {
    const renamed = (r: Results, from: string, to: string): Results =>
      JSON.parse(JSON.stringify(r).replaceAll(`"${from}"`, `"${to}"`));
    // the never-clearing policy under another name is still the floor
    const other = keyFindings(renamed(run, 'no-zero', 'skip-it'));
    expect(other.find((f) => f.kind === 'floor')?.text).toMatch(
      /^skip-it, which never clears, is the unsafe floor/,
    );
    // a policy called no-zero that does clear is compared with the safe ones
    const clears: Results = {
      ...run,
      scenario: {
        ...run.scenario,
        policies: run.scenario.policies.map((p) =>
          p.name === 'no-zero' ? { ...p, zeroAt: 'after-unlock' } : p,
        ),
      },
    };
    const safe = keyFindings(clears);
    expect(safe.some((f) => f.kind === 'floor')).toBe(false);
    expect(safe[0].text).toMatch(
      /^At 64 cores no-zero delivers 627\.\d× the throughput of go1\.0-under-lock/,
    );
  });

  it('compares all policies when none clears, and says nothing of a floor without a safe policy', () => {
    const never: Results = {
      ...run,
      scenario: { ...run.scenario, policies: run.scenario.policies.map((p) => ({ ...p, zeroAt: 'never' })) },
    };
    const all = keyFindings(never);
    expect(all[0].text).toMatch(/^At 64 cores no-zero delivers 627\.\d× the throughput of go1\.0-under-lock/);
    expect(all.some((f) => f.kind === 'floor')).toBe(false);
  });
});

describe('identicalCurves', () => {
  const run = fixture('default-run');

  it('groups policies whose every mean agrees within 1e-9 relative at the same core counts', () => {
    expect(identicalCurves(run)).toEqual([['go1.1-after-unlock', 'exact-dirty']]);
    expect(identicalCurves(results)).toEqual([]);
  });

  it('tells apart curves that differ by more than 1e-9 relative, or at other core counts', () => {
    const nudge = (factor: number): Results => ({
      ...run,
      points: run.points.map((p) =>
        p.policy === 'exact-dirty' && p.cores === 8
          ? { ...p, allocsPerSec: { ...p.allocsPerSec, mean: p.allocsPerSec.mean * factor } }
          : p,
      ),
    });
    expect(identicalCurves(nudge(1 + 1e-12))).toHaveLength(1);
    expect(identicalCurves(nudge(1 + 1e-6))).toEqual([]);
    const fewer: Results = {
      ...run,
      points: run.points.filter((p) => !(p.policy === 'exact-dirty' && p.cores === 64)),
    };
    expect(identicalCurves(fewer)).toEqual([]);
  });
});
