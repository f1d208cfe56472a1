// `zerosim validate`: an ok line per good file, one stderr line per problem, exit 2 on any problem.

import { describe, expect, it } from 'vitest';
import { lines, scratchDir, stackFrame, writeFile, zerosim } from './helpers.js';

describe('zerosim validate', () => {
  it('accepts a valid scenario with exit code 0', () => {
    const dir = scratchDir();
    writeFile(dir, 'good.json', { name: 'good', cores: [1, 2, 4], policies: ['no-zero', 'exact-dirty'] });
    const result = zerosim(['validate', 'good.json'], dir);
    expect(result).toEqual({
      code: 0,
      stdout: 'good.json: ok: "good", 2 policies × 3 core counts, 5 replications each\n',
      stderr: '',
    });
  });

  it('reports every problem of every file, one line each, without a stack trace, and exits 2', () => {
    const dir = scratchDir();
    writeFile(dir, 'good.json', { name: 'good', cores: [1] });
    writeFile(dir, 'broken.json', '{"name": "broken",\n  "cores": [1,]\n}');
    writeFile(dir, 'bad.json', {
      name: 'bad',
      cores: [0],
      policies: ['go1.1-after-unlok'],
      workload: { sizeBytes: { dist: 'empirical', values: [4096], weights: [0] } },
      run: { warmupFraction: 1 },
    });
    const result = zerosim(['validate', 'good.json', 'broken.json', 'bad.json', 'missing.json'], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stdout)).toEqual([
      'good.json: ok: "good", 4 policies × 1 core counts, 5 replications each',
    ]);
    expect(lines(result.stderr)).toEqual([
      'broken.json: line 2, column 15: invalid JSON: unexpected "]" (expected a value: an object, list, string, number, true, false or null)',
      'bad.json: cores[0]: got 0 (expected an integer from 1 to 65536)',
      'bad.json: policies[0]: unknown policy "go1.1-after-unlok"; did you mean "go1.1-after-unlock"? (expected a preset (go1.0-under-lock, go1.1-after-unlock, exact-dirty, go1.24-regression, zero-on-free, background-zeroer, no-zero), or an object with "name" and "extends" for anything else)',
      'bad.json: workload.sizeBytes.weights: the weights sum to 0 (expected weights >= 0 with a positive sum)',
      'bad.json: run.warmupFraction: got 1 (expected a number in [0, 1))',
      'missing.json: cannot read: no such file or directory (expected a readable JSON file)',
    ]);
    expect(result.stderr).not.toMatch(stackFrame);
  });

  it('reads a directory as an unreadable file', () => {
    const dir = scratchDir();
    const result = zerosim(['validate', '.'], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      '.: cannot read: it is a directory (expected a readable JSON file)',
    ]);
  });

  it('needs at least one file', () => {
    const result = zerosim(['validate']);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      'zerosim: Not enough non-option arguments: got 0, need at least 1 (see "zerosim --help")',
    ]);
  });
});
