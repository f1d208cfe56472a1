// The JSON error locator agrees with JSON.parse: silent on every valid text, and it finds an error in
// every text JSON.parse rejects (property-based, fixed seeds; failures print the seed and path).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, parseJsonText } from '../../../sim/experiment/scenario/index.js';
import { locateJsonError } from '../../../sim/experiment/scenario/json.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('locateJsonError', () => {
  it('finds nothing wrong in valid JSON, however it is spaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
        expect(locateJsonError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
      { seed: 20120501, numRuns: 500 },
    );
  });

  it('locates an error in every text JSON.parse rejects, and in none it accepts', () => {
    // mutations of valid JSON: a character dropped, doubled or replaced
    const text = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', '\n', 'x', '-', '.', 'e', '\\'),
      )
      .map(([json, at, insert]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(text, (candidate) => {
        const found = locateJsonError(candidate);
        if (parses(candidate)) expect(found).toBeUndefined();
        else expect(found?.offset).toBeLessThanOrEqual(candidate.length);
      }),
      { seed: 20120502, numRuns: 2000 },
    );
  });

  it('copes with deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(100000)}${']'.repeat(99999)}`;
    expect(locateJsonError(deep)).toEqual({ offset: deep.length, expected: '"," or "]"' });
  });
});

describe('parseJsonText', () => {
  it('returns the value, or an InputError with the line and column', () => {
    expect(parseJsonText('{"a": [1, 2]}', 'f.json')).toEqual({ a: [1, 2] });
    expect(() => parseJsonText('{\n  "a": tru\n}', 'f.json')).toThrow(InputError);
    expect(() => parseJsonText('{\n  "a": tru\n}', 'f.json')).toThrow(
      'f.json: line 2, column 8: invalid JSON: unexpected "t" (expected a value: an object, list, string, number, true, false or null)',
    );
  });
});
