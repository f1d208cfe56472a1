// What was expected of a number, a JSON type, a list or an object's keys.

import { didYouMean } from './lines.js';

/** The range a number must lie in; `gt`/`lt` are exclusive bounds. */
export interface NumberRule {
  int?: boolean;
  min?: number;
  gt?: number;
  max?: number;
  lt?: number;
}

/** "an integer >= 1", "a number > 0", "a number in [0, 1)", "an integer from 0 to 4294967295". */
export function expectedNumber(rule: NumberRule): string {
  const noun = rule.int ? 'an integer' : 'a number';
  const low = rule.min ?? rule.gt;
  const high = rule.max ?? rule.lt;
  if (low !== undefined && high !== undefined) {
    if (rule.int && rule.min !== undefined && rule.max !== undefined) return `${noun} from ${low} to ${high}`;
    return `${noun} in ${rule.min !== undefined ? '[' : '('}${low}, ${high}${rule.max !== undefined ? ']' : ')'}`;
  }
  if (low !== undefined) return `${noun} ${rule.min !== undefined ? '>=' : '>'} ${low}`;
  if (high !== undefined) return `${noun} ${rule.max !== undefined ? '<=' : '<'} ${high}`;
  return rule.int ? 'an integer' : 'a finite number';
}

/** The expected part for a JSON type, e.g. from a wrong-type error. */
export function expectedType(type: string): string {
  const names: Record<string, string> = {
    number: 'a finite number',
    string: 'a string',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list [...]',
  };
  return names[type] ?? type;
}

export function expectedOneOf(values: readonly unknown[]): string {
  return `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

export function expectedAtLeastItems(minimum: number): string {
  return `a list of at least ${minimum} item${minimum === 1 ? '' : 's'}`;
}

export function unknownKey(suggestion: string | undefined): string {
  return `unknown key${didYouMean(suggestion)}`;
}

export function expectedKnownKey(known: readonly string[]): string {
  return `one of ${known.join(', ')}`;
}
