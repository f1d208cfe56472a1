/**
 * The allocator model against exact MVA where it is product-form. Each point: 10 replications,
 * seeds derived from (scenario seed, cores, replication); pass when |mean − MVA| ≤ the t-based 95%
 * half-width of the mean, and results.json's analytic companion says mvaExact: true.
 */
import { describe, expect, it } from 'vitest';
import { lockPsThroughput } from '../../sim/analytic/mva-lock-ps.js';
import { repairmanThroughput } from '../../sim/analytic/mva-repairman.js';
import { policy, productFormBase, runPoint, scenario } from './helpers.js';

const CORES = [1, 2, 8, 32, 128];

describe('(a) go1.0-under-lock with allocHoldNs 0 and exponential sizes: machine repairman', () => {
  // Think Z = 400 µs (exponential; an infinite-server station is insensitive to it anyway). The
  // lock's service is the clear of an exponential size with mean 1 MiB at min(coreClearGBps 20,
  // totalClearGBps 60) = 20 B/ns alone (one clear at a time, no other bandwidth user): exponential
  // with S = 1048576 / 20 = 52428.8 ns. Oracle: exact MVA of delay Z + one FCFS server S.
  // Seed 7; 10 replications of cores × 2000 allocations, 10% warm-up.
  const sc = scenario({
    ...productFormBase,
    heap: { ...productFormBase.heap, allocHoldNs: { dist: 'fixed', value: 0 } },
    workload: {
      sizeBytes: { dist: 'exponential', mean: 1048576 },
      workNs: { dist: 'exponential', mean: 400_000 },
    },
    run: { allocationsPerCore: 2000, replications: 10, seed: 7 },
  } as never);
  for (const n of CORES) {
    it(`N = ${n}`, () => {
      const { point } = runPoint(sc, policy('go1.0-under-lock'), n);
      const oracle = repairmanThroughput(n, 400_000, 1048576 / 20) * 1e9;
      expect(point.analytic.mvaExact).toBe(true);
      expect(point.analytic.model).toBe('repairman');
      expect(point.analytic.mvaAllocsPerSec).toBeCloseTo(oracle, 6);
      const { mean, ci95 } = point.allocsPerSec;
      expect(Math.abs(mean - oracle), `seed 7, N=${n}: ${mean} ± ${ci95} vs ${oracle}`).toBeLessThanOrEqual(
        ci95,
      );
    });
  }
});

describe('(b) go1.1-after-unlock with exponential allocHoldNs: lock + PS, load-dependent MVA', () => {
  // Think Z = 400 µs; lock hold exponential with mean 15 µs (lock bound 66.7 k/s); each allocation
  // then clears its fixed 1 MiB after unlock through PS at min(20, 60/j) B/ns (bandwidth bound
  // 60 / 1048576 per ns = 57.2 k/s). PS is insensitive to the size distribution, so fixed sizes keep
  // the network product-form. Oracle: exact load-dependent MVA with marginal probabilities.
  // Seed 8; 10 replications of cores × 2000 allocations, 10% warm-up.
  const sc = scenario({
    ...productFormBase,
    heap: { ...productFormBase.heap, allocHoldNs: { dist: 'exponential', mean: 15_000 } },
    workload: {
      sizeBytes: { dist: 'fixed', value: 1048576 },
      workNs: { dist: 'exponential', mean: 400_000 },
    },
    run: { allocationsPerCore: 2000, replications: 10, seed: 8 },
  } as never);
  for (const n of CORES) {
    it(`N = ${n}`, () => {
      const { point } = runPoint(sc, policy('go1.1-after-unlock'), n);
      const oracle =
        lockPsThroughput(n, {
          thinkNs: 400_000,
          lockServiceNs: 15_000,
          workBytes: 1048576,
          perJobGBps: 20,
          totalGBps: 60,
        }) * 1e9;
      expect(point.analytic.mvaExact).toBe(true);
      expect(point.analytic.model).toBe('lock+ps');
      expect(point.analytic.mvaAllocsPerSec).toBeCloseTo(oracle, 6);
      const { mean, ci95 } = point.allocsPerSec;
      expect(Math.abs(mean - oracle), `seed 8, N=${n}: ${mean} ± ${ci95} vs ${oracle}`).toBeLessThanOrEqual(
        ci95,
      );
    });
  }
});

describe('the analytic companion never claims exactness where the model is not product-form', () => {
  it('a fixed allocHoldNs, an acquire cost or a locked free path make mvaExact false', () => {
    const cases = [
      scenario({
        ...productFormBase,
        heap: { ...productFormBase.heap, allocHoldNs: { dist: 'fixed', value: 700 } },
      } as never),
      scenario({
        heap: { ...productFormBase.heap, allocHoldNs: { dist: 'exponential', mean: 700 } },
      } as never),
      scenario({
        machine: productFormBase.machine,
        heap: { smallMaxBytes: 0, initialDirtyBytes: 1e15, allocHoldNs: { dist: 'exponential', mean: 700 } },
      } as never),
    ];
    for (const sc of cases) {
      const { point } = runPoint(
        { ...sc, run: { ...sc.run, allocationsPerCore: 200 } },
        policy('go1.1-after-unlock'),
        2,
        2,
      );
      expect(point.analytic.mvaExact).toBe(false);
      expect(point.analytic.mvaAllocsPerSec).toBeNull();
      expect(point.analytic.note).toMatch(/^no exact MVA: /);
    }
  });
});
