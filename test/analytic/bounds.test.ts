/**
 * Asymptotic bounds: their values and edge cases, that exact MVA never exceeds them, that X(N)
 * grows with N, and that it tends to the smaller of the lock and bandwidth bounds.
 */

import { describe, expect, it } from 'vitest';
import {
  asymptoticBound,
  bandwidthBound,
  boundBreakdown,
  coreBound,
  lockBound,
  lockPsBoundInputs,
} from '../../sim/analytic/bounds.js';
import { lockPsMva } from '../../sim/analytic/mva-lock-ps.js';
import { repairmanMva } from '../../sim/analytic/mva-repairman.js';
import { soloRateGBps } from '../../sim/engine/bandwidth.js';
import { lockPsSets, relErr } from './fixtures.js';

const entries = Object.entries(lockPsSets);

describe('bound values', () => {
  it('each bound by hand', () => {
    // 4 cores, Z = 10, D = 10: 4/20 = 0.2 per ns. Lock hold 700 ns: 1/700. 100 GB/s over
    // 1 MiB per allocation: 100/1048576 per ns. Exact in floating point up to one rounding.
    expect(coreBound(4, 10, 10)).toBe(0.2);
    expect(coreBound(0, 10, 10)).toBe(0);
    expect(coreBound(3, 0, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(lockBound(700)).toBe(1 / 700);
    expect(lockBound(0)).toBe(Number.POSITIVE_INFINITY);
    expect(bandwidthBound(100, 1 << 20)).toBe(100 / (1 << 20));
    expect(bandwidthBound(100, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(() => lockBound(-1)).toThrow(RangeError);
    expect(() => bandwidthBound(Number.NaN, 1)).toThrow(RangeError);
  });

  it('the minimum and which resource sets it', () => {
    // bandwidthBound set: D = 700 + 2^20/40 = 26914.4 ns. N = 1: core 1/36914.4 is smallest;
    // N = 256: core 6.9e-3, lock 1.43e-3, bandwidth 9.54e-5, so bandwidth limits.
    const p = lockPsSets.bandwidthBound;
    const one = boundBreakdown(lockPsBoundInputs(1, p, soloRateGBps(p)));
    expect(one.limitedBy).toBe('cores');
    expect(relErr(one.bound, 1 / (10_000 + 700 + (1 << 20) / 40))).toBeLessThan(1e-15);
    const many = boundBreakdown(lockPsBoundInputs(256, p, soloRateGBps(p)));
    expect(many.limitedBy).toBe('bandwidth');
    expect(many.bound).toBe(100 / (1 << 20));
    expect(asymptoticBound(lockPsBoundInputs(256, p, soloRateGBps(p)))).toBe(many.bound);
    expect(
      boundBreakdown(lockPsBoundInputs(256, lockPsSets.lockBound, soloRateGBps(lockPsSets.lockBound)))
        .limitedBy,
    ).toBe('lock');
  });

  it('no lock and no clearing leaves only the core bound', () => {
    const b = boundBreakdown({
      n: 8,
      thinkNs: 100,
      demandNs: 20,
      lockDemandNs: 0,
      totalGBps: 100,
      poolBytesPerAlloc: 0,
    });
    expect(b).toMatchObject({
      lock: Number.POSITIVE_INFINITY,
      bandwidth: Number.POSITIVE_INFINITY,
      limitedBy: 'cores',
    });
    expect(b.bound).toBe(8 / 120);
  });
});

describe('exact MVA against the bounds', () => {
  // Bounds hold for every N; slack 1e-12 relative covers rounding once X sits on a bound.
  for (const [name, p] of entries) {
    it(`lock + PS (${name}): X(N) ≤ bound, X(N) nondecreasing, X(1) = core bound`, () => {
      const x = lockPsMva(256, p).throughput;
      for (let k = 1; k <= 256; k++) {
        const b = boundBreakdown(lockPsBoundInputs(k, p, soloRateGBps(p)));
        expect(x[k - 1]).toBeLessThanOrEqual(b.bound * (1 + 1e-12));
        if (k > 1) expect(x[k - 1]).toBeGreaterThanOrEqual(x[k - 2] * (1 - 1e-12));
      }
      // One core never contends, so it reaches the core bound exactly (tolerance 1e-14).
      expect(
        relErr(x[0], coreBound(1, p.thinkNs, lockPsBoundInputs(1, p, soloRateGBps(p)).demandNs)),
      ).toBeLessThan(1e-14);
    });
  }

  it('repairman: X(N) ≤ min(N/(Z+S), 1/S)', () => {
    for (const [z, s] of [
      [10_000, 700],
      [1e6, 4_000],
      [0, 50],
    ]) {
      const x = repairmanMva(256, z, s).throughput;
      for (let k = 1; k <= 256; k++) {
        const bound = asymptoticBound({
          n: k,
          thinkNs: z,
          demandNs: s,
          lockDemandNs: s,
          totalGBps: 0,
          poolBytesPerAlloc: 0,
        });
        expect(x[k - 1]).toBeLessThanOrEqual(bound * (1 + 1e-12));
      }
    }
  });
});

describe('limits as N grows', () => {
  // X(N) → min(1/S_lock, B/W): the busier of lock and pool saturates. With one clear bottleneck
  // the approach is geometric, so at N = 1024 X equals the limit to 1e-9 relative.
  for (const name of ['bandwidthBound', 'bandwidthSingleServer', 'lockBound', 'manyServers', 'zeroThink']) {
    it(name, () => {
      const p = lockPsSets[name];
      const x = lockPsMva(1024, p).throughput;
      expect(relErr(x[1023], Math.min(1 / p.lockServiceNs, p.totalGBps / p.workBytes))).toBeLessThan(1e-9);
    });
  }

  it('balanced (1/S = B/W): two bottlenecks share the queue, so the approach is only ~1/N', () => {
    // Measured 1 − X/limit ≈ 1.03e-3 at N = 1024 and 2.5e-4 at N = 4096, i.e. about 1/N.
    // Check that the gap is positive, under 2/N, and shrinks.
    const p = lockPsSets.balanced;
    const x = lockPsMva(4096, p).throughput;
    const gap = (k: number) => 1 - x[k - 1] * p.lockServiceNs;
    for (const k of [1024, 4096]) {
      expect(gap(k)).toBeGreaterThan(0);
      expect(gap(k)).toBeLessThan(2 / k);
    }
    expect(gap(4096)).toBeLessThan(gap(1024));
  });
});
