// The schema of a distribution field: a bare number (fixed) or {"dist": family, ...parameters}.

import { z } from 'zod';
import type { DistName, DistSpec } from '../../types/index.js';
import * as messages from '../messages.js';
import { numberField, strictObject } from './fields.js';

/** Whether the sampled quantity may be 0 (a time) or must be positive (a size). */
export type DistKind = 'nonNegative' | 'positive';

// a Record, so that a family added to DistName without being listed here is a compile error
const familyNames = Object.keys({
  fixed: true,
  exponential: true,
  uniform: true,
  lognormal: true,
  empirical: true,
} satisfies Record<DistName, true>);

export function distributionSchema(kind: DistKind) {
  const value = numberField(kind === 'positive' ? { gt: 0 } : { min: 0 });
  const values = z
    .array(value, { error: messages.expectedType('array') })
    .min(1, { error: messages.expectedAtLeastItems(1) });
  const weights = z
    .array(numberField({ min: 0 }), { error: messages.expectedType('array') })
    .min(1, { error: messages.expectedAtLeastItems(1) });

  const family = z.discriminatedUnion(
    'dist',
    [
      strictObject({ dist: z.literal('fixed'), value }),
      strictObject({ dist: z.literal('exponential'), mean: numberField({ gt: 0 }) }),
      strictObject({ dist: z.literal('uniform'), min: value, max: value }).superRefine((spec, ctx) => {
        if (spec.max < spec.min) {
          ctx.addIssue({
            code: 'custom',
            path: ['max'],
            input: spec.max,
            message: messages.expectedUniformOrder,
            params: { what: messages.uniformMaxBelowMin(spec.min, spec.max) },
          });
        }
      }),
      strictObject({
        dist: z.literal('lognormal'),
        median: numberField({ gt: 0 }),
        sigma: numberField({ min: 0 }),
      }),
      strictObject({ dist: z.literal('empirical'), values, weights }).superRefine((spec, ctx) => {
        // empty lists are already reported by their own `min(1)`
        if (spec.values.length === 0 || spec.weights.length === 0) return;
        const problem =
          spec.weights.length !== spec.values.length
            ? {
                what: messages.weightCountMismatch(spec.weights.length, spec.values.length),
                expected: messages.expectedOneWeightPerValue,
              }
            : spec.weights.reduce((sum, w) => sum + w, 0) > 0
              ? undefined
              : {
                  what: messages.weightsSum(spec.weights.reduce((sum, w) => sum + w, 0)),
                  expected: messages.expectedPositiveWeightSum,
                };
        if (problem) {
          ctx.addIssue({
            code: 'custom',
            path: ['weights'],
            input: spec.weights,
            message: problem.expected,
            params: { what: problem.what },
          });
        }
      }),
    ],
    {
      error: (issue) =>
        issue.code === 'invalid_union'
          ? messages.expectedDistFamily(familyNames)
          : messages.expectedDistribution,
    },
  );

  return z
    .union([value, family], { error: messages.expectedDistribution })
    .transform((spec): DistSpec => (typeof spec === 'number' ? { dist: 'fixed', value: spec } : spec));
}
