// The conventions a command-line user expects: -v and --version, a completion script, honest --help
// labels, one line (not a stack) when stdout cannot be written, silence when a pipe closes early, and
// no duplicated or silently-won input.

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, packageRoot, scratchDir, stackFrame, writeFile, zerosim } from './helpers.js';

const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string })
  .version;
const bin = join(packageRoot, 'bin', 'zerosim.js');

describe('command-line conventions', () => {
  it('-v and --version print the version', () => {
    for (const flag of ['-v', '--version']) {
      const result = zerosim([flag]);
      expect(result.code).toBe(0);
      expect(lines(result.stdout)).toEqual([version]);
    }
  });

  it('completion prints a shell completion script', () => {
    const result = zerosim(['completion']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('zerosim');
    expect(result.stdout).toMatch(/complete|compdef/);
  });

  it('--help labels number flags [number] and shows no default for validate’s required files', () => {
    const run = zerosim(['run', '--help']).stdout;
    for (const flag of ['--seed', '--replications', '--jobs', '--max-events', '--target-allocs-per-sec'])
      expect(run.split('\n').find((line) => line.includes(` ${flag} `))).toContain('[number]');
    const validate = zerosim(['validate', '--help']).stdout;
    expect(validate).toContain('[required]');
    expect(validate).not.toContain('[default: []]');
  });

  it('number flags still quote what was typed, once', () => {
    const abc = zerosim(['run', '--seed', 'abc']);
    expect(abc.code).toBe(2);
    expect(lines(abc.stderr)).toEqual(['--seed: got "abc" (expected an integer from 0 to 4294967295)']);
    const huge = zerosim(['run', '--seed', '1e20']);
    expect(huge.code).toBe(2);
    expect(lines(huge.stderr)).toEqual([
      '--seed: got 100000000000000000000 (expected an integer from 0 to 4294967295)',
    ]);
  });

  it('refuses a duplicate JSON key, naming it', () => {
    const dir = scratchDir();
    writeFile(dir, 'dup.json', '{"name": "a", "cores": [1], "run": {"seed": 1, "seed": 2}}');
    const result = zerosim(['validate', 'dup.json'], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      'dup.json: run.seed: duplicate key "seed" (each key once in its object)',
    ]);
  });

  it('a stdout that cannot be written gives one line and exit 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [bin, 'list'], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(lines(result.stderr)).toEqual(['zerosim: cannot write to stdout: no space left on the device']);
      expect(result.stderr).not.toMatch(stackFrame);
    } finally {
      closeSync(full);
    }
  });

  it('a pipe closed early (zerosim list | head -1) ends it quietly', async () => {
    const child = spawn(process.execPath, [bin, 'list'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // close the reading end at once, as head does after its line: every write then fails with EPIPE
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
