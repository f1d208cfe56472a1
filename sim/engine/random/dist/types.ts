// The shape every distribution implements: a sampler factory plus a one-line description for reports.

import type { DistSpec } from '../../../types/index.js';
import type { Rng } from '../rng.js';

/** Draws from one distribution; `mean` and `variance` are exact closed forms, not estimates. */
export interface Sampler {
  sample(rng: Rng): number;
  readonly mean: number;
  readonly variance: number;
  /**
   * Uniforms consumed by every call of `sample`, always the same count, so that two runs sharing a
   * stream stay aligned draw for draw (common random numbers).
   */
  readonly drawsPerSample: number;
}

/** One distribution family, registered by name in `distributions`. */
export interface DistImpl<S extends DistSpec> {
  readonly name: S['dist'];
  make(spec: S): Sampler;
  /** e.g. "exponential, mean 20000" */
  describe(spec: S): string;
}

/** The spec variant whose `dist` is `N`. */
export type SpecOf<N extends DistSpec['dist']> = Extract<DistSpec, { dist: N }>;

/** Numbers in descriptions: short, and free of float noise such as 0.30000000000000004. */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}
