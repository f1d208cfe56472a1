/** Number formatting for report text: SI prefixes, times, binary sizes, percentages, distributions. */
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatChange,
  formatDist,
  formatMeanCi,
  formatNs,
  formatParameter,
  formatPct,
  formatSi,
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
    expect(formatMeanCi(18_581.7, 260, 'allocs/s')).toBe('18.6 k ± 260 allocs/s');
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
