// The throughput table printed after a run.

import { describe, expect, it } from 'vitest';
import { formatRate, throughputTable } from '../../sim/cli/table.js';
import { fakeResults } from './fixtures.js';

describe('formatRate', () => {
  it.each([
    [950, 9.5, '950 ±10'],
    [999.96, 0, '1.00k ±0.00k'],
    [48213, 312, '48.2k ±0.3k'],
    [1234567, 12345.67, '1.23M ±0.01M'],
    [2.5e9, 2.5e7, '2.50G ±0.03G'],
    [0, 0, '0.00 ±0.00'],
  ])('formats %d ± %d as %s', (mean, ci, text) => {
    expect(formatRate(mean, ci)).toBe(text);
  });
});

describe('throughputTable', () => {
  it('shows policies down and core counts across', () => {
    expect(throughputTable(fakeResults()).split('\n')).toEqual([
      'fake: allocations per second (mean ± 95% CI half-width)',
      'policy                    1 core       4 cores',
      'go1.0-under-lock         950 ±10   48.2k ±0.5k',
      'go1.1-after-unlock  1.23M ±0.01M  2.50G ±0.03G',
    ]);
  });
});
