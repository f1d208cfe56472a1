/**
 * The two 32-bit halves of a double, as fdlibm reads and writes them (__HI, __LO, INSERT_WORDS),
 * through one scratch double aliased by 32-bit views (in the platform's byte order, found once). The
 * scratch carries nothing from one call to the next: every read sets it first. log() works on the
 * views directly (`scratch`, `HI`, `LO`), since it sits on the exponential sampler's hot path.
 */
export const scratch = new Float64Array(1);
export const scratchInt = new Int32Array(scratch.buffer);
const scratchUint = new Uint32Array(scratch.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** the index of the high and of the low word in the 32-bit views */
export const HI = littleEndian ? 1 : 0;
export const LO = littleEndian ? 0 : 1;

/** The high word of x: sign, exponent and the top 20 bits of the fraction, as a signed 32-bit int. */
export function highWord(x: number): number {
  scratch[0] = x;
  return scratchInt[HI];
}

/** The low word of x, unsigned. */
export function lowWord(x: number): number {
  scratch[0] = x;
  return scratchUint[LO];
}

/** The double with these words. */
export function fromWords(high: number, low: number): number {
  scratchUint[HI] = high >>> 0;
  scratchUint[LO] = low >>> 0;
  return scratch[0];
}

/** x with its high word replaced (fdlibm's SET_HIGH_WORD). */
export function withHighWord(x: number, high: number): number {
  scratch[0] = x;
  scratchInt[HI] = high | 0;
  return scratch[0];
}
