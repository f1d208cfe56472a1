/**
 * The natural logarithm, as fdlibm's __ieee754_log computes it (the algorithm V8's Math.log used up to
 * 2023), in plain double arithmetic. JavaScript engines differ in Math.log by an ulp here and there
 * (Node 20 and Chromium 156 do), and the simulator's samples must be the same in every one of them, so
 * the CLI and the playground page give equal numbers.
 */
import { fromWords, HI, LO, scratch, scratchInt } from './words.js';

const LN2_HI = fromWords(0x3fe62e42, 0xfee00000); // 0.6931471803691238
const LN2_LO = fromWords(0x3dea39ef, 0x35793c76); // 1.9082149292705877e-10
const TWO54 = fromWords(0x43500000, 0x00000000); // 1.8014398509481984e+16
const LG1 = fromWords(0x3fe55555, 0x55555593); // 0.6666666666666735
const LG2 = fromWords(0x3fd99999, 0x9997fa04); // 0.3999999999940942
const LG3 = fromWords(0x3fd24924, 0x94229359); // 0.2857142874366239
const LG4 = fromWords(0x3fcc71c5, 0x1d8e78af); // 0.22222198432149784
const LG5 = fromWords(0x3fc74664, 0x96cb03de); // 0.1818357216161805
const LG6 = fromWords(0x3fc39a09, 0xd078c69f); // 0.15313837699209373
const LG7 = fromWords(0x3fc2f112, 0xdf3e5244); // 0.14798198605116586
const ONE_THIRD = fromWords(0x3fd55555, 0x55555555); // fdlibm writes 0.33333333333333333

export function log(x: number): number {
  // the words of x, read and rewritten in the scratch double (words.ts) without calls
  scratch[0] = x;
  let hx = scratchInt[HI];
  const lx = scratchInt[LO];
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= TWO54;
    scratch[0] = x;
    hx = scratchInt[HI];
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  scratchInt[HI] = hx | (i ^ 0x3ff00000); // normalise x or x/2 (the scratch still holds x's low word)
  x = scratch[0];
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - ONE_THIRD * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

// For logOneMinus: POW2[j] = 2^j for j = 0..53, exact powers of two.
const POW2 = new Float64Array(54);
for (let j = 0, p = 1; j <= 53; j++, p *= 2) POW2[j] = p;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * log(1 − u), with exactly log()'s bits, fast for the samplers' u in [0, 1). It reads x = 1 − u's
 * high word through the scratch double as log() does (a whole-double store and a half-width load,
 * which the processor forwards), but it normalises x by multiplying it by 2^−k, exact, instead of
 * rewriting its high word in memory: a half-width store followed by a whole-double load cannot be
 * forwarded and stalls. That store was most of what log() cost beyond Math.log on the simulator's
 * hot path. From there the steps are log()'s, with fdlibm's shortcuts for k = 0 left out, since its
 * general formulas give the same bits there (k·ln2 terms are +0, and a − b = −(b − a) exactly, zeros
 * included). The rare |f| < 2^-20 case and any x below 2^-53 or above 1 (u outside [0, 1)) go
 * through functions of their own, which keeps this one's bytecode under V8's inlining limit (460
 * bytes): a call that is not inlined returns its double boxed, an allocation on every sample.
 */
export function logOneMinus(u: number): number {
  const x = 1 - u;
  if (!(x >= TWO_POW_MINUS_53 && x <= 1)) return log(x);
  scratch[0] = x;
  const high = scratchInt[HI];
  const hx = high & 0x000fffff;
  // k is x's exponent, plus one when the fraction is above √2 − 1 (x is then halved); −53 ≤ k ≤ 0
  const k = (high >> 20) - 1023 + (((hx + 0x95f64) >> 20) & 1);
  const f = x * POW2[-k] - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) return logNearOne(f, k);
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const R = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

/** logOneMinus's rare case |f| < 2^-20, apart so that logOneMinus stays small enough to be inlined. */
function logNearOne(f: number, k: number): number {
  if (f === 0) return k * LN2_HI + k * LN2_LO;
  const R = f * f * (0.5 - ONE_THIRD * f);
  return k * LN2_HI - (R - k * LN2_LO - f);
}
