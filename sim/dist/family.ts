// What one distribution family is: its scenario schema, its sampler, its mean, its scaling and its
// text, in one object, registered by name in `distributions` (index.ts).

import type { z } from 'zod';
import type { DistName, SpecOf, UniformSource } from '../types/index.js';

/** Draws from one distribution; `mean` and `variance` are exact closed forms, not estimates. */
export interface Sampler {
  sample(source: UniformSource): number;
  readonly mean: number;
  readonly variance: number;
  /**
   * Uniforms consumed by every call of `sample`, always the same count, so that two runs sharing a
   * stream stay aligned draw for draw (common random numbers).
   */
  readonly drawsPerSample: number;
}

/**
 * The scenario layer's building blocks, so that a family's schema complains in the same words as every
 * other field: numbers that say their range, lists that say their length, objects that name unknown keys.
 */
export interface SchemaKit {
  /** a sampled value: >= 0 for a time, > 0 for a size; the schema a bare number is checked by */
  readonly value: z.ZodNumber;
  /** a new schema of a number > 0 */
  positive(): z.ZodNumber;
  /** a new schema of a number >= 0 */
  nonNegative(): z.ZodNumber;
  /** a list of at least one item */
  list(item: z.ZodNumber): z.ZodArray<z.ZodNumber>;
  /** an object that rejects unknown keys */
  object<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape, z.core.$strict>;
}

/** A problem among a spec's parameters that no single field's rule sees, e.g. max below min. */
export interface DistProblem {
  /** the parameter the problem is reported at */
  key: string;
  input: unknown;
  what: string;
  expected: string;
}

/** One distribution family, registered by name in `distributions`. */
export interface DistFamily<N extends DistName> {
  readonly name: N;
  /** `{"dist": name, ...parameters}` as a scenario file writes it */
  schema(kit: SchemaKit): z.ZodType<SpecOf<N>> & z.core.$ZodTypeDiscriminable;
  /**
   * what no single parameter's rule sees; it runs after those rules, which may have failed without
   * stopping it (an empty list). Absent when there is nothing more to check.
   */
  check?(spec: SpecOf<N>): DistProblem | undefined;
  /** Throws a RangeError on a spec the schema would refuse. */
  make(spec: SpecOf<N>): Sampler;
  /** the exact mean, the same number as `make(spec).mean` */
  mean(spec: SpecOf<N>): number;
  /** the distribution of f·X, for the sensitivity study: every value scaled, the shape kept */
  scale(spec: SpecOf<N>, f: number): SpecOf<N>;
  /** e.g. "exponential, mean 20000" */
  describe(spec: SpecOf<N>): string;
  /** for reports, each value passed through `unit`: "exponential, mean 20 µs" */
  format(spec: SpecOf<N>, unit: (value: number) => string): string;
}

/** Numbers in descriptions: short, and free of float noise such as 0.30000000000000004. */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}
