/**
 * cos x, as fdlibm computes it (s_cos.c with __kernel_cos, __kernel_sin and the medium-size branch of
 * __ieee754_rem_pio2), in plain double arithmetic, so every JavaScript engine gives the same bits (see
 * log.ts). The simulator takes cos of angles in [0, 2π) (Box–Muller); past 2^19·π/2 the argument would
 * need fdlibm's long reduction, which this file does not carry, and it refuses such an argument.
 */
import { fromWords, highWord } from './words.js';

const C1 = fromWords(0x3fa55555, 0x5555554c); // 0.0416666666666666
const C2 = fromWords(0xbf56c16c, 0x16c15177); // -0.001388888888887411
const C3 = fromWords(0x3efa01a0, 0x19cb1590); // 2.480158728947673e-05
const C4 = fromWords(0xbe927e4f, 0x809c52ad); // -2.7557314351390663e-07
const C5 = fromWords(0x3e21ee9e, 0xbdb4b1c4); // 2.087572321298175e-09
const C6 = fromWords(0xbda8fae9, 0xbe8838d4); // -1.1359647557788195e-11
const S1 = fromWords(0xbfc55555, 0x55555549); // -0.16666666666666632
const S2 = fromWords(0x3f811111, 0x1110f8a6); // 0.00833333333332249
const S3 = fromWords(0xbf2a01a0, 0x19c161d5); // -0.0001984126982985795
const S4 = fromWords(0x3ec71de3, 0x57b1fe7d); // 2.7557313707070068e-06
const S5 = fromWords(0xbe5ae5e6, 0x8a2b9ceb); // -2.5050760253406863e-08
const S6 = fromWords(0x3de5d93a, 0x5acfd57c); // 1.58969099521155e-10
const INV_PIO2 = fromWords(0x3fe45f30, 0x6dc9c883); // 0.6366197723675814
const PIO2_1 = fromWords(0x3ff921fb, 0x54400000); // 1.5707963267341256
const PIO2_1T = fromWords(0x3dd0b461, 0x1a626331); // 6.077100506506192e-11
const PIO2_2 = fromWords(0x3dd0b461, 0x1a600000); // 6.077100506303966e-11
const PIO2_2T = fromWords(0x3ba3198a, 0x2e037073); // 2.0222662487959506e-21
const PIO2_3 = fromWords(0x3ba3198a, 0x2e000000); // 2.0222662487111665e-21
const PIO2_3T = fromWords(0x397b839a, 0x252049c1); // 8.4784276603689e-32

/** cos(x + y) for |x| ≤ π/4, y the tail of x. */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // qx = x/4 with its low word cleared, or 0.28125 above 0.78125
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

/** sin(x + y) for |x| ≤ π/4, y the tail of x (fdlibm's iy = 1 case). */
function kernelSin(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** x − n·π/2 as head + tail, and n, for π/4 < |x| ≤ 2^19·π/2. */
function reduce(x: number, hx: number): { n: number; y0: number; y1: number } {
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        const y0 = z - PIO2_1T;
        return { n: 1, y0, y1: z - y0 - PIO2_1T };
      }
      z -= PIO2_2;
      const y0 = z - PIO2_2T;
      return { n: 1, y0, y1: z - y0 - PIO2_2T };
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      const y0 = z + PIO2_1T;
      return { n: -1, y0, y1: z - y0 + PIO2_1T };
    }
    z += PIO2_2;
    const y0 = z + PIO2_2T;
    return { n: -1, y0, y1: z - y0 + PIO2_2T };
  }
  if (ix > 0x413921fb) throw new RangeError(`cos(${x}): the argument is beyond 2^19·π/2`);
  let t = Math.abs(x);
  const n = Math.trunc(t * INV_PIO2 + 0.5);
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T;
  // fdlibm skips the checks below for n < 32 away from multiples of π/2; they change nothing there
  const j = ix >> 20;
  let y0 = r - w;
  let i = j - ((highWord(y0) >> 20) & 0x7ff);
  if (i > 16) {
    t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y0 = r - w;
    i = j - ((highWord(y0) >> 20) & 0x7ff);
    if (i > 49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y0 = r - w;
    }
  }
  const y1 = r - y0 - w;
  return hx < 0 ? { n: -n, y0: -y0, y1: -y1 } : { n, y0, y1 };
}

export function cos(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return Number.NaN;
  const { n, y0, y1 } = reduce(x, hx);
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}
