// The README's table of defaults says what the code does: every numeric default, field by field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPolicyNames, defaultSettings } from '../../../sim/experiment/scenario/index.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Defaults'), readme.indexOf('### results.json additions'));
const rows = new Map(
  [...section.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()] as const),
);

function documented(path: string): string {
  const text = rows.get(path);
  if (text === undefined) throw new Error(`README defaults table has no row for ${path}`);
  return text;
}

describe('README defaults table', () => {
  const defaults = defaultSettings();
  const leaves: Array<[string, unknown]> = [];
  for (const [section, fields] of Object.entries(defaults)) {
    for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
      if (section === 'machine') {
        for (const [k, v] of Object.entries(value as Record<string, unknown>))
          leaves.push([`machine.${key}.${k}`, v]);
      } else leaves.push([`${section}.${key}`, value]);
    }
  }

  for (const [path, value] of leaves) {
    it(`documents ${path}`, () => {
      const text = documented(path);
      if (value === null) expect(text).toMatch(/^null/);
      else if (Array.isArray(value)) expect(text.startsWith(JSON.stringify(value))).toBe(true);
      else if (typeof value === 'number') expect(Number(text.replace(/[^0-9.e+-]/g, ''))).toBe(value);
      else if (typeof value === 'string') expect(text).toBe(`\`${value}\``);
      else {
        const d = value as { dist: string; mean?: number; value?: number };
        expect(text).toContain(d.dist);
        expect(text).toContain(String(d.mean ?? d.value));
      }
    });
  }

  it('documents the default policies', () => {
    expect(documented('policies')).toBe(defaultPolicyNames.map((p) => `\`${p}\``).join(', '));
  });
});
