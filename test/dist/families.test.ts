// Statistical tests of the distribution samplers: closed-form moments, fixed seeds, CLT-derived tolerances.

import { describe, expect, it } from 'vitest';
import {
  describeDist,
  distMean,
  distributions,
  makeSampler,
  scaleDist,
  standardNormal,
} from '../../sim/dist/index.js';
import type { Rng } from '../../sim/engine/random/rng.js';
import { makeRng, Xoshiro128ss } from '../../sim/engine/random/rng.js';
import type { DistName, DistSpec } from '../../sim/types/index.js';

const N_SAMPLES = 200_000;
/** Tolerances are this many standard errors: a false failure has probability below 1e-6 per check. */
const Z = 5;

interface Moments {
  mean: number;
  variance: number;
}

function sampleMoments(draw: () => number, n: number): Moments {
  // Welford's update, so a large mean does not cancel the variance.
  let mean = 0;
  let m2 = 0;
  for (let i = 1; i <= n; i++) {
    const x = draw();
    const delta = x - mean;
    mean += delta / i;
    m2 += delta * (x - mean);
  }
  return { mean, variance: m2 / (n - 1) };
}

/** An Rng that counts the uniforms drawn from it. */
function counting(rng: Rng): Rng & { count: number } {
  const counter = {
    count: 0,
    next() {
      counter.count++;
      return rng.next();
    },
  };
  return counter;
}

/** μ4/σ⁴ of a discrete distribution, for the standard error of its sample variance. */
function discreteKurtosis(values: number[], weights: number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  const p = weights.map((w) => w / total);
  const mean = values.reduce((s, v, i) => s + p[i] * v, 0);
  const m2 = values.reduce((s, v, i) => s + p[i] * (v - mean) ** 2, 0);
  const m4 = values.reduce((s, v, i) => s + p[i] * (v - mean) ** 4, 0);
  return m4 / (m2 * m2);
}

const lognormalKurtosis = (s: number) =>
  Math.exp(4 * s * s) + 2 * Math.exp(3 * s * s) + 3 * Math.exp(2 * s * s) - 3;

const SIZE_MIX = { values: [512, 4096, 65536, 16777216, 7], weights: [5, 3, 1, 1, 0] };

// Each case: a spec, its fixed seed, its exact moments (derived in the comment) and its kurtosis
// κ = μ4/σ⁴. The mean is checked to Z·sqrt(σ²/n) (CLT); the sample variance to a relative
// Z·sqrt((κ − 1)/n), since Var(s²) ≈ σ⁴(κ − 1)/n.
const CASES: { spec: DistSpec; seed: number; mean: number; variance: number; kurtosis: number }[] = [
  // Exponential mean 20000: variance mean² = 4e8; κ = 9 → variance tolerance 5·sqrt(8/2e5) = 3.2%.
  { spec: { dist: 'exponential', mean: 20000 }, seed: 101, mean: 20000, variance: 4e8, kurtosis: 9 },
  // Uniform on [100, 900]: mean 500, variance 800²/12; κ = 9/5 → tolerance 5·sqrt(0.8/2e5) = 1.0%.
  {
    spec: { dist: 'uniform', min: 100, max: 900 },
    seed: 102,
    mean: 500,
    variance: 640000 / 12,
    kurtosis: 1.8,
  },
  // Lognormal median 1000, sigma 0.5: mean 1000·e^{0.125}, variance (e^{0.25} − 1)·1000²·e^{0.25};
  // κ = e^1 + 2e^{0.75} + 3e^{0.5} − 3 ≈ 8.90 → tolerance 5·sqrt(7.9/2e5) ≈ 3.1%.
  {
    spec: { dist: 'lognormal', median: 1000, sigma: 0.5 },
    seed: 103,
    mean: 1000 * Math.exp(0.125),
    variance: (Math.exp(0.25) - 1) * 1e6 * Math.exp(0.25),
    kurtosis: lognormalKurtosis(0.5),
  },
  // Empirical size mix, weights 5:3:1:1:0 over 10: mean Σ p·v, variance Σ p·(v − mean)² (hand-checked:
  // mean = (5·512 + 3·4096 + 65536 + 16777216)/10 = 1685760).
  {
    spec: { dist: 'empirical', ...SIZE_MIX },
    seed: 104,
    mean: 1685760,
    variance:
      0.5 * (512 - 1685760) ** 2 +
      0.3 * (4096 - 1685760) ** 2 +
      0.1 * (65536 - 1685760) ** 2 +
      0.1 * (16777216 - 1685760) ** 2,
    kurtosis: discreteKurtosis(SIZE_MIX.values, SIZE_MIX.weights),
  },
];

