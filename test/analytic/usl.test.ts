// The USL fit recovers known (λ, σ, κ) from synthetic curves, exact and with seeded ±1% noise.

import { describe, expect, it } from 'vitest';
import { fitUsl, type UslPoint, uslThroughput } from '../../sim/analytic/usl.js';
import { relErr } from './fixtures.js';

const CORES = [1, 2, 4, 8, 16, 32, 64, 128];
const LAMBDA = 50_000;
const SEED = 20120523;

// tol1pct: p99 of the fit's error over seeds 1..2000 at ±1% noise (unweighted). 2% on σ is out of
// reach there: σ = 0.01 moves X(2) by 0.5%, inside the noise. At ±0.1% every p99 is below 2%.
const regimes = [
  { name: 'contention and coherency', sigma: 0.05, kappa: 0.0002, tol1pct: { sigma: 0.06, kappa: 0.08 } },
  { name: 'contention only (Amdahl)', sigma: 0.2, kappa: 0, tol1pct: { sigma: 0.03, kappa: 5e-5 } },
  { name: 'coherency-dominated', sigma: 0.01, kappa: 0.001, tol1pct: { sigma: 0.2, kappa: 0.03 } },
];

/** Numerical Recipes LCG on 32 bits; uniform in [0, 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function curve(sigma: number, kappa: number, noise = 0, seed = SEED, cores = CORES): UslPoint[] {
  const u = lcg(seed);
  return cores.map((n) => ({
    cores: n,
    allocsPerSec: uslThroughput(n, { lambda: LAMBDA, sigma, kappa }) * (1 + noise * (2 * u() - 1)),
  }));
}

/** relative error, or absolute error when the true value is 0 */
function err(got: number, want: number): number {
  return want === 0 ? Math.abs(got) : relErr(got, want);
}

describe('fitUsl on exact data', () => {
  for (const { name, sigma, kappa } of regimes) {
    it(`recovers σ=${sigma}, κ=${kappa} (${name}) to 1e-6`, () => {
      const fit = fitUsl(curve(sigma, kappa));
      expect(err(fit.sigma, sigma)).toBeLessThan(1e-6);
      expect(err(fit.kappa, kappa)).toBeLessThan(kappa === 0 ? 1e-12 : 1e-6);
      expect(relErr(fit.lambda, LAMBDA)).toBeLessThan(1e-6);
      expect(fit.r2).toBeGreaterThan(1 - 1e-12);
      expect(fit.fitted).toEqual(['lambda', 'sigma', 'kappa']);
    });
  }

  it('recovers λ without a 1-core point', () => {
    const fit = fitUsl(curve(0.05, 0.0002, 0, SEED, CORES.slice(1)));
    expect(relErr(fit.lambda, LAMBDA)).toBeLessThan(1e-6);
    expect(relErr(fit.sigma, 0.05)).toBeLessThan(1e-6);
    expect(relErr(fit.kappa, 0.0002)).toBeLessThan(1e-6);
  });
});

describe('fitUsl with seeded multiplicative noise', () => {
  for (const { name, sigma, kappa, tol1pct } of regimes) {
    // κ = 0 has no relative error: the absolute bound 1e-5 is 5% of the smallest non-zero κ here
    it(`±0.1%: σ=${sigma}, κ=${kappa} (${name}) within 2% (seed ${SEED})`, () => {
      const fit = fitUsl(curve(sigma, kappa, 0.001));
      expect(err(fit.sigma, sigma)).toBeLessThan(0.02);
      expect(err(fit.kappa, kappa)).toBeLessThan(kappa === 0 ? 1e-5 : 0.02);
      expect(fit.r2).toBeGreaterThan(0.9999);
    });

    it(`±1%: σ=${sigma}, κ=${kappa} (${name}) within ${tol1pct.sigma}, ${tol1pct.kappa} (seed ${SEED})`, () => {
      const fit = fitUsl(curve(sigma, kappa, 0.01));
      expect(err(fit.sigma, sigma)).toBeLessThan(tol1pct.sigma);
      expect(err(fit.kappa, kappa)).toBeLessThan(tol1pct.kappa);
      expect(fit.r2).toBeGreaterThan(0.99);
    });

    it(`±1%: weighted 1/X² t(0.975, 5) intervals cover σ=${sigma}, κ=${kappa}, λ (seed ${SEED})`, () => {
      // multiplicative noise has sd ∝ X: weights 1/X² make the residuals homoscedastic, and over
      // seeds 1..2000 these intervals cover σ in 94% of fits (unweighted: 87%)
      const points = curve(sigma, kappa, 0.01).map((p) => ({ ...p, weight: 1 / p.allocsPerSec ** 2 }));
      const ci = fitUsl(points, { tQuantile: () => 2.5706 }).ci95!;
      for (const [interval, truth] of [
        [ci.sigma, sigma],
        [ci.kappa, kappa],
        [ci.lambda, LAMBDA],
      ] as const) {
        expect(interval[0]).toBeLessThanOrEqual(truth);
        expect(interval[1]).toBeGreaterThanOrEqual(truth);
      }
    });
  }
});

