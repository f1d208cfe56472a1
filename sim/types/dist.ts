// The distribution forms a scenario may use, as resolved (a bare number resolves to `fixed`). Each
// family's parameters are listed once, here at the bottom; the families themselves (schema,
// sampler, scaling, mean, text) live in sim/dist, in a registry keyed by these names.

/** Each family's parameters, by family name. */
export interface DistParameters {
  fixed: { value: number };
  exponential: { mean: number };
  uniform: { min: number; max: number };
  lognormal: { median: number; sigma: number };
  empirical: { values: number[]; weights: number[] };
}

export type DistName = keyof DistParameters;

/** The spec of family `N`, e.g. `{ dist: 'uniform'; min: number; max: number }`; of each, for a union. */
export type SpecOf<N extends DistName> = N extends DistName ? Flat<{ dist: N } & DistParameters[N]> : never;

/** One object type instead of an intersection, so that editors and compiler messages show its fields. */
type Flat<T> = { [K in keyof T]: T[K] };

export type DistSpec = SpecOf<DistName>;

/** A source of uniform doubles in [0, 1); samplers draw from one injected (the engine's generator). */
export interface UniformSource {
  next(): number;
}
