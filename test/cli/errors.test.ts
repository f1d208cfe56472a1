// Exit codes and messages of the CLI for bad input: 2, one line per problem on stderr, no stack trace.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeResults } from './fixtures.js';
import { lines, packageRoot, scratchDir, stackFrame, writeFile, zerosim } from './helpers.js';

const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Runs zerosim and expects bad input: exit 2, exactly `expected` on stderr, no stack. */
function expectBadInput(args: string[], expected: string[], cwd?: string) {
  const result = zerosim(args, cwd);
  expect(lines(result.stderr)).toEqual(expected);
  expect(result.stderr).not.toMatch(stackFrame);
  expect(result.code).toBe(2);
}

describe('usage errors', () => {
  it.each([
    [[], 'zerosim: name a command: run, whatif, validate, list or report (see "zerosim --help")'],
    [['frobnicate'], 'zerosim: Unknown argument: frobnicate (see "zerosim --help")'],
    [['list', '--verbose'], 'zerosim: Unknown argument: verbose (see "zerosim --help")'],
    [['run', '--cores'], 'zerosim: Not enough arguments following: cores (see "zerosim --help")'],
    [['report'], 'zerosim: Not enough non-option arguments: got 0, need at least 1 (see "zerosim --help")'],
  ])('zerosim %j exits 2 with one line', (args, line) => {
    expectBadInput(args, [line]);
  });

  it('prints the version and help with exit code 0', () => {
    expect(zerosim(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = zerosim(['run', '--help']);
    expect(help.code).toBe(0);
    for (const flag of [
      '--out',
      '--cores',
      '--policies',
      '--replications',
      '--seed',
      '--jobs',
      '--quiet',
      '--max-events',
    ]) {
      expect(help.stdout).toContain(flag);
    }
  });
});

describe('zerosim run with bad input, refused before any simulation', () => {
  it('reports every bad flag value at once', () => {
    const dir = scratchDir();
    writeFile(dir, 's.json', { name: 's', cores: [1] });
    expectBadInput(
      [
        'run',
        's.json',
        '--cores',
        '1,0,x',
        '--replications',
        '1',
        '--seed',
        '-3',
        '--jobs',
        'many',
        '--max-events',
        '0',
      ],
      [
        '--cores: got 0 (expected an integer from 1 to 65536)',
        '--cores: got "x" (expected an integer from 1 to 65536)',
        '--replications: got 1 (expected an integer >= 2: a 95% confidence interval needs two replications)',
        '--seed: got -3 (expected an integer from 0 to 4294967295)',
        '--max-events: got 0 (expected an integer >= 1)',
        '--jobs: got "many" (expected an integer >= 1)',
      ],
      dir,
    );
  });

  it('reports the problems of every scenario file', () => {
    const dir = scratchDir();
    writeFile(dir, 'a.json', {
      name: 'a',
      cores: [],
      workload: { workNs: { dist: 'exponential', mean: 0 } },
    });
    writeFile(dir, 'b.json', '{"name": "b" "cores": [1]}');
    expectBadInput(
      ['run', 'a.json', 'b.json', 'c.json'],
      [
        'a.json: cores: got [] (expected a non-empty list of core counts, e.g. [1, 2, 4])',
        'a.json: workload.workNs.mean: got 0 (expected a number > 0)',
        'b.json: line 1, column 14: invalid JSON: unexpected "\\"" (expected "," or "}")',
        'c.json: cannot read: no such file or directory (expected a readable JSON file)',
      ],
      dir,
    );
  });

  it('rejects an unknown --policies name', () => {
    const dir = scratchDir();
    writeFile(dir, 's.json', { name: 's', cores: [1], policies: [{ name: 'mine', extends: 'no-zero' }] });
    expectBadInput(
      ['run', 's.json', '--policies', 'mine,zero-on-fre'],
      [
        '--policies: unknown policy "zero-on-fre"; did you mean "zero-on-free"? (expected a preset (go1.0-under-lock, go1.1-after-unlock, exact-dirty, go1.24-regression, zero-on-free, background-zeroer, no-zero), or a policy of this scenario (mine))',
      ],
      dir,
    );
  });

  it('rejects two scenarios with the same name, which would share an output folder', () => {
    const dir = scratchDir();
    writeFile(dir, 'a.json', { name: 'same', cores: [1] });
    writeFile(dir, 'b.json', { name: 'same', cores: [2] });
    expectBadInput(
      ['run', 'a.json', 'b.json'],
      [
        'b.json: name: "same" is also the name of a.json (expected distinct names: a scenario\'s name is its output folder)',
      ],
      dir,
    );
  });

  it('refuses an output folder it cannot write', () => {
    const dir = scratchDir();
    writeFile(dir, 's.json', { name: 's', cores: [1] });
    writeFile(dir, 'file', 'not a folder');
    expectBadInput(
      ['run', 's.json', '--out', 'file/out'],
      [
        'file/out: cannot write output: a part of the path is not a directory (expected a writable directory)',
      ],
      dir,
    );
  });

  it('refuses a folder whose permission bits say writable but which takes no files (/proc, even as root)', () => {
    const dir = scratchDir();
    writeFile(dir, 's.json', { name: 's', cores: [1] });
    expectBadInput(
      ['run', 's.json', '--out', '/proc/zerosim-out'],
      ['/proc/zerosim-out: cannot write output: no such file or directory (expected a writable directory)'],
      dir,
    );
  });
});

describe('zerosim report with bad input', () => {
  it('refuses results that are not zerosim’s, or from a newer major version', () => {
    const dir = scratchDir();
    writeFile(dir, 'other.json', { tool: { name: 'othersim', version: '1.0.0' }, points: [] });
    writeFile(dir, 'newer.json', fakeResults('99.0.0'));
    writeFile(dir, 'bare.json', { tool: { name: 'zerosim', version: version } });
    writeFile(dir, 'list.json', [1]);
    writeFile(dir, 'broken.json', '{"tool": ');
    expectBadInput(
      ['report', 'other.json'],
      ['other.json: tool.name: got "othersim" (expected a results.json written by zerosim run)'],
      dir,
    );
    expectBadInput(
      ['report', 'newer.json'],
      [
        `newer.json: tool.version: got "99.0.0" (expected results from zerosim ${version.startsWith('0.') ? version.split('.').slice(0, 2).join('.') : version.split('.')[0]}.x or older; this is zerosim ${version})`,
      ],
      dir,
    );
    expectBadInput(
      ['report', 'bare.json'],
      [
        'bare.json: points: missing (expected a list [...])',
        'bare.json: scenario: missing (expected an object)',
      ],
      dir,
    );
    expectBadInput(
      ['report', 'list.json'],
      ['list.json: (top level): got [1] (expected a results.json written by zerosim run)'],
      dir,
    );
    expectBadInput(
      ['report', 'broken.json'],
      [
        'broken.json: line 1, column 10: invalid JSON: unexpected end of text (expected a value: an object, list, string, number, true, false or null)',
      ],
      dir,
    );
  });

  it('refuses an output folder it cannot write', () => {
    const dir = scratchDir();
    writeFile(dir, 'results.json', fakeResults());
    mkdirSync(join(dir, 'out'));
    writeFile(join(dir, 'out'), 'charts', 'a file where the charts folder goes');
    expectBadInput(
      ['report', 'results.json', '--out', 'out'],
      ['out/charts: cannot write output: a file is in the way (expected a writable directory)'],
      dir,
    );
  });
});
