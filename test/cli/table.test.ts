// The throughput table printed after a run.

import { describe, expect, it } from 'vitest';
import { throughputTable } from '../../sim/cli/table.js';
import { fakeResults } from './fixtures.js';

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
