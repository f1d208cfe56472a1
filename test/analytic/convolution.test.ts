/**
 * The convolution algorithm: its log-space primitives, G(N) by hand, the brute-force CTMC, and
 * that nothing overflows far beyond N = 256.
 */

import { describe, expect, it } from 'vitest';
import { lockPsConvolution, logConvolve, logSumExp } from '../../sim/analytic/convolution.js';
import { lockPsSets, relErr, solveLockPsCtmc } from './fixtures.js';

describe('log-space primitives', () => {
  it('logSumExp', () => {
    // log(1 + 2 + 3) = log 6; terms near e^1000 must not overflow; all-zero sums are log 0.
    expect(relErr(logSumExp([0, Math.log(2), Math.log(3)]), Math.log(6))).toBeLessThan(1e-15);
    expect(relErr(logSumExp([1000, 1000]), 1000 + Math.LN2)).toBeLessThan(1e-15);
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
    expect(logSumExp([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(Number.NEGATIVE_INFINITY);
  });

  it('logConvolve is the ordinary convolution, in logs', () => {
    // [1, 2, 3] * [4, 5, 0]: c0 = 4, c1 = 5 + 8 = 13, c2 = 0 + 10 + 12 = 22. Tolerance 1e-15.
    const c = logConvolve(
      [0, Math.log(2), Math.log(3)],
      [Math.log(4), Math.log(5), Number.NEGATIVE_INFINITY],
    );
    for (const [i, v] of [4, 13, 22].entries()) expect(relErr(Math.exp(c[i]), v)).toBeLessThan(1e-14);
  });
});

describe('lockPsConvolution by hand', () => {
  it('Z = 2, S = 1, W = 6, b = 1, B = 1.5: G(1) = 9, G(2) = 47', () => {
    // f_delay = [1, 2, 2], f_lock = [1, 1, 1], μ(1) = 1/6, μ(2) = 1/4 so f_ps = [1, 6, 24].
    // G(1) = 2 + 1 + 6 = 9. G(2) = Z²/2 + S² + f_ps(2) + Z·S + Z·f_ps(1) + S·f_ps(1)
    //      = 2 + 1 + 24 + 2 + 12 + 6 = 47, so X(2) = 9/47.
    // Q_lock(2) = (S·G(1) + S²·G(0))/G(2) = 10/47; Q_ps(2) = (1·6·G₋(1) + 2·24·G₋(0))/47 with
    // G₋(1) = Z + S = 3, i.e. 66/47. Tolerance 1e-14 relative.
    const c = lockPsConvolution(2, {
      thinkNs: 2,
      lockServiceNs: 1,
      workBytes: 6,
      perJobGBps: 1,
      totalGBps: 1.5,
    });
    expect(relErr(Math.exp(c.logG[1]), 9)).toBeLessThan(1e-14);
    expect(relErr(Math.exp(c.logG[2]), 47)).toBeLessThan(1e-14);
    expect(relErr(c.throughput[1], 9 / 47)).toBeLessThan(1e-14);
    expect(relErr(c.lockQueue[1], 10 / 47)).toBeLessThan(1e-14);
    expect(relErr(c.psQueue[1], 66 / 47)).toBeLessThan(1e-14);
  });
});

describe('lockPsConvolution against a brute-force CTMC', () => {
  // Same oracle as for MVA; N = 1..6, tolerance 1e-9 relative.
  for (const [name, p] of Object.entries(lockPsSets).filter(([, q]) => q.thinkNs > 0)) {
    it(name, () => {
      const c = lockPsConvolution(6, p);
      for (let k = 1; k <= 6; k++) {
        const o = solveLockPsCtmc(k, p);
        expect(relErr(c.throughput[k - 1], o.throughput)).toBeLessThan(1e-9);
        expect(relErr(c.lockQueue[k - 1], o.lockQueue)).toBeLessThan(1e-9);
        expect(relErr(c.psQueue[k - 1], o.psQueue)).toBeLessThan(1e-9);
      }
    });
  }
});

describe('lockPsConvolution at large N', () => {
  it('G(N) spans thousands of orders of magnitude at N = 1024 yet X stays finite and exact', () => {
    // bandwidthBound: X(∞) = B/W. log G(1024) is ~ −1024·log(B/W) ≈ 9500 (e^9500), far past
    // double range, which is why G is kept in logs. Tolerance 1e-9 relative to B/W.
    const p = lockPsSets.bandwidthBound;
    const c = lockPsConvolution(1024, p);
    expect(c.logG[1024]).toBeGreaterThan(700);
    expect(relErr(c.throughput[1023], p.totalGBps / p.workBytes)).toBeLessThan(1e-9);
  });
});
