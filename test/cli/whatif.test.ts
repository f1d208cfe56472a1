// `zerosim whatif` end to end: the grid in results.json, identical results for any --jobs, the
// sensitivity table, and bad --vary input refused with exit code 2.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../sim/types/index.js';
import { scratchDir, writeFile, zerosim } from './helpers.js';

const tiny = {
  name: 'tiny',
  cores: [1, 4],
  policies: ['go1.0-under-lock', 'go1.1-after-unlock'],
  workload: { workNs: { dist: 'exponential', mean: 2000 }, sizeBytes: 1048576 },
  run: { allocationsPerCore: 200, replications: 2, seed: 42 },
};
const vary = ['--vary', 'machine.memory.totalClearGBps=30,120', '--vary', 'workload.needZeroFraction=0.5,1'];

describe('zerosim whatif', () => {
  it('writes the full grid, and byte-identical results for --jobs 1 and --jobs 2', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const one = zerosim(['whatif', 'tiny.json', ...vary, '--out', 'one', '--jobs', '1', '--quiet'], dir);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(
      zerosim(['whatif', 'tiny.json', ...vary, '--out', 'two', '--jobs', '2', '--quiet'], dir).code,
    ).toBe(0);
    const text = readFileSync(join(dir, 'one', 'results.json'), 'utf8');
    expect(readFileSync(join(dir, 'two', 'results.json'), 'utf8')).toBe(text);
    const results = JSON.parse(text) as Results;
    expect(results.points).toHaveLength(2 * 2 * 2 * 2);
    expect(results.whatif?.vary.map((a) => a.path)).toEqual([
      'machine.memory.totalClearGBps',
      'workload.needZeroFraction',
    ]);
    expect(Object.keys(results.usl ?? {})).toHaveLength(0); // two core counts: no USL fit
    expect(one.stdout).toMatch(/machine\.memory\.totalClearGBps=30,workload\.needZeroFraction=0\.5\n/);
    expect(one.stdout).toMatch(/report: one\/report\.html\n$/);
  });

  it('runs a sensitivity study and prints the top-ranked parameters', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', { ...tiny, policies: ['go1.1-after-unlock'] });
    const r = zerosim(['whatif', 'tiny.json', '--sensitivity', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /sensitivity at 4 cores \(each parameter ±50%, effect on allocs\/s\):\n {2}go1\.1-after-unlock: 1\. /,
    );
    const results = JSON.parse(
      readFileSync(join(dir, 'out', 'tiny-whatif', 'results.json'), 'utf8'),
    ) as Results;
    expect(results.sensitivity?.rows.length).toBeGreaterThan(5);
    expect(results.points.every((p) => p.vary === undefined)).toBe(true);
  });

  it('refuses a --vary path that does not exist, with exit code 2 and one line', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = zerosim(['whatif', 'tiny.json', '--vary', 'machine.memory.bandwidth=1,2', '--quiet'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^--vary: machine\.memory\.bandwidth: no such field in the scenario \(expected /,
    );
  });

  it('needs something to vary', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = zerosim(['whatif', 'tiny.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to vary/);
  });
});