describe('distribution registry', () => {
  it('has one entry per DistName, each named for its key', () => {
    const names: DistName[] = ['fixed', 'exponential', 'uniform', 'lognormal', 'empirical'];
    expect(Object.keys(distributions).sort()).toEqual([...names].sort());
    for (const name of names) expect(distributions[name].name).toBe(name);
  });

  it('describes specs for reports', () => {
    expect(describeDist({ dist: 'fixed', value: 700 })).toBe('fixed 700');
    expect(describeDist({ dist: 'exponential', mean: 20000 })).toBe('exponential, mean 20000');
    expect(describeDist({ dist: 'uniform', min: 0.1, max: 0.2 + 0.1 })).toBe('uniform on [0.1, 0.3]');
    expect(describeDist({ dist: 'lognormal', median: 4096, sigma: 1.5 })).toBe(
      'lognormal, median 4096, sigma 1.5',
    );
    expect(describeDist({ dist: 'empirical', values: [1, 2], weights: [1, 3] })).toBe(
      'empirical: 1 (25%), 2 (75%)',
    );
    expect(describeDist({ dist: 'empirical', values: [1, 2, 3, 4, 5], weights: [1, 1, 1, 1, 1] })).toBe(
      'empirical over 5 values, mean 3',
    );
  });
});

describe('family means and scaling', () => {
  const specs: DistSpec[] = [{ dist: 'fixed', value: 700 }, ...CASES.map((c) => c.spec)];

  it.each(specs)('$dist: the mean is the sampler’s, to the last bit', (spec) => {
    expect(distMean(spec)).toBe(makeSampler(spec).mean);
  });

  it.each(specs)('$dist: scaling by f scales the mean by f', (spec) => {
    expect(distMean(scaleDist(spec, 1.5)) / distMean(spec)).toBeCloseTo(1.5, 12);
    expect(scaleDist(spec, 1.5).dist).toBe(spec.dist);
  });

  it('keeps the shape parameters: lognormal sigma, empirical weights', () => {
    expect(scaleDist({ dist: 'lognormal', median: 1000, sigma: 0.5 }, 2)).toEqual({
      dist: 'lognormal',
      median: 2000,
      sigma: 0.5,
    });
    expect(scaleDist({ dist: 'empirical', values: [1, 2], weights: [1, 3] }, 0.5)).toEqual({
      dist: 'empirical',
      values: [0.5, 1],
      weights: [1, 3],
    });
  });
});

describe('family checks', () => {
  it('uniform: max below min, reported at max', () => {
    expect(distributions.uniform.check?.({ dist: 'uniform', min: 10, max: 5 })).toEqual({
      key: 'max',
      input: 5,
      what: 'max 5 is below min 10',
      expected: 'max >= min',
    });
    expect(distributions.uniform.check?.({ dist: 'uniform', min: 5, max: 5 })).toBeUndefined();
  });

  it('empirical: one weight per value and a positive sum, empty lists left to the list rule', () => {
    const check = (values: number[], weights: number[]) =>
      distributions.empirical.check?.({ dist: 'empirical', values, weights })?.what;
    expect(check([1, 2, 3], [1, 1])).toBe('2 weights for 3 values');
    expect(check([1, 2], [0, 0])).toBe('the weights sum to 0');
    expect(check([], [])).toBeUndefined();
    expect(check([1, 2], [0, 1])).toBeUndefined();
  });
});

