// `-` names stdin wherever zerosim reads a file (`<stdin>` in messages; it can be read once), and is
// refused, with one line and exit 2, where a folder is wanted.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../sim/types/index.js';
import { fakeResults } from './fixtures.js';
import { lines, scratchDir, stackFrame, zerosim } from './helpers.js';

const tiny = JSON.stringify({
  name: 'from-stdin',
  cores: [1],
  policies: ['no-zero'],
  workload: { sizeBytes: 65536 },
  run: { allocationsPerCore: 100, replications: 2 },
});

function expectBadInput(args: string[], input: string | undefined, expected: string[]): void {
  const result = zerosim(args, scratchDir(), input);
  expect(lines(result.stderr)).toEqual(expected);
  expect(result.stderr).not.toMatch(stackFrame);
  expect(result.code).toBe(2);
}

describe('- for stdin', () => {
  it('validate - checks the scenario on stdin', () => {
    const result = zerosim(['validate', '-'], scratchDir(), tiny);
    expect(result.stderr).toBe('');
    expect(lines(result.stdout)).toEqual([
      '<stdin>: ok: "from-stdin", 1 policies × 1 core counts, 2 replications each',
    ]);
    expect(result.code).toBe(0);
  });

  it('names <stdin> in problems, for validate and whatif', () => {
    const bad = JSON.stringify({ name: 'x', cores: [0] });
    const validate = zerosim(['validate', '-'], scratchDir(), bad);
    expect(validate.code).toBe(2);
    expect(lines(validate.stderr)[0]).toMatch(/^<stdin>: cores\[0\]: got 0 /);
    const whatif = zerosim(['whatif', '-', '--vary', 'workload.needZeroFraction=0.5'], scratchDir(), bad);
    expect(whatif.code).toBe(2);
    expect(lines(whatif.stderr)).toEqual(lines(validate.stderr));
  });

  it('refuses to read stdin twice', () => {
    expectBadInput(['validate', '-', '-'], tiny, ['<stdin>: cannot read stdin twice (give - once)']);
  });

  it('run - runs the scenario on stdin', () => {
    const dir = scratchDir();
    const result = zerosim(['run', '-', '--out', 'o', '--quiet', '--jobs', '1'], dir, tiny);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'o', 'results.json'), 'utf8')) as Results;
    expect(results.scenario.name).toBe('from-stdin');
  }, 60_000);

  it('report - reads results from stdin, into the folder --out names', () => {
    const dir = scratchDir();
    const result = zerosim(['report', '-', '--out', 'r'], dir, JSON.stringify(fakeResults()));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'r', 'report.html'))).toBe(true);
    expectBadInput(['report', '-'], JSON.stringify(fakeResults()), [
      '<stdin>: results from stdin have no folder (give --out DIR)',
    ]);
    expectBadInput(['report', '-', '--out', 'r'], '{}', [
      '<stdin>: tool: missing (expected a results.json written by zerosim run)',
    ]);
  }, 60_000);

  it('refuses - and the empty name as an output folder', () => {
    expectBadInput(['run', '--out', '-'], undefined, [
      'zerosim: - (stdin) cannot be an output folder (a file or folder path)',
    ]);
    expectBadInput(['report', 'results.json', '--out', ''], undefined, [
      '--out: got "" (expected a folder path)',
    ]);
    expectBadInput(['run', '--out', ''], undefined, ['--out: got "" (expected a folder path)']);
    // where no file is read, - is just what was typed
    expectBadInput(['run', '--cores', '-'], undefined, [
      '--cores: got "-" (expected an integer from 1 to 65536)',
    ]);
    expectBadInput(['list', '-'], undefined, ['zerosim: Unknown argument: - (see "zerosim --help")']);
  });
});
