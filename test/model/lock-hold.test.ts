/**
 * The lock hold reported apart for allocations and frees. One core never waits, so each hold is
 * exactly its cost: go1.0 clears a dirty 1 MiB block under the lock at the core's 20 GB/s
 * (1048576 / 20 = 52428.8 ns) after its 700 ns of bookkeeping; a free holds 200 ns. Their mean over
 * acquisitions is about halfway, since every allocation is followed by one free.
 */
import { describe, expect, it } from 'vitest';
import { policy, runPoint, scenario } from './helpers.js';

describe('lock hold: allocation and free apart', () => {
  it('go1.0 at 1 core: alloc hold = bookkeeping + the clear, free hold = freeHoldNs', () => {
    const sc = scenario({ run: { replications: 2, allocationsPerCore: 500 } });
    const { point } = runPoint(sc, policy('go1.0-under-lock'), 1);
    const { mean, allocMean, freeMean } = point.lockHoldNs;
    expect(allocMean).toBeCloseTo(700 + 1048576 / 20, 6);
    expect(freeMean).toBeCloseTo(200, 9);
    expect(Math.abs(mean - (allocMean! + freeMean!) / 2)).toBeLessThan(0.01 * mean);
  });

  it('a free that takes no lock has no hold', () => {
    const sc = scenario({
      heap: { freeHoldNs: { dist: 'fixed', value: 0 } },
      run: { replications: 2, allocationsPerCore: 500 },
    });
    const { point } = runPoint(sc, policy('go1.1-after-unlock'), 2);
    expect(point.lockHoldNs.freeMean).toBe(0);
    expect(point.lockHoldNs.allocMean).toBeCloseTo(point.lockHoldNs.mean, 6);
  });
});
