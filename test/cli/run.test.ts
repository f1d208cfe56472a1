// `zerosim run` end to end: the files it writes, the table it prints, and results that do not depend
// on --jobs. These need runStudy (sim/experiment/run.ts) and a small scenario, so they stay quick.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOverrides, loadScenarioText } from '../../sim/experiment/scenario/index.js';
import type { Results } from '../../sim/types/index.js';
import { lines, packageRoot, scratchDir, writeFile, zerosim } from './helpers.js';

const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Small enough to run in a second or two: few allocations, small blocks. */
const tiny = {
  name: 'tiny',
  title: 'A tiny study',
  cores: [1, 2, 4],
  policies: ['go1.0-under-lock', 'go1.1-after-unlock', { name: 'mine', extends: 'no-zero' }],
  workload: { workNs: { dist: 'exponential', mean: 2000 }, sizeBytes: 1048576 },
  run: { allocationsPerCore: 300, replications: 2, seed: 42 },
};

function readResults(dir: string): Results {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
}

describe('zerosim run', () => {
  it('writes results.json, results.csv, report.html and charts/, and prints the table and report path', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const result = zerosim(
      ['run', 'tiny.json', '--out', 'results', '--cores', '2,1', '--quiet', '--jobs', '2'],
      dir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const out = join(dir, 'results');
    const results = readResults(out);
    expect(results.tool).toEqual({ name: 'zerosim', version });
    const expectedScenario = applyOverrides(loadScenarioText(JSON.stringify(tiny), 'tiny.json'), {
      cores: [1, 2],
    });
    expect(results.scenario).toEqual(expectedScenario);
    expect(results.points.map((p) => [p.policy, p.cores]).sort()).toEqual(
      ['go1.0-under-lock', 'go1.1-after-unlock', 'mine']
        .flatMap((policy) => [
          [policy, 1],
          [policy, 2],
        ])
        .sort(),
    );

    const csv = readFileSync(join(out, 'results.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0].startsWith('policy,cores,replications,seed,allocs_per_sec_mean,allocs_per_sec_ci95,')).toBe(
      true,
    );
    expect(csv).toHaveLength(1 + results.points.length);

    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const charts = readdirSync(join(out, 'charts'));
    expect(charts.some((f) => f.endsWith('.vl.json'))).toBe(true);
    expect(charts.filter((f) => f.endsWith('.svg'))).toHaveLength(
      charts.filter((f) => f.endsWith('.vl.json')).length,
    );
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const stdout = lines(result.stdout);
    expect(stdout[0]).toBe('tiny: allocations per second (mean ± 95% CI half-width)');
    expect(stdout[1]).toMatch(/^policy +1 core +2 cores$/);
    expect(stdout.slice(2, 5).map((line) => line.split(/\s+/)[0])).toEqual([
      'go1.0-under-lock',
      'go1.1-after-unlock',
      'mine',
    ]);
    // then the capacity answers, one line per policy, and the report's path last
    expect(stdout[5]).toBe('');
    expect(stdout[6]).toBe('capacity:');
    expect(stdout.slice(7, 10).map((line) => line.trim().split(':')[0])).toEqual([
      'go1.0-under-lock',
      'go1.1-after-unlock',
      'mine',
    ]);
    expect(stdout[stdout.length - 1]).toBe(`report: ${join('results', 'report.html')}`);
  });

  it('gives identical results for any number of worker threads', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    expect(zerosim(['run', 'tiny.json', '--out', 'one', '--jobs', '1', '--quiet'], dir).code).toBe(0);
    expect(zerosim(['run', 'tiny.json', '--out', 'three', '--jobs', '3', '--quiet'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'three', 'results.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'one', 'results.json'), 'utf8'),
    );
  });

  it('writes into out/<name>/ by default, and one folder per scenario under --out', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', { ...tiny, cores: [1], policies: ['no-zero'] });
    writeFile(dir, 'other.json', { ...tiny, name: 'other', cores: [1], policies: ['no-zero'] });
    expect(zerosim(['run', 'tiny.json', '--quiet'], dir).code).toBe(0);
    expect(readResults(join(dir, 'out', 'tiny')).scenario.name).toBe('tiny');
    expect(zerosim(['run', 'tiny.json', 'other.json', '--out', 'both', '--quiet'], dir).code).toBe(0);
    expect(readResults(join(dir, 'both', 'tiny')).scenario.name).toBe('tiny');
    expect(readResults(join(dir, 'both', 'other')).scenario.name).toBe('other');
  });

  it('applies --policies, --replications and --seed', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const args = [
      'run',
      'tiny.json',
      '--policies',
      'mine,exact-dirty',
      '--cores',
      '1',
      '--replications',
      '3',
      '--seed',
      '7',
    ];
    expect(zerosim([...args, '--quiet'], dir).code).toBe(0);
    const results = readResults(join(dir, 'out', 'tiny'));
    expect(results.scenario.policies.map((p) => p.name)).toEqual(['mine', 'exact-dirty']);
    expect(results.scenario.run).toMatchObject({ replications: 3, seed: 7 });
    expect(results.points.every((p) => p.replications === 3)).toBe(true);
  });
});
