/**
 * Load-dependent MVA for delay + FCFS lock + PS bandwidth (after-unlock policy): against hand
 * cases, a brute-force CTMC, the convolution algorithm for N = 1..256, and its reductions.
 */

import { describe, expect, it } from 'vitest';
import { lockPsConvolution } from '../../sim/analytic/convolution.js';
import { type LockPsParams, lockPsMva, lockPsThroughput } from '../../sim/analytic/mva-lock-ps.js';
import { repairmanMva } from '../../sim/analytic/mva-repairman.js';
import { lockPsSets, maxRelErr, relErr, solveLockPsCtmc } from './fixtures.js';

const entries = Object.entries(lockPsSets);

describe('lockPsMva by hand', () => {
  for (const [name, p] of entries) {
    it(`N = 1 (${name}): X = 1/(Z + S + W/min(b, B))`, () => {
      // One job never waits: lock hold S, then its clear alone at min(b, B) bytes/ns.
      // Queues by Little: X·S at the lock, X·W/min(b, B) in the pool. Tolerance 1e-14 relative.
      const clearNs = p.workBytes / Math.min(p.perJobGBps, p.totalGBps);
      const x = 1 / (p.thinkNs + p.lockServiceNs + clearNs);
      const m = lockPsMva(1, p);
      expect(relErr(m.throughput[0], x)).toBeLessThan(1e-14);
      expect(relErr(m.lockQueue[0], x * p.lockServiceNs)).toBeLessThan(1e-14);
      expect(relErr(m.psQueue[0], x * clearNs)).toBeLessThan(1e-14);
      expect(lockPsThroughput(1, p)).toBe(m.throughput[0]);
    });
  }

  it('N = 2 on Z = 2, S = 1, W = 6, b = 1, B = 1.5: X = 9/47', () => {
    // μ(1) = 1/6, μ(2) = 1.5/6 = 1/4. Step 1: X(1) = 1/9, Q_lock(1) = 1/9, p(1|1) = 6/9,
    // p(0|1) = 3/9. Step 2: R_lock = 1·(1 + 1/9) = 10/9; R_ps = 6·(3/9) + (2·4)·(6/9) = 22/3;
    // X(2) = 2/(2 + 10/9 + 22/3) = 18/94 = 9/47; Q_lock = 10/47; Q_ps = 66/47.
    // (convolution.test.ts reaches 9/47 from G(1) = 9, G(2) = 47.) Tolerance 1e-14 relative.
    const p = { thinkNs: 2, lockServiceNs: 1, workBytes: 6, perJobGBps: 1, totalGBps: 1.5 };
    const m = lockPsMva(2, p);
    expect(relErr(m.throughput[1], 9 / 47)).toBeLessThan(1e-14);
    expect(relErr(m.lockQueue[1], 10 / 47)).toBeLessThan(1e-14);
    expect(relErr(m.psQueue[1], 66 / 47)).toBeLessThan(1e-14);
  });
});

describe('lockPsMva against a brute-force CTMC', () => {
  // Oracle: the CTMC on (delay, lock, PS) counts with exponential clear sizes, solved directly
  // (no product-form theory involved). N = 1..6. Tolerance 1e-9 relative.
  for (const [name, p] of entries.filter(([, q]) => q.thinkNs > 0)) {
    it(name, () => {
      const m = lockPsMva(6, p);
      for (let k = 1; k <= 6; k++) {
        const c = solveLockPsCtmc(k, p);
        expect(relErr(m.throughput[k - 1], c.throughput)).toBeLessThan(1e-9);
        expect(relErr(m.lockQueue[k - 1], c.lockQueue)).toBeLessThan(1e-9);
        expect(relErr(m.psQueue[k - 1], c.psQueue)).toBeLessThan(1e-9);
      }
    });
  }
});

