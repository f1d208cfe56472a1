// Two closed-form rules of the fit, on made-up rows: a cache level is split where the rate of another
// core's bytes (clear-remote, one clear at a time) changes, DRAM never; and the work stretch comes from
// the lock rows with no work or long work, not from short work that overlaps the lock's own atomics.

import { describe, expect, it } from 'vitest';
import { type ClearPoint, fitClear } from '../../sim/calibrate/fit-clear.js';
import { fitLockSingle } from '../../sim/calibrate/fit-single.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const SIZES = [64 * KiB, 256 * KiB, MiB, 4 * MiB, 16 * MiB, 64 * MiB];
/** own-block rates: one fast level up to 4 MiB, then DRAM */
const LOCAL: Record<number, number> = { [64 * KiB]: 100, [256 * KiB]: 90, [MiB]: 85, [4 * MiB]: 80 };
const local = (bytes: number) => LOCAL[bytes] ?? 30;
const clear: ClearPoint[] = SIZES.flatMap((blockBytes) => [
  { blockBytes, threads: 1, gbPerSec: local(blockBytes) },
  { blockBytes, threads: 2, gbPerSec: 2 * local(blockBytes) },
]);
const remote = (rate: (bytes: number) => number): ClearPoint[] =>
  SIZES.map((blockBytes) => ({ blockBytes, threads: 1, gbPerSec: rate(blockBytes) }));

describe('the clear fit', () => {
  it('splits a level whose sizes serve another core at different rates, each part with its own', () => {
    // 64–256 KiB from the other core's L2 (slow), 1–4 MiB from the L3 (fast); DRAM rows vary, unsplit
    const fit = fitClear(
      clear,
      undefined,
      remote((b) => (b <= 256 * KiB ? 20 : b <= 4 * MiB ? 80 : b === 16 * MiB ? 45 : 22)),
    );
    expect(fit.levelSizes).toEqual([
      [64 * KiB, 256 * KiB],
      [MiB, 4 * MiB],
      [16 * MiB, 64 * MiB],
    ]);
    expect(fit.caches.map((c) => [c.bytes, c.remoteGBps])).toEqual([
      [256 * KiB, 20],
      [4 * MiB, 80],
    ]);
  });

  it('keeps a level whole when its remote rates agree, or without clear-remote rows', () => {
    expect(
      fitClear(
        clear,
        undefined,
        remote(() => 40),
      ).levelSizes,
    ).toHaveLength(2);
    expect(fitClear(clear).levelSizes).toEqual([
      [64 * KiB, 256 * KiB, MiB, 4 * MiB],
      [16 * MiB, 64 * MiB],
    ]);
  });
});

describe('the 1-thread lock fit', () => {
  it('takes the stretch from no work and long work, leaving out short work that overlaps the lock', () => {
    // 15 ns a lock, work at stretch 1; but 100 ns of work adds only 82 ns (overlapped)
    const rows = [0, 100, 1000, 10000].map((workNs) => ({
      workNs,
      opsPerSec: 1e9 / (15 + (workNs === 100 ? 82 : workNs)),
    }));
    const fit = fitLockSingle(rows);
    expect(fit.workStretch).toBeCloseTo(1, 6);
    expect(fit.acquireNs).toBeCloseTo(15, 4);
  });

  it('uses every row when only short work is measured besides none', () => {
    const rows = [0, 100, 200].map((workNs) => ({ workNs, opsPerSec: 1e9 / (10 + 2 * workNs) }));
    expect(fitLockSingle(rows).workStretch).toBeCloseTo(2, 6);
  });
});
