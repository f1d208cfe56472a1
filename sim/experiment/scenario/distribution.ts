// The schema of a distribution field: a bare number (fixed) or {"dist": family, ...parameters}, where
// each family's object and its own checks come from its file in sim/dist.

import { z } from 'zod';
import { type DistFamily, distNames, distributions, type SchemaKit } from '../../dist/index.js';
import type { DistName, DistSpec } from '../../types/index.js';
import * as messages from '../messages.js';
import { numberField, strictObject } from './fields.js';

/** Whether the sampled quantity may be 0 (a time) or must be positive (a size). */
export type DistKind = 'nonNegative' | 'positive';

/** One family's object, with its checks reported at the parameter they name. */
function familySchema<N extends DistName>(family: DistFamily<N>, kit: SchemaKit) {
  const schema = family.schema(kit);
  const check = family.check;
  if (check === undefined) return schema;
  return schema.superRefine((spec, ctx) => {
    const problem = check(spec);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        path: [problem.key],
        input: problem.input,
        message: problem.expected,
        params: { what: problem.what },
      });
    }
  });
}

export function distributionSchema(kind: DistKind) {
  const value = numberField(kind === 'positive' ? { gt: 0 } : { min: 0 });
  const kit: SchemaKit = {
    value,
    positive: () => numberField({ gt: 0 }),
    nonNegative: () => numberField({ min: 0 }),
    list: (item) =>
      z
        .array(item, { error: messages.expectedType('array') })
        .min(1, { error: messages.expectedAtLeastItems(1) }),
    object: (shape) => strictObject(shape),
  };
  const [first, ...rest] = distNames.map((name) => familySchema(distributions[name], kit));
  const family = z.discriminatedUnion('dist', [first, ...rest], {
    error: (issue) =>
      issue.code === 'invalid_union' ? messages.expectedDistFamily(distNames) : messages.expectedDistribution,
  });

  return z
    .union([value, family], { error: messages.expectedDistribution })
    .transform((spec): DistSpec => (typeof spec === 'number' ? { dist: 'fixed', value: spec } : spec));
}
