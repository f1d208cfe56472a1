// Seeded pseudo-random numbers: the xoshiro128** generator, its seeding, and the hashes that derive
// independent per-(scenario seed, cores, replication, stream) seeds.

import type { UniformSource } from '../../types/index.js';

/** A source of uniform doubles in [0, 1) carrying 53 random bits. Samplers take one injected. */
export type Rng = UniformSource;

/** 2^26: shifts the high 27-bit part of a double above the low 26 bits. */
const TWO_POW_26 = 67108864;
/** 2^53: scales a 53-bit integer into [0, 1). */
const TWO_POW_53 = 9007199254740992;
/** The golden-ratio increment of splitmix32 (2^32 / phi). */
const GOLDEN_GAMMA = 0x9e3779b9;

/** murmur3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c): period 2^128 − 1,
 * four 32-bit words of state. The words live in plain number fields, not an array, and are kept as
 * signed int32 values, because V8 then stores them as unboxed small integers: the generator sits on
 * the simulator's hot path.
 */
export class Xoshiro128ss implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * Seeds from a uint32 through splitmix32. Its outputs for four consecutive counters are four values
   * of a bijection at distinct inputs, so at most one word is zero: every seed, 0 included, gives a
   * valid (non-all-zero) state. Use `deriveSeed` / `makeRng` to reach a seed from wider integers.
   */
  constructor(seedU32: number) {
    if (!Number.isInteger(seedU32) || seedU32 < 0 || seedU32 > 0xffffffff) {
      throw new RangeError(`Xoshiro128ss: seed must be a uint32, got ${seedU32}`);
    }
    let counter = seedU32;
    counter = (counter + GOLDEN_GAMMA) >>> 0;
    this.s0 = fmix32(counter) | 0;
    counter = (counter + GOLDEN_GAMMA) >>> 0;
    this.s1 = fmix32(counter) | 0;
    counter = (counter + GOLDEN_GAMMA) >>> 0;
    this.s2 = fmix32(counter) | 0;
    counter = (counter + GOLDEN_GAMMA) >>> 0;
    this.s3 = fmix32(counter) | 0;
  }

  /** A generator with an explicit state, as in the reference C code (for reference vectors). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Xoshiro128ss {
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('Xoshiro128ss: the all-zero state is invalid');
    const rng = new Xoshiro128ss(0);
    rng.s0 = s0 | 0;
    rng.s1 = s1 | 0;
    rng.s2 = s2 | 0;
    rng.s3 = s3 | 0;
    return rng;
  }

  /** The current state words, for checkpoints and tests. */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** An independent copy that continues the same sequence. */
  clone(): Xoshiro128ss {
    return Xoshiro128ss.fromState(this.s0, this.s1, this.s2, this.s3);
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextU32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    // Every state word stays a signed int32 (xor, shift and or produce int32), so V8 keeps the
    // fields as small integers instead of boxed doubles.
    return result;
  }

  /** A double in [0, 1): the top 27 bits of one output and the top 26 of the next. */
  next(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }
}

/**
 * A 32-bit unsigned hash of integers, order-sensitive and well mixed: murmur3_32 over each part's
 * low and high 32-bit words, then the length and the finaliser. Any safe integer is accepted,
 * negatives included, so scenario seeds need not fit in 32 bits.
 */
export function deriveSeed(...parts: number[]): number {
  let h = 0x243f6a88; // pi's fraction: an arbitrary non-zero start so deriveSeed() is not 0
  for (const part of parts) {
    if (!Number.isSafeInteger(part))
      throw new RangeError(`deriveSeed: parts must be safe integers, got ${part}`);
    h = murmurRound(h, part >>> 0);
    h = murmurRound(h, Math.floor(part / 4294967296) >>> 0);
  }
  return fmix32(h ^ (parts.length * 8));
}

/** One murmur3_32 block step: scramble the word, fold it into the hash. */
function murmurRound(h: number, wordU32: number): number {
  let k = Math.imul(wordU32, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** FNV-1a 32-bit over the UTF-8 bytes of `s`. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(s)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uint32 naming a stream by string: FNV-1a, then fmix32 because FNV's low bits mix poorly. */
export function hashString(s: string): number {
  return fmix32(fnv1a32(s));
}

/** A generator seeded from the hash of `parts` (e.g. scenario seed, cores, replication, stream). */
export function makeRng(...parts: number[]): Rng {
  return new Xoshiro128ss(deriveSeed(...parts));
}
