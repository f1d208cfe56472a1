/**
 * USL fits are drawn only where they describe their curve; a bound-limited curve gets the knee of
 * operational analysis instead. On the default run every curve is bound-limited: go1.0 is flat on
 * its lock bound, go1.1 rises onto the 60 GB/s bandwidth bound, no-zero onto its lock bound, and
 * the USL invents a peak for no-zero (817 k allocs/s fitted against 746 k simulated).
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../reports/charts/index.js';
import { drawnFits } from '../../reports/charts/usl-layer.js';
import { judgeUsl, kneeCores } from '../../reports/usl-judge.js';
import { fixture } from './helpers.js';

const run = fixture('default-run');

describe('judgeUsl', () => {
  it('refuses the default run fits: low R², or a peak the data does not have', () => {
    const verdicts = Object.fromEntries(Object.values(run.usl!).map((u) => [u.policy, judgeUsl(run, u)]));
    expect(verdicts['go1.1-after-unlock']).toMatchObject({ describes: false, why: 'R² 0.86 < 0.98' });
    expect(verdicts['no-zero']).toMatchObject({
      describes: false,
      why: 'its peak is 9% off the simulated peak',
    });
    expect(drawnFits(run).size).toBe(0);
    expect(JSON.stringify(CHARTS.throughput.build(run))).not.toContain('USL fit');
  });

  it('gives the knee N* = (Z + D) / D_max from the bounds of the largest point', () => {
    // go1.1 at 64 cores: Z + D = 64 / core bound; D_max = 1 / bandwidth bound
    const p = run.points.find((q) => q.policy === 'go1.1-after-unlock' && q.cores === 64)!;
    const knee = kneeCores(p)!;
    expect(knee.bound).toBe('bandwidth');
    expect(knee.cores).toBeCloseTo(
      (64 / p.analytic.coreBoundAllocsPerSec) * p.analytic.bandwidthBoundAllocsPerSec!,
      9,
    );
    expect(knee.cores).toBeGreaterThan(3);
    expect(knee.cores).toBeLessThan(3.3); // 3.17
    const note = CHARTS.throughput.note!(run)!;
    expect(note).toContain('No USL fit is drawn where it does not describe the curve');
    expect(note).toContain('go1.1-after-unlock: R² 0.86 < 0.98, knee 3.2 cores (bandwidth)');
    expect(note).toContain('no-zero: its peak is 9% off the simulated peak, knee 15.6 cores (lock)');
  });

  it('draws a fit that describes its curve', () => {
    const fit = { ...run.usl!['no-zero'], r2: 0.995, peakCores: 120, peakAllocsPerSec: 9e5 };
    const results = { ...run, usl: { ...run.usl, 'no-zero': fit } };
    expect(judgeUsl(results, fit)).toEqual({ describes: true });
    expect([...drawnFits(results).keys()]).toEqual(['no-zero']);
  });
});