describe('peak', () => {
  it('N* = sqrt((1 − σ)/κ) and X(N*) is the maximum', () => {
    const fit = fitUsl(curve(0.05, 0.0002));
    // dX/dN = 0 ⇔ 1 − σ − κN² = 0 ⇒ N* = sqrt(0.95 / 0.0002) = 68.92
    expect(fit.peakCores).toBeCloseTo(Math.sqrt(0.95 / 0.0002), 4);
    expect(fit.peakAllocsPerSec).toBeCloseTo(uslThroughput(fit.peakCores!, fit), 6);
    for (const n of [fit.peakCores! - 1, fit.peakCores! + 1])
      expect(uslThroughput(n, fit)).toBeLessThan(fit.peakAllocsPerSec!);
  });

  it('is null when κ = 0 (the curve rises forever)', () => {
    const fit = fitUsl(curve(0.2, 0));
    expect(fit.peakCores).toBeNull();
    expect(fit.peakAllocsPerSec).toBeNull();
  });
});

describe('confidence intervals', () => {
  it('use the injected t quantile with df = n − 3', () => {
    const dfs: number[] = [];
    const narrow = fitUsl(curve(0.05, 0.0002, 0.01), { tQuantile: () => 1 });
    const wide = fitUsl(curve(0.05, 0.0002, 0.01), {
      tQuantile: (df) => {
        dfs.push(df);
        return 2;
      },
    });
    expect(dfs).toEqual([5]);
    const width = (i: [number, number]) => i[1] - i[0];
    expect(width(wide.ci95!.sigma)).toBeCloseTo(2 * width(narrow.ci95!.sigma), 12);
  });

  it('are null with n ≤ 3', () => {
    expect(fitUsl(curve(0.05, 0.0002, 0, SEED, [1, 8, 64])).ci95).toBeNull();
  });
});

describe('degenerate inputs', () => {
  it('one core count fits λ only', () => {
    const fit = fitUsl([{ cores: 4, allocsPerSec: 800 }]);
    expect(fit).toMatchObject({ lambda: 200, sigma: 0, kappa: 0, fitted: ['lambda'], ci95: null });
    expect(fit.r2).toBeNull();
  });

  it('two core counts fit λ and σ exactly (κ = 0)', () => {
    // X(1) = 100, X(2) = 2·100 / (1 + σ) = 160 ⇒ σ = 0.25
    const fit = fitUsl([
      { cores: 1, allocsPerSec: 100 },
      { cores: 2, allocsPerSec: 160 },
    ]);
    expect(fit.fitted).toEqual(['lambda', 'sigma']);
    expect(fit.lambda).toBeCloseTo(100, 9);
    expect(fit.sigma).toBeCloseTo(0.25, 9);
    expect(fit.kappa).toBe(0);
  });

  it('a flat curve is σ = 1: no peak, r2 undefined', () => {
    const fit = fitUsl(CORES.map((cores) => ({ cores, allocsPerSec: 1234 })));
    expect(fit.lambda).toBeCloseTo(1234, 6);
    expect(fit.sigma).toBeCloseTo(1, 9);
    expect(fit.kappa).toBeCloseTo(0, 12);
    expect(fit.peakCores).toBeNull();
    expect(fit.r2).toBeNull();
  });

  it('a near-zero weight silences an outlier', () => {
    const points = curve(0.05, 0.0002).map((p) =>
      p.cores === 64 ? { ...p, allocsPerSec: 3 * p.allocsPerSec, weight: 1e-12 } : p,
    );
    const fit = fitUsl(points);
    expect(relErr(fit.sigma, 0.05)).toBeLessThan(1e-4);
    expect(relErr(fit.kappa, 0.0002)).toBeLessThan(1e-4);
  });

  it('rejects empty input and non-positive values', () => {
    expect(() => fitUsl([])).toThrow(RangeError);
    expect(() => fitUsl([{ cores: 1, allocsPerSec: 0 }])).toThrow(RangeError);
    expect(() => fitUsl([{ cores: 0, allocsPerSec: 1 }])).toThrow(RangeError);
    expect(() => fitUsl([{ cores: 1, allocsPerSec: 1, weight: -1 }])).toThrow(RangeError);
  });
});
