// The capacity answers' wording, on hand-made curves (the answers themselves: test/experiment/capacity.test.ts).

import { describe, expect, it } from 'vitest';
import { formatCapacity } from '../../reports/capacity-text.js';
import { formatSi } from '../../reports/format.js';
import { capacityAnswers } from '../../sim/experiment/capacity.js';
import { curve, point, results } from '../experiment/capacity-fixtures.js';

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

  it('formats numbers to 3 significant digits with k/M/G suffixes', () => {
    expect([0, 980, 999.6, 12345, 57_200, 1.5e6, 2.346e9].map((v) => formatSi(v))).toEqual([
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
