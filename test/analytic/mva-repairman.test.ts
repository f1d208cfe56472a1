/**
 * The machine-repairman solutions (under-lock policy): MVA against hand-derived small cases,
 * against the closed form for every N up to 512, and against its edge cases.
 */

import { describe, expect, it } from 'vitest';
import { repairmanClosedForm, repairmanMva, repairmanThroughput } from '../../sim/analytic/mva-repairman.js';
import { relErr } from './fixtures.js';

describe('repairmanMva by hand', () => {
  it('N = 1 sees no queue: X = 1/(Z+S), R = S, Q = S/(Z+S)', () => {
    // Z = 3, S = 1; one job alternates think and service, so its cycle is Z + S = 4 ns.
    // Tolerance 1e-15 relative: a handful of float operations.
    const m = repairmanMva(1, 3, 1);
    expect(relErr(m.throughput[0], 1 / 4)).toBeLessThan(1e-15);
    expect(relErr(m.responseNs[0], 1)).toBeLessThan(1e-15);
    expect(relErr(m.queueLength[0], 1 / 4)).toBeLessThan(1e-15);
  });

  it('N = 2 matches the birth-death chain: X = 8/17, R = 5/4, Q = 10/17', () => {
    // Z = 3, S = 1. Chain on k = jobs at the server: k→k+1 at (2−k)/Z, k→k−1 at 1/S.
    // π1 = π0·2S/Z = 2π0/3, π2 = π1·S/Z = 2π0/9, so π0 = 1/(1 + 2/3 + 2/9) = 9/17 and
    // X = (1 − π0)/S = 8/17. Q = π1 + 2π2 = 6/17 + 4/17 = 10/17; Little: R = Q/X = 5/4.
    // MVA gets there via R(2) = S·(1 + Q(1)) = 1 + 1/4 and X(2) = 2/(3 + 5/4) = 8/17.
    // Tolerance 1e-15 relative.
    const m = repairmanMva(2, 3, 1);
    expect(relErr(m.throughput[1], 8 / 17)).toBeLessThan(1e-15);
    expect(relErr(m.responseNs[1], 5 / 4)).toBeLessThan(1e-15);
    expect(relErr(m.queueLength[1], 10 / 17)).toBeLessThan(1e-15);
    expect(relErr(repairmanClosedForm(2, 3, 1), 8 / 17)).toBeLessThan(1e-15);
  });

  it('returns values for populations 1..n and X(0) = 0', () => {
    expect(repairmanMva(0, 3, 1).throughput).toEqual([]);
    expect(repairmanMva(5, 3, 1).throughput).toHaveLength(5);
    expect(repairmanThroughput(0, 3, 1)).toBe(0);
    expect(repairmanClosedForm(0, 3, 1)).toBe(0);
    expect(repairmanThroughput(2, 3, 1)).toBe(repairmanMva(2, 3, 1).throughput[1]);
  });
});

describe('repairmanMva against the closed form', () => {
  // S/Z from far below to far above 1/N: light load, the knee near N = 256, deep saturation
  // (N!/(N−k)!·(S/Z)^k overflows a double there, so the rescaling is exercised), and
  // sub-ns/huge magnitudes. Oracle: X = (1 − p0)/S from the birth-death chain.
  // Tolerance 1e-9 relative at every N = 1..512 (observed ~1e-15).
  const cases: [number, number][] = [
    [1e7, 1],
    [10_000, 700],
    [256_000, 1_000],
    [1_000, 1_000],
    [10, 1_000],
    [1e-3, 1e6],
    [2.5e-6, 3.7e-9],
  ];
  for (const [z, s] of cases) {
    it(`Z = ${z} ns, S = ${s} ns, N = 1..512`, () => {
      const m = repairmanMva(512, z, s);
      for (let k = 1; k <= 512; k++) {
        expect(relErr(m.throughput[k - 1], repairmanClosedForm(k, z, s))).toBeLessThan(1e-9);
      }
    });
  }
});

describe('repairman edge cases', () => {
  it('Z = 0: the server never idles, X = 1/S, R = N·S, Q = N', () => {
    // With nothing to think about, all N jobs queue at the server. Tolerance 1e-12 relative.
    const m = repairmanMva(512, 0, 700);
    for (const k of [1, 2, 17, 256, 512]) {
      expect(relErr(m.throughput[k - 1], 1 / 700)).toBeLessThan(1e-12);
      expect(relErr(m.responseNs[k - 1], k * 700)).toBeLessThan(1e-12);
      expect(relErr(m.queueLength[k - 1], k)).toBeLessThan(1e-12);
      expect(repairmanClosedForm(k, 0, 700)).toBe(1 / 700);
    }
  });

  it('S = 0: a pure delay network, X = N/Z', () => {
    const m = repairmanMva(64, 500, 0);
    for (let k = 1; k <= 64; k++) {
      expect(relErr(m.throughput[k - 1], k / 500)).toBeLessThan(1e-15);
      expect(relErr(repairmanClosedForm(k, 500, 0), k / 500)).toBeLessThan(1e-15);
    }
  });

  it('X(N) grows with N and tends to 1/S', () => {
    // Z = 10 µs, S = 700 ns: the knee is at N* = (Z+S)/S ≈ 15; by N = 512 the server is idle
    // with probability < 1e-12, so X is 1/S to 1e-9. Once saturated X(N) is flat and may wobble
    // by an ulp, so monotonicity is checked with 1e-12 relative slack.
    const x = repairmanMva(512, 10_000, 700).throughput;
    for (let k = 1; k < x.length; k++) expect(x[k]).toBeGreaterThanOrEqual(x[k - 1] * (1 - 1e-12));
    expect(relErr(x[511], 1 / 700)).toBeLessThan(1e-9);
  });

  it('rejects parameters with no meaning', () => {
    expect(() => repairmanMva(-1, 1, 1)).toThrow(RangeError);
    expect(() => repairmanMva(1.5, 1, 1)).toThrow(RangeError);
    expect(() => repairmanMva(4, -1, 1)).toThrow(RangeError);
    expect(() => repairmanMva(4, 1, Number.NaN)).toThrow(RangeError);
    expect(() => repairmanMva(4, 0, 0)).toThrow(RangeError);
    expect(() => repairmanClosedForm(4, 0, 0)).toThrow(RangeError);
  });
});