describe('lockPsMva against convolution, N = 1..256', () => {
  // Oracle: X(N) = G(N−1)/G(N) and the marginal queues from the normalising constants, in
  // log space. Tolerance 1e-9 relative at every N (observed ≤ 1e-12).
  for (const [name, p] of entries) {
    it(name, () => {
      const m = lockPsMva(256, p);
      const c = lockPsConvolution(256, p);
      expect(maxRelErr(m.throughput, c.throughput)).toBeLessThan(1e-9);
      expect(maxRelErr(m.lockQueue, c.lockQueue)).toBeLessThan(1e-9);
      expect(maxRelErr(m.psQueue, c.psQueue)).toBeLessThan(1e-9);
    });
  }

  it('every job is somewhere: X·Z + Q_lock + Q_ps = N', () => {
    // Little's law at each station; tolerance 1e-9 relative to N.
    for (const [, p] of entries) {
      const m = lockPsMva(256, p);
      for (let k = 1; k <= 256; k++) {
        const total = m.throughput[k - 1] * p.thinkNs + m.lockQueue[k - 1] + m.psQueue[k - 1];
        expect(relErr(total, k)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('textbook p0 = 1 − Σ p(j) (subtraction) is numerically unstable', () => {
  // Documents why the default p0 is the complement-network form. Oracle: convolution.
  it('agrees with convolution where the pool has few servers (c = B/b ≤ 2.5)', () => {
    // Tolerance 1e-9 relative, N = 1..256.
    for (const name of ['bandwidthBound', 'bandwidthSingleServer', 'lockBound', 'zeroThink']) {
      const p = lockPsSets[name];
      const sub = lockPsMva(256, p, { p0Method: 'subtraction' });
      expect(maxRelErr(sub.throughput, lockPsConvolution(256, p).throughput)).toBeLessThan(1e-9);
    }
  });

  it('breaks down when the pool has many servers and is not saturated (c = 5, c = 100)', () => {
    // The cancellation error in p(0|n) is carried to p(j|n+j) multiplied by Π X/μ(i), up to
    // (X·W/b)^c/c!; with c = 100 that is ~1e42. Measured: X(256) comes out negative in both.
    for (const name of ['balanced', 'manyServers']) {
      const p = lockPsSets[name];
      const sub = lockPsMva(256, p, { p0Method: 'subtraction' }).throughput;
      expect(maxRelErr(sub, lockPsConvolution(256, p).throughput)).toBeGreaterThan(1e-3);
      expect(maxRelErr(lockPsMva(256, p).throughput, lockPsConvolution(256, p).throughput)).toBeLessThan(
        1e-9,
      );
    }
  });
});

describe('lockPsMva reductions and edge cases', () => {
  it('workBytes = 0 (nothing cleared): the repairman model', () => {
    // No PS station: delay + FCFS lock is exactly the machine-repairman. Tolerance 1e-14.
    const p: LockPsParams = {
      thinkNs: 10_000,
      lockServiceNs: 700,
      workBytes: 0,
      perJobGBps: 40,
      totalGBps: 100,
    };
    const m = lockPsMva(256, p);
    const r = repairmanMva(256, 10_000, 700);
    expect(maxRelErr(m.throughput, r.throughput)).toBeLessThan(1e-14);
    expect(maxRelErr(m.lockQueue, r.queueLength)).toBeLessThan(1e-14);
    expect(m.psQueue.every((q) => q === 0)).toBe(true);
  });

  it('infinite b and B: clears take no time, also the repairman', () => {
    const p = {
      thinkNs: 10_000,
      lockServiceNs: 700,
      workBytes: 4096,
      perJobGBps: Infinity,
      totalGBps: Infinity,
    };
    expect(maxRelErr(lockPsMva(64, p).throughput, repairmanMva(64, 10_000, 700).throughput)).toBeLessThan(
      1e-14,
    );
  });

  it('lockServiceNs = 0 (no lock): delay + PS, against convolution', () => {
    // Tolerance 1e-9 relative, N = 1..256; the lock queue is identically 0.
    const p = { ...lockPsSets.bandwidthBound, lockServiceNs: 0 };
    const m = lockPsMva(256, p);
    expect(maxRelErr(m.throughput, lockPsConvolution(256, p).throughput)).toBeLessThan(1e-9);
    expect(m.lockQueue.every((q) => q === 0)).toBe(true);
  });

  it('Z = 0 and no lock: all N jobs share the pool, X(N) = μ(N) = min(N·b, B)/W', () => {
    // The PS station alone with N jobs completes at μ(N). Tolerance 1e-12 relative.
    const p = { thinkNs: 0, lockServiceNs: 0, workBytes: 1 << 20, perJobGBps: 40, totalGBps: 100 };
    const m = lockPsMva(16, p);
    for (let k = 1; k <= 16; k++) {
      expect(relErr(m.throughput[k - 1], Math.min(40 * k, 100) / (1 << 20))).toBeLessThan(1e-12);
      expect(relErr(m.psQueue[k - 1], k)).toBeLessThan(1e-12);
    }
  });

  it('rejects parameters with no meaning', () => {
    const p = lockPsSets.balanced;
    expect(() => lockPsMva(-1, p)).toThrow(RangeError);
    expect(() => lockPsMva(2.5, p)).toThrow(RangeError);
    expect(() => lockPsMva(4, { ...p, thinkNs: -1 })).toThrow(RangeError);
    expect(() => lockPsMva(4, { ...p, perJobGBps: 0 })).toThrow(RangeError);
    expect(() => lockPsMva(4, { ...p, thinkNs: 0, lockServiceNs: 0, workBytes: 0 })).toThrow(RangeError);
    expect(lockPsMva(0, p).throughput).toEqual([]);
    expect(lockPsThroughput(0, p)).toBe(0);
  });
});
