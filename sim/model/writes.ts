/**
 * What every writer has written so far, in bytes: each core and each zeroing thread, and all of them
 * together. A block's reuse distance is the growth of these counters since its write ended, which
 * says which cache level still holds it (MODEL.md, "Cache levels"). Clears are the writes counted,
 * kernel page-fault clears included (on the faulting core's behalf).
 */
export class Writes {
  /** per writer: cores 0 … N−1, then zeroing threads */
  readonly byWriter: Float64Array;
  /** all writers together */
  global = 0;

  constructor(writers: number) {
    this.byWriter = new Float64Array(writers);
  }
}
