/**
 * e^x, as fdlibm's __ieee754_exp computes it (with V8's exact exp(1)), in plain double arithmetic, so
 * that every JavaScript engine gives the same bits (see log.ts).
 */
import { fromWords, highWord, lowWord } from './words.js';

const O_THRESHOLD = fromWords(0x40862e42, 0xfefa39ef); // 709.782712893384
const U_THRESHOLD = fromWords(0xc0874910, 0xd52d3051); // -745.1332191019411
const LN2_HI = fromWords(0x3fe62e42, 0xfee00000); // 0.6931471803691238
const LN2_LO = fromWords(0x3dea39ef, 0x35793c76); // 1.9082149292705877e-10
const INV_LN2 = fromWords(0x3ff71547, 0x652b82fe); // 1.4426950408889634
const P1 = fromWords(0x3fc55555, 0x5555553e); // 0.16666666666666602
const P2 = fromWords(0xbf66c16c, 0x16bebd93); // -0.0027777777777015593
const P3 = fromWords(0x3f11566a, 0xaf25de2c); // 6.613756321437934e-05
const P4 = fromWords(0xbebbbd41, 0xc5d26bf1); // -1.6533902205465252e-06
const P5 = fromWords(0x3e663769, 0x72bea4d0); // 4.1381367970572385e-08
const E = fromWords(0x4005bf0a, 0x8b145769); // 2.718281828459045
const TWO_M1000 = fromWords(0x01700000, 0x00000000); // 9.332636185032189e-302
const TWO_1023 = fromWords(0x7fe00000, 0x00000000);

export function exp(x: number): number {
  let hx = highWord(x);
  const negative = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: not finite, overflow or underflow
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x;
      return negative === 0 ? x : 0;
    }
    if (x > O_THRESHOLD) return Number.POSITIVE_INFINITY;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce to hi − lo = x − k ln2
    if (hx < 0x3ff0a2b2) {
      if (x === 1.0) return E;
      hi = negative === 0 ? x - LN2_HI : x + LN2_HI;
      lo = negative === 0 ? LN2_LO : -LN2_LO;
      k = 1 - negative - negative;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const twopk =
    k >= -1021 ? fromWords(0x3ff00000 + (k << 20), 0) : fromWords(0x3ff00000 + ((k + 1000) << 20), 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO_1023;
    return y * twopk;
  }
  return y * twopk * TWO_M1000;
}
