/**
 * sim/math's log, exp and cos: fdlibm's algorithms in plain double arithmetic. Their bits are pinned by
 * digests of 100,000 outputs each, taken where they equal Node 20's Math.log/exp/cos (V8 11 computes
 * these with fdlibm too); plain double arithmetic gives the same bits in every engine, and the
 * playground's browser test checks chromium against the CLI. Special values follow IEEE 754 / fdlibm.
 */
import { describe, expect, it } from 'vitest';
import { cos, exp, log, logOneMinus } from '../../sim/math/index.js';

/** A fixed stream of uniforms in [0, 1) (64-bit LCG, top 53 bits), independent of the engine. */
function uniforms(n: number, seed: bigint): number[] {
  let s = seed;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
    out.push(Number(s >> 11n) / 2 ** 53);
  }
  return out;
}

/** A digest of the exact bits of some doubles. */
function digest(values: number[]): string {
  const words = new Uint32Array(new Float64Array(values).buffer);
  let h = 0x811c9dc5;
  for (const w of words) h = Math.imul(h ^ w, 0x01000193) >>> 0;
  return h.toString(16);
}

const U = uniforms(200_000, 12345n);

describe('sim/math', () => {
  it.each([
    { name: 'log(1 − u)', f: () => U.map((u) => log(1 - u)), native: () => U.map((u) => Math.log(1 - u)) },
    {
      name: 'log over 2^±1000',
      f: () => U.map((u) => log(2 ** ((u - 0.5) * 2000))),
      native: () => U.map((u) => Math.log(2 ** ((u - 0.5) * 2000))),
    },
    {
      name: 'exp on ±700',
      f: () => U.map((u) => exp((u - 0.5) * 1400)),
      native: () => U.map((u) => Math.exp((u - 0.5) * 1400)),
    },
    {
      name: 'cos on [0, 2π)',
      f: () => U.map((u) => cos(2 * Math.PI * u)),
      native: () => U.map((u) => Math.cos(2 * Math.PI * u)),
    },
  ])('$name: the same bits as fdlibm (Node 20’s Math) on 200,000 inputs', ({ f, native }) => {
    const ours = f();
    // where the engine's Math is fdlibm's (Node 20), the two agree bit for bit
    if (process.versions.v8.startsWith('11.')) expect(digest(ours)).toBe(digest(native()));
    expect(ours.every(Number.isFinite)).toBe(true);
  });

  it('has fixed digests, whatever the engine', () => {
    const sample = U.slice(0, 100_000);
    expect({
      log: digest(sample.map((u) => log(1 - u))),
      exp: digest(sample.map((u) => exp((u - 0.5) * 40))),
      cos: digest(sample.map((u) => cos(2 * Math.PI * u))),
    }).toEqual(DIGESTS);
  });

  it('gives the IEEE 754 answers at the special values', () => {
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(1)).toBe(0);
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(log(5e-324)).toBe(Math.log(5e-324));
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBe(Math.E);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-1000)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
    expect(cos(0)).toBe(1);
    expect(cos(Math.PI)).toBe(-1);
    expect(cos(Number.NaN)).toBeNaN();
    expect(() => cos(1e7)).toThrow(RangeError);
  });

  it('logOneMinus(u) has exactly the bits of log(1 − u): the stream, every bit length, the edges', () => {
    const same = (u: number) => Object.is(logOneMinus(u), log(1 - u));
    expect(U.every(same)).toBe(true);
    // 1 − u at every exponent down to 2^-53, at and around its powers of two and log's branch points
    const edges: number[] = [0, 2 ** -53, 0.5, 1 - 2 ** -53, 1, 2, -1, 1.5, Number.NaN];
    for (let L = 0; L <= 53; L++)
      for (const r of [1, Math.SQRT2 / 2 + 0.5, Math.SQRT2, 1.5, 1.9999999, 1.0000001])
        for (const d of [-1, 0, 1]) {
          const m = Math.floor(2 ** L * r) + d;
          if (m >= 1 && m <= 2 ** 53) edges.push(1 - m / 2 ** 53);
        }
    // 1 − u within 2^-20 of 1 (fdlibm's short series), with k = 0 and k = −1 (1 − u just below 1 and
    // just below √2/2), where logOneMinus drops fdlibm's k = 0 shortcuts
    for (let j = 0; j < 4096; j++) edges.push(j * 2 ** -40, 1 - Math.SQRT1_2 + (j - 2048) * 2 ** -40);
    for (const u of edges) expect(Object.is(logOneMinus(u), log(1 - u)), `u = ${u}`).toBe(true);
  });
});

const DIGESTS = { log: '6f5e7af5', exp: '528ae213', cos: '1f6e675f' };
