// Zod building blocks whose every complaint says what was expected: ranged numbers and strict objects.

import { z } from 'zod';
import type { NumberRule } from '../messages.js';
import * as messages from '../messages.js';

/** A finite number within `rule`; wrong type, fraction and range all say the same expected text. */
export function numberField(rule: NumberRule, expected: string = messages.expectedNumber(rule)) {
  let schema = z.number({ error: expected });
  if (rule.int) schema = schema.int({ error: expected });
  if (rule.min !== undefined) schema = schema.min(rule.min, { error: expected });
  if (rule.gt !== undefined) schema = schema.gt(rule.gt, { error: expected });
  if (rule.max !== undefined) schema = schema.max(rule.max, { error: expected });
  if (rule.lt !== undefined) schema = schema.lt(rule.lt, { error: expected });
  return schema;
}

/**
 * An object that rejects unknown keys. The unknown-keys issue carries the known keys, JSON-encoded, as
 * its message, so that issues.ts can list them and suggest the nearest one for each stray key.
 */
export function strictObject<Shape extends z.ZodRawShape>(
  shape: Shape,
  expected: string = messages.expectedType('object'),
) {
  const known = JSON.stringify(Object.keys(shape));
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? known : expected),
  });
}

/** A string from a fixed set: one of the names tuples in sim/types, which the unions derive from. */
export function enumField<const T extends readonly [string, ...string[]]>(names: T) {
  return z.enum(names, { error: messages.expectedOneOf(names) });
}
