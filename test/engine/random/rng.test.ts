// Tests of the xoshiro128** generator, its seeding and the seed-derivation hashes against reference values.

import { describe, expect, it } from 'vitest';
import {
  deriveSeed,
  fmix32,
  fnv1a32,
  hashString,
  makeRng,
  Xoshiro128ss,
} from '../../../sim/engine/random/rng.js';

const TWO_POW_53 = 9007199254740992;

function u32s(rng: Xoshiro128ss, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextU32());
}

describe('Xoshiro128ss', () => {
  it('matches the reference C code (xoshiro128starstar.c 1.1) from state {1, 2, 3, 4}', () => {
    // Computed by stepping the reference algorithm in Python with unsigned big-integer arithmetic; the
    // first six agree with the published vector used by other ports. (The 5th and 6th values are
    // 2031721883, 1637235492 — not 2031756384, 2040717827 as once quoted in our task notes.)
    const rng = Xoshiro128ss.fromState(1, 2, 3, 4);
    expect(u32s(rng, 8)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849,
    ]);
  });

  it('expands seeds with splitmix32 (pinned: changing this changes every result)', () => {
    // Seed 0 and seed 12345, expanded and stepped by the same independent Python implementation.
    const zero = new Xoshiro128ss(0);
    expect(zero.state()).toEqual([2462723854, 1020716019, 454327756, 1275600319]);
    expect(u32s(zero, 4)).toEqual([3809008728, 1133695204, 53579671, 2891528803]);
    const seeded = new Xoshiro128ss(12345);
    expect(seeded.state()).toEqual([1200724404, 818072533, 996137225, 2397394836]);
    expect(u32s(seeded, 4)).toEqual([518667457, 440444462, 4232892992, 3757857622]);
  });

  it('builds next() from two outputs: top 27 bits of the first, top 26 of the second', () => {
    // Seed 0: outputs 3809008728 and 1133695204 give 0.8868539502021594 (checked in Python).
    expect(new Xoshiro128ss(0).next()).toBe(0.8868539502021594);
    const rng = new Xoshiro128ss(7);
    for (let i = 0; i < 1000; i++) {
      const copy = rng.clone();
      const a = copy.nextU32() >>> 5;
      const b = copy.nextU32() >>> 6;
      const x = rng.next();
      expect(x).toBe((a * 67108864 + b) / TWO_POW_53);
      expect(Number.isInteger(x * TWO_POW_53)).toBe(true);
    }
  });

  it('is deterministic: the same seed gives the same sequence, a clone continues it', () => {
    const a = new Xoshiro128ss(42);
    const b = new Xoshiro128ss(42);
    const first = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(first);
    const c = a.clone();
    expect(u32s(c, 100)).toEqual(u32s(a, 100));
    expect(new Xoshiro128ss(43).next()).not.toBe(first[0]);
  });

  it('stays in [0, 1) (seed 1, one million draws)', () => {
    const rng = new Xoshiro128ss(1);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const x = rng.next();
      if (x < min) min = x;
      if (x > max) max = x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // With 10^6 draws the extremes lie within ~1e-5 of the ends; 1e-4 is a loose stated bound.
    expect(min).toBeLessThan(1e-4);
    expect(max).toBeGreaterThan(1 - 1e-4);
  });

  it('rejects seeds outside uint32 and the all-zero state', () => {
    expect(() => new Xoshiro128ss(-1)).toThrow(RangeError);
    expect(() => new Xoshiro128ss(2 ** 32)).toThrow(RangeError);
    expect(() => new Xoshiro128ss(0.5)).toThrow(RangeError);
    expect(() => Xoshiro128ss.fromState(0, 0, 0, 0)).toThrow(RangeError);
  });

  it('gives a non-degenerate state for every small seed, 0 included', () => {
    for (let seed = 0; seed < 1000; seed++) {
      const state = new Xoshiro128ss(seed).state();
      expect(state.filter((w) => w === 0).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('deriveSeed', () => {
  it('matches pinned values (murmur3_32 over low and high words, computed in Python)', () => {
    expect(deriveSeed()).toBe(327721211);
    expect(deriveSeed(1, 8, 0)).toBe(1321937667);
    expect(deriveSeed(8, 1, 0)).toBe(3011122279);
    expect(deriveSeed(-1)).toBe(3217748359);
    expect(deriveSeed(2 ** 40 + 3, 7)).toBe(1484353428);
  });

  it('is order-sensitive and length-sensitive', () => {
    expect(deriveSeed(1, 2)).not.toBe(deriveSeed(2, 1));
    expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(3, 2, 1));
    expect(deriveSeed(0)).not.toBe(deriveSeed(0, 0));
    expect(deriveSeed(5)).not.toBe(deriveSeed(5 + 2 ** 32));
  });

  it('has no collisions over a (seed, cores, replication, stream) grid', () => {
    // 4 seeds × 9 core counts × 30 replications × 8 streams = 8640 seeds; with 2^32 outputs the chance
    // of any collision is about 8640² / 2^33 ≈ 0.9%, and this fixed grid has none.
    const seen = new Set<number>();
    let count = 0;
    for (const seed of [0, 1, 2, 2 ** 31]) {
      for (const cores of [1, 2, 4, 8, 16, 32, 64, 128, 256]) {
        for (let rep = 0; rep < 30; rep++) {
          for (let stream = 0; stream < 8; stream++) {
            const h = deriveSeed(seed, cores, rep, stream);
            expect(h).toBeGreaterThanOrEqual(0);
            expect(h).toBeLessThanOrEqual(0xffffffff);
            seen.add(h);
            count++;
          }
        }
      }
    }
    expect(seen.size).toBe(count);
  });

  it('avalanches: flipping one input bit flips about half the output bits', () => {
    // 32 × 200 flips; the mean flipped-bit count is 16 ± 2.83/sqrt(6400) ≈ ±0.035; tolerance 0.5.
    let flipped = 0;
    let trials = 0;
    for (let base = 0; base < 200; base++) {
      const h = deriveSeed(base * 7919, 3);
      for (let bit = 0; bit < 32; bit++) {
        let x = (h ^ deriveSeed((base * 7919) ^ (1 << bit), 3)) >>> 0;
        while (x) {
          flipped += x & 1;
          x >>>= 1;
        }
        trials++;
      }
    }
    expect(Math.abs(flipped / trials - 16)).toBeLessThan(0.5);
  });

  it('rejects parts that are not safe integers', () => {
    expect(() => deriveSeed(1.5)).toThrow(RangeError);
    expect(() => deriveSeed(Number.NaN)).toThrow(RangeError);
  });
});

describe('hashString', () => {
  it('is FNV-1a 32 (standard vectors) followed by fmix32', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(hashString('workNs')).toBe(fmix32(fnv1a32('workNs')));
    expect(hashString('workNs')).toBe(3123354446);
    expect(hashString('workNs')).not.toBe(hashString('sizeBytes'));
  });
});

describe('makeRng', () => {
  it('is a Xoshiro128ss seeded with deriveSeed of its parts', () => {
    const a = makeRng(1, 8, 0, hashString('workNs'));
    const b = new Xoshiro128ss(deriveSeed(1, 8, 0, hashString('workNs')));
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });
});
