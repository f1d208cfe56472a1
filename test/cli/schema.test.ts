// `zerosim schema`: the JSON Schema on stdout, a failed write as one line and exit 2; and a scenario
// file naming its schema with "$schema" runs to the same results as without it.

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../sim/experiment/scenario/index.js';
import { lines, packageRoot, scratchDir, stackFrame, writeFile, zerosim } from './helpers.js';

const bin = join(packageRoot, 'bin', 'zerosim.js');

describe('zerosim schema', () => {
  it('prints the scenario JSON Schema (draft 2020-12) as one JSON document on stdout', () => {
    const { code, stdout, stderr } = zerosim(['schema']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(printed).toEqual(scenarioJsonSchema());
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('reports a full stdout in one line, with exit 2 and no stack', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [bin, 'schema'], { stdio: ['ignore', full, 'pipe'] });
      const stderr = result.stderr.toString();
      expect(lines(stderr)).toEqual(['zerosim: cannot write to stdout: no space left on the device']);
      expect(stderr).not.toMatch(stackFrame);
      expect(result.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  it('ends quietly when the reader closes the pipe, as `| head` does', async () => {
    const child = spawn(process.execPath, [bin, 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // close the reading end before the command writes: its write meets EPIPE
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('a scenario file with "$schema"', () => {
  const tiny = { name: 'tiny', cores: [1, 2], run: { allocationsPerCore: 200, replications: 2 } };

  it('validates and runs to the same results.json and results.csv as without it', () => {
    const dir = scratchDir();
    writeFile(dir, 'plain.json', tiny);
    writeFile(dir, 'named.json', { $schema: './scenario.schema.json', ...tiny });
    expect(zerosim(['validate', 'named.json'], dir).code).toBe(0);
    for (const [file, out] of [
      ['plain.json', 'out-plain'],
      ['named.json', 'out-named'],
    ]) {
      const ran = zerosim(['run', file, '--jobs', '1', '--quiet', '--out', out], dir);
      expect(ran.code, ran.stderr).toBe(0);
    }
    const read = (out: string, name: string) => readFileSync(join(dir, out, name), 'utf8');
    expect(read('out-named', 'results.json')).toBe(read('out-plain', 'results.json'));
    expect(read('out-named', 'results.csv')).toBe(read('out-plain', 'results.csv'));
    expect(JSON.parse(read('out-named', 'results.json')).scenario).not.toHaveProperty('$schema');
  });

  it('is how every shipped scenario names the schema the build writes and the package exports', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    const target = manifest.exports['./scenario.schema.json'];
    expect(target).toBe('./dist/scenario.schema.json');
    expect(manifest.files).toContain('dist/scenario.schema.json');
    expect(manifest.scripts.build).toContain('zerosim.js schema > dist/scenario.schema.json');
    const scenarios = join(packageRoot, 'scenarios');
    for (const file of readdirSync(scenarios).filter((name) => name.endsWith('.json'))) {
      const { $schema } = JSON.parse(readFileSync(join(scenarios, file), 'utf8'));
      // editors resolve a relative $schema against the scenario file's folder
      expect(resolve(dirname(join(scenarios, file)), $schema)).toBe(resolve(packageRoot, target));
    }
  });
});
