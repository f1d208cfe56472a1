// The registry of distribution families, exhaustive over DistName, and the spec → sampler entry point.

import type { DistName, DistSpec } from '../../../types/index.js';
import { empirical } from './empirical.js';
import { exponential } from './exponential.js';
import { fixed } from './fixed.js';
import { lognormal } from './lognormal.js';
import type { DistImpl, Sampler, SpecOf } from './types.js';
import { uniform } from './uniform.js';

export { standardNormal } from './lognormal.js';
export type { DistImpl, Sampler, SpecOf } from './types.js';

/** Every family, keyed by name; adding a DistName without an entry here is a compile error. */
export const distributions: { readonly [N in DistName]: DistImpl<SpecOf<N>> } = {
  fixed,
  exponential,
  uniform,
  lognormal,
  empirical,
};

/** The family implementing `spec`, typed for it (TypeScript cannot correlate the union by itself). */
function implFor<S extends DistSpec>(spec: S): DistImpl<S> {
  return distributions[spec.dist] as unknown as DistImpl<S>;
}

/** A sampler for a resolved spec. Throws on an empirical spec whose values and weights differ in length. */
export function makeSampler(spec: DistSpec): Sampler {
  return implFor(spec).make(spec);
}