describe('fixed', () => {
  it('always returns its value, with variance 0 and no draws', () => {
    const sampler = makeSampler({ dist: 'fixed', value: 700 });
    const rng = counting(new Xoshiro128ss(1));
    for (let i = 0; i < 100; i++) expect(sampler.sample(rng)).toBe(700);
    expect(rng.count).toBe(0);
    expect([sampler.mean, sampler.variance, sampler.drawsPerSample]).toEqual([700, 0, 0]);
  });
});

describe.each(CASES)('$spec.dist (seed $seed)', ({ spec, seed, mean, variance, kurtosis }) => {
  const sampler = makeSampler(spec);

  it('reports its exact closed-form mean and variance', () => {
    expect(sampler.mean).toBeCloseTo(mean, 6);
    expect(sampler.variance / variance).toBeCloseTo(1, 12);
  });

  it(`matches them over ${N_SAMPLES} samples within ${Z} standard errors`, () => {
    const rng = new Xoshiro128ss(seed);
    const got = sampleMoments(() => sampler.sample(rng), N_SAMPLES);
    const meanTolerance = Z * Math.sqrt(variance / N_SAMPLES);
    const varianceRelTolerance = Z * Math.sqrt((kurtosis - 1) / N_SAMPLES);
    expect(Math.abs(got.mean - mean), `seed ${seed}, mean tolerance ${meanTolerance}`).toBeLessThan(
      meanTolerance,
    );
    expect(
      Math.abs(got.variance / variance - 1),
      `seed ${seed}, variance relative tolerance ${varianceRelTolerance}`,
    ).toBeLessThan(varianceRelTolerance);
  });

  it('consumes exactly drawsPerSample uniforms per sample (common random numbers)', () => {
    const rng = counting(new Xoshiro128ss(seed));
    for (let i = 1; i <= 1000; i++) {
      sampler.sample(rng);
      expect(rng.count).toBe(i * sampler.drawsPerSample);
    }
  });

  it('is deterministic for a seed', () => {
    const a = makeRng(seed, 1);
    const b = makeRng(seed, 1);
    for (let i = 0; i < 100; i++) expect(sampler.sample(a)).toBe(sampler.sample(b));
  });
});

describe('exponential', () => {
  it('is finite and non-negative even when the uniform is 0', () => {
    const sampler = makeSampler({ dist: 'exponential', mean: 5 });
    expect(sampler.sample({ next: () => 0 })).toBe(0); // +0, not -0
    const nearOne = sampler.sample({ next: () => 1 - 2 ** -53 });
    expect(nearOne).toBeCloseTo(5 * 53 * Math.LN2, 9);
  });
});

describe('uniform', () => {
  it('stays within [min, max] (seed 201, 200k samples)', () => {
    const sampler = makeSampler({ dist: 'uniform', min: -3, max: 7 });
    const rng = new Xoshiro128ss(201);
    for (let i = 0; i < N_SAMPLES; i++) {
      const x = sampler.sample(rng);
      if (x < -3 || x > 7) expect.fail(`sample ${x} outside [-3, 7] at draw ${i}, seed 201`);
    }
  });

  it('fills 10 equal bins evenly (seed 202, chi-square with 9 df below its 99.9% point 27.88)', () => {
    const sampler = makeSampler({ dist: 'uniform', min: 0, max: 1 });
    const rng = new Xoshiro128ss(202);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < N_SAMPLES; i++) counts[Math.floor(sampler.sample(rng) * 10)]++;
    const expected = N_SAMPLES / 10;
    const chiSquare = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chiSquare, `seed 202, counts ${counts}`).toBeLessThan(27.88);
  });
});

