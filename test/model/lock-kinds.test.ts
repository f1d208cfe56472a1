/**
 * Lock kinds against their closed forms, and what each kind adds to a point's results.
 *
 * Closed forms (MODEL.md, "Lock kinds"). With no work, no clearing (the no-zero policy and a warm,
 * all-dirty heap, so no fresh page ever faults) and frees that take no lock (freeHoldNs 0,
 * smallMaxBytes 0), a core that releases the lock asks for it again at the same instant, after every
 * other core already waits: each release hands the lock to the head of a queue of all N − 1 others
 * (k = N − 1 waiting, counting the one that takes it), and FIFO order means the taker always differs
 * from the releaser, so every grant for N ≥ 2 pays a hand-off and a migration. The lock is never idle,
 * so one allocation completes per grant cost plus hold:
 *   fifo:   X(N) = 1 / (acquireNs + handoffNs + migrateNs + allocHold)
 *   ticket: X(N) = 1 / (acquireNs + handoffNs + perWaiterNs × (k − 1) + migrateNs + allocHold),
 *           k − 1 = N − 2.
 * The measured window starts and ends at allocation completions, so the only error is the start-up
 * round (the first grants find a free lock), which the warm-up cut drops: 1% is ample.
 */
import { describe, expect, it } from 'vitest';
import type { LockCosts } from '../../sim/engine/locks/index.js';
import type { LockKind } from '../../sim/types/index.js';
import { policy, runPoint, scenario } from './helpers.js';

function saturated(kind: LockKind, lock: Partial<LockCosts>, holdNs: number) {
  return scenario({
    machine: { lock: { kind, ...lock } },
    workload: { workNs: { dist: 'fixed', value: 0 }, needZeroFraction: 0 },
    heap: {
      allocHoldNs: { dist: 'fixed', value: holdNs },
      freeHoldNs: { dist: 'fixed', value: 0 },
      smallMaxBytes: 0,
      initialDirtyBytes: 1e15,
    },
    run: { allocationsPerCore: 400, replications: 2 },
  } as never);
}

const cases: Array<{ lock: Partial<LockCosts>; holdNs: number }> = [
  { lock: { acquireNs: 20, handoffNs: 200, migrateNs: 0, perWaiterNs: 0 }, holdNs: 700 },
  { lock: { acquireNs: 20, handoffNs: 200, migrateNs: 150, perWaiterNs: 40 }, holdNs: 700 },
  { lock: { acquireNs: 0, handoffNs: 50, migrateNs: 80, perWaiterNs: 5 }, holdNs: 100 },
  { lock: { acquireNs: 35, handoffNs: 0, migrateNs: 10, perWaiterNs: 120 }, holdNs: 2000 },
];

describe('closed forms of a saturated lock', () => {
  for (const { lock, holdNs } of cases) {
    const { acquireNs = 0, handoffNs = 0, migrateNs = 0, perWaiterNs = 0 } = lock;
    for (const n of [2, 3, 8, 32]) {
      it(`fifo at ${n} cores with ${JSON.stringify(lock)}, hold ${holdNs} ns`, () => {
        const expected = 1e9 / (acquireNs + handoffNs + migrateNs + holdNs);
        const x = runPoint(saturated('fifo', lock, holdNs), policy('no-zero'), n).point.allocsPerSec.mean;
        expect(Math.abs(x / expected - 1)).toBeLessThan(0.01);
      });
      it(`ticket at ${n} cores with ${JSON.stringify(lock)}, hold ${holdNs} ns`, () => {
        const expected = 1e9 / (acquireNs + handoffNs + perWaiterNs * (n - 2) + migrateNs + holdNs);
        const x = runPoint(saturated('ticket', lock, holdNs), policy('no-zero'), n).point.allocsPerSec.mean;
        expect(Math.abs(x / expected - 1)).toBeLessThan(0.01);
      });
    }
  }

  it('on one core, no kind hands off or migrates: X = 1 / (acquireNs + allocHold)', () => {
    const lock = { acquireNs: 20, handoffNs: 200, migrateNs: 150, perWaiterNs: 40, wakeNs: 500 };
    for (const kind of ['fifo', 'ticket', 'futex'] as const) {
      const x = runPoint(saturated(kind, lock, 700), policy('no-zero'), 1).point;
      expect(Math.abs(x.allocsPerSec.mean / (1e9 / 720) - 1)).toBeLessThan(0.001);
      // and the point sits on its core bound, which is exact on one core
      expect(x.allocsPerSec.mean).toBeLessThanOrEqual(x.analytic.boundAllocsPerSec * (1 + 1e-9));
      expect(x.allocsPerSec.mean / x.analytic.coreBoundAllocsPerSec).toBeGreaterThan(0.999);
    }
  });
});

describe('what a lock kind adds to the results', () => {
  const futex = scenario({
    machine: { lock: { kind: 'futex', acquireNs: 20, spinNs: 300, wakeNs: 1500, wakeLatencyNs: 3000 } },
    workload: { workNs: { dist: 'exponential', mean: 2000 } },
    heap: { allocHoldNs: { dist: 'exponential', mean: 700 }, smallMaxBytes: 0 },
    run: { allocationsPerCore: 500, replications: 2 },
  } as never);

  it('futex runs carry spin, sleep and wake time and the share of barging acquisitions', () => {
    // no clearing: a releaser is back (wake 1.5 µs + work ~2 µs) before its woken sleeper runs (4.5 µs)
    const { point, reps } = runPoint(futex, policy('no-zero'), 8);
    const share = point.coreTimeShare;
    expect(share.spin).toBeGreaterThan(0);
    expect(share.sleep).toBeGreaterThan(0);
    expect(share.wake).toBeGreaterThan(0);
    for (const r of reps) {
      const total = Object.values(r.coreTimeShare).reduce((a, b) => a + (b ?? 0), 0);
      expect(Math.abs(total - 1)).toBeLessThan(1e-9);
    }
    // a releaser back before the woken sleeper runs, or a newcomer, takes the lock: barging is common
    expect(point.lockBargeShare?.mean).toBeGreaterThan(0.1);
    expect(point.lockBargeShare?.mean).toBeLessThanOrEqual(1);
    expect(point.allocsPerSec.mean).toBeLessThanOrEqual(point.analytic.boundAllocsPerSec);
  });

  it('fifo and ticket runs keep the time-share keys and fields of before', () => {
    for (const kind of ['fifo', 'ticket'] as const) {
      const sc = { ...futex, machine: { ...futex.machine, lock: { ...futex.machine.lock, kind } } };
      const { point } = runPoint(sc, policy('go1.1-after-unlock'), 4);
      expect(Object.keys(point.coreTimeShare)).toEqual([
        'work',
        'alloc',
        'lockWait',
        'lockHold',
        'clear',
        'pageFault',
        'free',
      ]);
      expect(point.lockBargeShare).toBeUndefined();
    }
  });
});
