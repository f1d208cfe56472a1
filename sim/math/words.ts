/**
 * The two 32-bit halves of a double, as fdlibm reads and writes them (__HI, __LO, INSERT_WORDS). The
 * scratch view carries nothing from one call to the next: every read sets it first.
 */
const scratch = new DataView(new ArrayBuffer(8));

/** The high word of x: sign, exponent and the top 20 bits of the fraction, as a signed 32-bit int. */
export function highWord(x: number): number {
  scratch.setFloat64(0, x);
  return scratch.getInt32(0);
}

/** The low word of x, unsigned. */
export function lowWord(x: number): number {
  scratch.setFloat64(0, x);
  return scratch.getUint32(4);
}

/** The double with these words. */
export function fromWords(high: number, low: number): number {
  scratch.setUint32(0, high >>> 0);
  scratch.setUint32(4, low >>> 0);
  return scratch.getFloat64(0);
}

/** x with its high word replaced (fdlibm's SET_HIGH_WORD). */
export function withHighWord(x: number, high: number): number {
  return fromWords(high, lowWord(x));
}
