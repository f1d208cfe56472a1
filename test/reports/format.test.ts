/** Number formatting for report text: SI prefixes, times, binary sizes, percentages, distributions. */
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatBytesRate,
  formatChange,
  formatCoefficient,
  formatCompactMeanCi,
  formatCount,
  formatDist,
  formatMeanCi,
  formatNs,
  formatParameter,
  formatPct,
  formatPctMeanCi,
  formatSi,
  formatSignedPct,
  formatSignedPctFixed,
  formatTimes,
  formatWholePct,
  joinClauses,
  joinWords,
} from '../../reports/format.js';

describe('format', () => {
  it('formats rates with SI prefixes and three significant digits', () => {
    expect(formatSi(12_345)).toBe('12.3 k');
    expect(formatSi(980)).toBe('980');
    expect(formatSi(999_999)).toBe('1 M');
    expect(formatSi(115_830)).toBe('116 k');
    expect(formatSi(0)).toBe('0');
  });

  it('formats times from ns up to s', () => {
    expect(formatNs(700)).toBe('700 ns');
    expect(formatNs(52_428.8)).toBe('52.4 µs');
    expect(formatNs(1_500_000)).toBe('1.5 ms');
    expect(formatNs(3.4e9)).toBe('3.4 s');
  });

  it('formats sizes in binary units', () => {
    expect(formatBytes(1_048_576)).toBe('1 MiB');
    expect(formatBytes(262_144)).toBe('256 KiB');
    expect(formatBytes(300)).toBe('300 B');
  });

  it('formats fractions as percentages and means with their CI', () => {
    expect(formatPct(0.4213)).toBe('42.1%');
    // the CI in the mean's unit, rounded to the mean's last digit: no float noise
    expect(formatMeanCi(18_581.7, 260, 'allocs/s')).toBe('18.6 k ± 0.3 k allocs/s');
    expect(formatMeanCi(1162.85, 0.4924, '')).toBe('1.16 k ± 0');
    expect(formatMeanCi(47_300, 800, '')).toBe('47.3 k ± 0.8 k');
    expect(formatMeanCi(94_900, 1000, '')).toBe('94.9 k ± 1.0 k');
    expect(formatMeanCi(980, 12.4, 'allocs/s')).toBe('980 ± 12 allocs/s');
    expect(formatMeanCi(746_000, 1.4e-13, '')).toBe('746 k ± 0');
    expect(formatPctMeanCi(1, 6.9e-17)).toBe('100% ± 0');
    expect(formatPctMeanCi(0.00678, 0.00006)).toBe('0.678% ± 0.006%');
    expect(formatPctMeanCi(0.977, 0.0004)).toBe('97.7% ± 0');
    expect(formatBytesRate(1.25e13)).toBe('11.4 TiB/s');
  });

  it('describes every distribution in words', () => {
    expect(formatDist({ dist: 'fixed', value: 700 }, formatNs)).toBe('700 ns');
    expect(formatDist({ dist: 'exponential', mean: 200_000 }, formatNs)).toBe('exponential, mean 200 µs');
    expect(formatDist({ dist: 'uniform', min: 1024, max: 2048 }, formatBytes)).toBe(
      'uniform, 1 KiB to 2 KiB',
    );
    expect(formatDist({ dist: 'lognormal', median: 1000, sigma: 0.5 }, formatNs)).toBe(
      'lognormal, median 1 µs, σ 0.5',
    );
    expect(formatDist({ dist: 'empirical', values: [1024, 4096], weights: [3, 1] }, formatBytes)).toBe(
      'empirical: 1 KiB (w 3), 4 KiB (w 1)',
    );
  });
});

describe('formatParameter and formatChange', () => {
  it('formats a parameter in the unit its name carries', () => {
    expect(formatParameter('workload.sizeBytes', 524288)).toBe('512 KiB');
    expect(formatParameter('heap.allocHoldNs', 350)).toBe('350 ns');
    expect(formatParameter('workload.workNs', 300000)).toBe('300 µs');
    expect(formatParameter('machine.memory.totalClearGBps', 90)).toBe('90 GB/s');
    expect(formatParameter('workload.needZeroFraction', 0.25)).toBe('0.25');
  });

  it('writes changes signed, with one decimal and a true minus', () => {
    expect(formatChange(0.963)).toBe('+96.3%');
    expect(formatChange(-0.0000137)).toBe('−0.0%');
    expect(formatChange(0)).toBe('0%');
  });
});

describe('formatCompactMeanCi (the CLI table)', () => {
  it.each([
    [950, 9.5, '950 ±10'],
    [999.96, 0, '1.00k ±0.00k'],
    [48213, 312, '48.2k ±0.3k'],
    [1234567, 12345.67, '1.23M ±0.01M'],
    [2.5e9, 2.5e7, '2.50G ±0.03G'],
    [0, 0, '0.00 ±0.00'],
  ])('formats %d ± %d as %s', (mean, ci, text) => {
    expect(formatCompactMeanCi(mean, ci)).toBe(text);
  });
});

describe('the other numbers of report text and stdout', () => {
  it('signs shares to significant digits with a true minus, or to fixed decimals with an ASCII one', () => {
    expect([0.963, -0.33, 0].map((f) => formatSignedPct(f, 2))).toEqual(['+96%', '−33%', '+0%']);
    expect(formatSignedPctFixed(0.0123, 2)).toBe('+1.23%');
    expect(formatSignedPctFixed(-0.004, 2)).toBe('-0.40%');
    expect(formatSignedPctFixed(0.5, 1)).toBe('+50.0%');
  });

  it('writes ratios, counts and fit coefficients', () => {
    expect(formatTimes(9.2134)).toBe('9.2×');
    expect(formatWholePct(0.34375)).toBe('34%');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCoefficient(0.000379762)).toBe('3.80e-4');
    expect(formatCoefficient(0.188)).toBe('0.188');
    expect(formatCoefficient(0)).toBe('0');
  });

  it('joins words with commas, and clauses that hold commas with semicolons', () => {
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinClauses(['a, x', 'b'])).toBe('a, x; and b');
    expect(joinClauses(['a'])).toBe('a');
  });
});