describe('lognormal', () => {
  it('has the stated median: half the samples fall below it (seed 301, within 5·sqrt(0.25/n))', () => {
    const sampler = makeSampler({ dist: 'lognormal', median: 4096, sigma: 1.5 });
    const rng = new Xoshiro128ss(301);
    let below = 0;
    for (let i = 0; i < N_SAMPLES; i++) if (sampler.sample(rng) < 4096) below++;
    expect(Math.abs(below / N_SAMPLES - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / N_SAMPLES));
  });

  it('draws a standard normal with 95% inside ±1.959964 (seed 302)', () => {
    // Mean 0 ± 5/sqrt(n); variance 1 ± 5·sqrt(2/n) (normal κ = 3); coverage 0.95 ± 5·sqrt(0.95·0.05/n).
    const rng = new Xoshiro128ss(302);
    let inside = 0;
    const got = sampleMoments(() => {
      const z = standardNormal(rng);
      if (Math.abs(z) < 1.959964) inside++;
      return z;
    }, N_SAMPLES);
    expect(Math.abs(got.mean)).toBeLessThan(5 / Math.sqrt(N_SAMPLES));
    expect(Math.abs(got.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N_SAMPLES));
    expect(Math.abs(inside / N_SAMPLES - 0.95)).toBeLessThan(5 * Math.sqrt((0.95 * 0.05) / N_SAMPLES));
  });
});

describe('empirical', () => {
  it('matches its weights (seed 401, chi-square with 3 df below its 99.9% point 16.27) and never draws weight 0', () => {
    const sampler = makeSampler({ dist: 'empirical', ...SIZE_MIX });
    const rng = new Xoshiro128ss(401);
    const counts = new Map<number, number>();
    for (let i = 0; i < N_SAMPLES; i++) {
      const x = sampler.sample(rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect(counts.has(7)).toBe(false);
    let chiSquare = 0;
    SIZE_MIX.values.forEach((value, i) => {
      const expected = (N_SAMPLES * SIZE_MIX.weights[i]) / 10;
      if (expected > 0) chiSquare += ((counts.get(value) ?? 0) - expected) ** 2 / expected;
    });
    expect(chiSquare, `seed 401, counts ${[...counts]}`).toBeLessThan(16.27);
  });

  it('maps the uniform onto the cumulative table at its edges, skipping zero weights', () => {
    // weights 0, 1, 0, 1, 0 → cumulative 0, 0.5, 0.5, 1, 1.
    const sampler = makeSampler({
      dist: 'empirical',
      values: [10, 20, 30, 40, 50],
      weights: [0, 1, 0, 1, 0],
    });
    expect(sampler.sample({ next: () => 0 })).toBe(20);
    expect(sampler.sample({ next: () => 0.5 - 2 ** -53 })).toBe(20);
    expect(sampler.sample({ next: () => 0.5 })).toBe(40);
    expect(sampler.sample({ next: () => 1 - 2 ** -53 })).toBe(40);
    expect([sampler.mean, sampler.variance]).toEqual([30, 100]);
  });

  it('handles a single value', () => {
    const sampler = makeSampler({ dist: 'empirical', values: [64], weights: [3] });
    expect(sampler.sample(new Xoshiro128ss(1))).toBe(64);
    expect([sampler.mean, sampler.variance]).toEqual([64, 0]);
  });

  it('throws on mismatched lengths, no values, or weights that do not sum to a positive number', () => {
    expect(() => makeSampler({ dist: 'empirical', values: [1, 2], weights: [1] })).toThrow(
      /2 values but 1 weights/,
    );
    expect(() => makeSampler({ dist: 'empirical', values: [], weights: [] })).toThrow(RangeError);
    expect(() => makeSampler({ dist: 'empirical', values: [1], weights: [0] })).toThrow(RangeError);
    expect(() => makeSampler({ dist: 'empirical', values: [1, 2], weights: [1, -1] })).toThrow(RangeError);
  });
});
