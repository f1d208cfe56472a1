// Cache levels through the whole model, against closed forms. The workload is phase-locked: fixed
// work, no lock costs, a lock-free free and one live block per core, so every core allocates, clears
// and frees at the same instants. With a fifo heap each core then reuses the block it freed itself
// (freed in core order, taken in core order), and every clear of a round runs side by side with N−1
// others of the same size. So one cycle lasts W + s/r, where r is the rate a clear gets with N
// clearing at once (c alone in a private level; min(c, T/N) in a pool of total T), and
// X(N) = N / (W + s/r) exactly, up to the edges of the measured window.
import { describe, expect, it } from 'vitest';
import type { CacheLevelSpec } from '../../sim/types/index.js';
import { policy, runPoint, scenario } from './helpers.js';

const MiB = 1048576;
const workNs = 10_000;
const sizeBytes = MiB;

function lockStep(caches: CacheLevelSpec[]) {
  return scenario({
    machine: {
      // DRAM is far slower than any cache level: a clear that reached it would show
      memory: { coreClearGBps: 10, totalClearGBps: 10, pageFaultNs: 0, caches },
      lock: { acquireNs: 0, handoffNs: 0 },
    },
    workload: {
      workNs: { dist: 'fixed', value: workNs },
      sizeBytes: { dist: 'fixed', value: sizeBytes },
      liveBlocksPerCore: 1,
    },
    heap: {
      allocHoldNs: { dist: 'fixed', value: 0 },
      freeHoldNs: { dist: 'fixed', value: 0 },
      smallMaxBytes: 0,
      reuseOrder: 'fifo',
    },
    run: { allocationsPerCore: 1000, replications: 2 },
  });
}

// clears every allocated byte after unlock, fresh ones included (so every round clears s bytes)
const clearAll = policy('go1.1-after-unlock', { dirtyTracking: 'none' });

/** allocations/s of N phase-locked cores whose clears take s / r ns */
const closedForm = (n: number, clearNs: number) => (n / (workNs + clearNs)) * 1e9;

describe('cache levels: clears scale with cores until a shared pool binds', () => {
  // Between two clears of a block its core clears its other block: a reuse distance of 1 MiB.
  it('a private level that holds the block: N × single-core, far past what DRAM or a shared pool could feed', () => {
    const sc = lockStep([
      { name: 'l2', bytes: 4 * MiB, shared: false, coreGBps: 100 },
      { name: 'l3', bytes: 64 * MiB, shared: true, coreGBps: 50, totalGBps: 100 },
    ]);
    const one = runPoint(sc, clearAll, 1).point.allocsPerSec.mean;
    expect(one).toBeGreaterThan(0.99 * closedForm(1, sizeBytes / 100));
    expect(one).toBeLessThan(1.01 * closedForm(1, sizeBytes / 100));
    for (const n of [2, 4, 8]) {
      const { point } = runPoint(sc, clearAll, n);
      // 8 cores clear 800 GB/s in their private levels; DRAM has 10 and the shared level 100
      expect(point.allocsPerSec.mean / (n * one)).toBeCloseTo(1, 2);
      const levels = point.cacheLevels ?? {};
      expect(Object.keys(levels)).toEqual(['l2', 'l3', 'dram']);
      const { l2, l3, dram } = levels;
      expect(l2.clearedBytesPerAlloc).toBeCloseTo(sizeBytes, 0);
      expect(l3.clearedBytesPerAlloc + dram.clearedBytesPerAlloc).toBe(0);
      // a phase-locked run completes N allocations at once: the window's edges may cut a round, hence 1%
      expect(point.allocsPerSec.mean).toBeLessThanOrEqual(point.analytic.boundAllocsPerSec * 1.01);
    }
  });

  it('clears in a shared level: linear while N × coreGBps ≤ totalGBps, then at totalGBps / s', () => {
    // every clear is in the shared level (no private one): rate min(40, 100 / N)
    const sc = lockStep([{ name: 'l3', bytes: 64 * MiB, shared: true, coreGBps: 40, totalGBps: 100 }]);
    for (const n of [1, 2, 4, 8]) {
      const { point } = runPoint(sc, clearAll, n);
      const expected = closedForm(n, sizeBytes / Math.min(40, 100 / n));
      // within 1%: the measured window's edges cut rounds
      expect(point.allocsPerSec.mean / expected).toBeCloseTo(1, 2);
      const l3 = point.cacheLevels?.l3;
      expect(l3?.utilization?.mean).toBeCloseTo(
        ((Math.min(40 * n, 100) / 100) * (sizeBytes / Math.min(40, 100 / n))) /
          (workNs + sizeBytes / Math.min(40, 100 / n)),
        2,
      );
      // the shared level's bound: 100 GB/s / 1 MiB per allocation
      expect(point.analytic.bandwidthBoundAllocsPerSec).toBeCloseTo((100 / sizeBytes) * 1e9, 0);
      // a phase-locked run completes N allocations at once: the window's edges may cut a round, hence 1%
      expect(point.allocsPerSec.mean).toBeLessThanOrEqual(point.analytic.boundAllocsPerSec * 1.01);
    }
  });

  it('a private level too small for the reuse: the block comes whole from the shared level (LRU)', () => {
    // A core clears its other block between two clears of one, so the reuse distance is 1 MiB: with
    // the block's own 1 MiB, 2 MiB. A 1.5 MiB private level holds none of it, a 2 MiB one all of it.
    for (const [bytes, privateShare] of [
      [1.5 * MiB, 0],
      [2 * MiB, 1],
    ]) {
      const sc = lockStep([
        { name: 'l2', bytes, shared: false, coreGBps: 100 },
        { name: 'l3', bytes: 64 * MiB, shared: true, coreGBps: 40, totalGBps: 100 },
      ]);
      for (const n of [1, 4, 8]) {
        const { point } = runPoint(sc, clearAll, n);
        const clearNs = privateShare === 1 ? sizeBytes / 100 : sizeBytes / Math.min(40, 100 / n);
        expect(point.allocsPerSec.mean / closedForm(n, clearNs)).toBeCloseTo(1, 2);
        expect(point.cacheLevels?.l2.clearedBytesPerAlloc).toBeCloseTo(privateShare * sizeBytes, 0);
      }
    }
  });

  it('with a lifo heap the cores reuse each other’s blocks, and miss their private levels', () => {
    const sc = lockStep([
      { name: 'l2', bytes: 4 * MiB, shared: false, coreGBps: 100 },
      { name: 'l3', bytes: 64 * MiB, shared: true, coreGBps: 40, totalGBps: 1000 },
    ]);
    const lifo = { ...sc, heap: { ...sc.heap, reuseOrder: 'lifo' as const } };
    const { point } = runPoint(lifo, clearAll, 4);
    const { l2, l3 } = point.cacheLevels ?? {};
    // freed in core order 0..3 and taken in the same order from the top: core k gets core 3−k's block
    expect(l2.clearedBytesPerAlloc / sizeBytes).toBeCloseTo(0, 2);
    expect(l3.clearedBytesPerAlloc / sizeBytes).toBeCloseTo(1, 2);
  });
});
