// The registry of distribution families, exhaustive over DistName, and the entry points that take
// any spec: its sampler, mean, scaled copy and text. Every layer that meets a distribution (engine
// samplers, scenario schema, sensitivity, reports) goes through here, so a family is one file.

import type { DistName, DistSpec } from '../types/index.js';
import { empirical } from './empirical.js';
import { exponential } from './exponential.js';
import type { DistFamily, Sampler } from './family.js';
import { fixed } from './fixed.js';
import { lognormal } from './lognormal.js';
import { uniform } from './uniform.js';

export type { DistFamily, DistProblem, Sampler, SchemaKit } from './family.js';
export { standardNormal } from './lognormal.js';

/** Every family, keyed by name; a DistName without an entry here is a compile error. */
export const distributions: { readonly [N in DistName]: DistFamily<N> } = {
  fixed,
  exponential,
  uniform,
  lognormal,
  empirical,
};

/** The family names in registry order, e.g. for "expected one of" messages. */
export const distNames = Object.keys(distributions) as DistName[];

/**
 * The family of `spec`, typed as taking any spec: TypeScript cannot tie `distributions[spec.dist]` to
 * `spec` by itself, but the registry is keyed by `dist`, so the family is always the spec's own.
 */
function familyOf(spec: DistSpec): DistFamily<DistName> {
  return distributions[spec.dist] as unknown as DistFamily<DistName>;
}

/** A sampler for a resolved spec. Throws on an empirical spec whose values and weights differ in length. */
export function makeSampler(spec: DistSpec): Sampler {
  return familyOf(spec).make(spec);
}

/** The exact mean of a resolved spec. */
export function distMean(spec: DistSpec): number {
  return familyOf(spec).mean(spec);
}

/** The distribution of f·X, same family. */
export function scaleDist(spec: DistSpec, f: number): DistSpec {
  return familyOf(spec).scale(spec, f);
}

/** A one-line description, e.g. "exponential, mean 20000". */
export function describeDist(spec: DistSpec): string {
  return familyOf(spec).describe(spec);
}

/** A distribution in words for reports, each value passed through `unit` (e.g. formatNs). */
export function formatDist(spec: DistSpec, unit: (value: number) => string): string {
  return familyOf(spec).format(spec, unit);
}
