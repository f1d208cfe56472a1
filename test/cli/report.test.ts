// `zerosim report`: re-renders report.html and charts/ from a saved results.json.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeResults } from './fixtures.js';
import { lines, scratchDir, writeFile, zerosim } from './helpers.js';

/** a user's own picture among the charts, which zerosim must leave alone */
const userSvg = 'mine.svg';

/** The chart names in DIR/charts, checking that each has both its spec and its SVG. */
function chartNames(dir: string): string[] {
  const files = readdirSync(join(dir, 'charts'))
    .filter((f) => (f.endsWith('.svg') || f.endsWith('.vl.json')) && f !== userSvg)
    .sort();
  const names = files.filter((f) => f.endsWith('.vl.json')).map((f) => f.slice(0, -'.vl.json'.length));
  expect(files).toEqual(names.flatMap((name) => [`${name}.svg`, `${name}.vl.json`]).sort());
  return names;
}

describe('zerosim report', () => {
  it('writes report.html and charts/ next to the results by default', () => {
    const dir = scratchDir();
    writeFile(dir, 'results.json', fakeResults());
    mkdirSync(join(dir, 'charts'));
    // an earlier zerosim's chart (its spec and its SVG), and files of the user's
    writeFileSync(join(dir, 'charts', 'stale.svg'), '<svg/>');
    writeFileSync(join(dir, 'charts', 'stale.vl.json'), '{}');
    writeFileSync(join(dir, 'charts', userSvg), '<svg/>');
    writeFileSync(join(dir, 'charts', 'notes.txt'), 'mine');

    const result = zerosim(['report', 'results.json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual(['report: report.html']);

    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    const names = chartNames(dir);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(JSON.parse(readFileSync(join(dir, 'charts', `${name}.vl.json`), 'utf8'))).toHaveProperty(
        '$schema',
      );
      expect(readFileSync(join(dir, 'charts', `${name}.svg`), 'utf8')).toContain('<svg');
    }
    // an earlier run's chart is gone; the user's files stay
    expect(existsSync(join(dir, 'charts', 'stale.svg'))).toBe(false);
    expect(existsSync(join(dir, 'charts', 'stale.vl.json'))).toBe(false);
    expect(existsSync(join(dir, 'charts', userSvg))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'notes.txt'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes into --out, creating it', () => {
    const dir = scratchDir();
    writeFile(dir, 'results.json', fakeResults());
    const result = zerosim(['report', 'results.json', '--out', 'elsewhere/deeper'], dir);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([`report: ${join('elsewhere', 'deeper', 'report.html')}`]);
    expect(existsSync(join(dir, 'elsewhere', 'deeper', 'report.html'))).toBe(true);
    expect(chartNames(join(dir, 'elsewhere', 'deeper')).length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  it('gives results without capacity answers the ones run computes, so the findings say where policies saturate', () => {
    const dir = scratchDir();
    writeFile(dir, 'results.json', fakeResults());
    expect(zerosim(['report', 'results.json'], dir).code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('aria-label="capacity answers"');
    expect(html).toContain('<li>go1.0-under-lock is still growing at 4 cores');
  });

  it('accepts results from an older version of the same major', () => {
    const dir = scratchDir();
    writeFile(dir, 'results.json', fakeResults('0.0.1'));
    expect(zerosim(['report', 'results.json'], dir).code).toBe(0);
  });
});
