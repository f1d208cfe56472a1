// `zerosim run --precision`, `--max-replications` and `--trace` end to end, on the built CLI with real
// worker threads: every point meets the target or reaches the cap, the table and the report say
// which, results are identical for --jobs 1 and 2, and the trace file opens as trace-event JSON.
// Seed 42; the tiny study runs in a second or two.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../sim/types/index.js';
import { lines, scratchDir, writeFile, zerosim } from './helpers.js';

const tiny = {
  name: 'tiny',
  cores: [1, 4],
  policies: ['go1.0-under-lock', 'go1.1-after-unlock'],
  workload: { workNs: { dist: 'exponential', mean: 2000 }, sizeBytes: 1048576 },
  run: { allocationsPerCore: 200, replications: 3, seed: 42 },
};

const TARGET = 0.005;
const CAP = 9;

function run(dir: string, out: string, jobs: number, extra: string[] = []) {
  return zerosim(
    [
      'run',
      'tiny.json',
      '--out',
      out,
      '--quiet',
      '--jobs',
      String(jobs),
      '--precision',
      String(TARGET),
      '--max-replications',
      String(CAP),
      ...extra,
    ],
    dir,
  );
}

describe('zerosim run --precision', () => {
  it('adds batches until each point meets the target or the cap; the same for --jobs 1 and 2; says which', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const one = run(dir, 'one', 1);
    const two = run(dir, 'two', 2, ['--trace', 'go1.0-under-lock@4']);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const a = readFileSync(join(dir, 'one', 'results.json'), 'utf8');
    expect(readFileSync(join(dir, 'two', 'results.json'), 'utf8')).toBe(a);
    expect(readFileSync(join(dir, 'two', 'results.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'one', 'results.csv'), 'utf8'),
    );
    const results = JSON.parse(a) as Results;
    let missed = 0;
    for (const p of results.points) {
      const { mean, ci95 } = p.allocsPerSec;
      expect(p.precision).toEqual({ target: TARGET, maxReplications: CAP, reached: ci95 <= TARGET * mean });
      // batches of the scenario's 3 replications, up to the cap
      expect(p.replications % 3 === 0 || p.replications === CAP).toBe(true);
      // a point that missed the target ran to the cap
      if (!p.precision!.reached) {
        expect(p.replications).toBe(CAP);
        missed++;
      }
    }
    // the table says how many replications each point took, and marks the points that missed
    const out = lines(one.stdout);
    const title = out.findIndex((l) => l.startsWith('replications per point'));
    expect(title).toBeGreaterThan(0);
    const row = out[title + 2].trim().split(/\s+/);
    const first = results.points.filter((p) => p.policy === 'go1.0-under-lock');
    expect(row.slice(1)).toEqual(first.map((p) => `${p.replications}${p.precision!.reached ? '' : '*'}`));
    expect(one.stdout).toContain(
      missed === 0
        ? 'every point met the precision target'
        : `${missed} of 4 points stopped at ${CAP} replications`,
    );
    // the report's results table and its sentence say the same
    const html = readFileSync(join(dir, 'one', 'report.html'), 'utf8');
    expect(html).toContain('replications (precision)');
    for (const p of results.points)
      expect(html).toContain(
        p.precision!.reached ? `${p.replications}: met ±` : `${p.replications}: stopped at the cap of ${CAP}`,
      );
    expect(html).toContain('Replications were added to each point in batches of 3');
    // the timeline rides in the results, the same for every --jobs
    expect(results.timeline?.policy).toBe('go1.0-under-lock');
    expect(results.timeline?.cores).toBe(4);
    expect(html).toContain('Timeline: what each core does');
    // and --trace wrote its file, and said where and what it cut
    const trace = JSON.parse(readFileSync(join(dir, 'two', 'trace-go1.0-under-lock-4.json'), 'utf8'));
    expect(trace.displayTimeUnit).toBe('ns');
    expect(trace.traceEvents.some((e: { ph: string }) => e.ph === 'X')).toBe(true);
    expect(two.stdout).toMatch(/^trace: .*trace-go1\.0-under-lock-4\.json \(.* µs of simulated time/m);
  });

  it.each([
    [
      ['--precision', '0'],
      '--precision: got 0 (expected a relative CI half-width above 0 and below 1, e.g. 0.01 for ±1%)',
    ],
    [
      ['--precision', '0.01', '--max-replications', '1.5'],
      '--max-replications: got 1.5 (expected an integer of at least 2)',
    ],
    [
      ['--max-replications', '20'],
      '--max-replications: given without --precision (expected --precision R as well: the cap applies only to a run that adds replications until its precision target; without it use --replications N)',
    ],
    [
      ['--trace', 'go1.0-under-lock@3'],
      '--trace: got "go1.0-under-lock@3" (expected POLICY@CORES, a policy and a core count of the study: go1.0-under-lock, go1.1-after-unlock @ 1, 4)',
    ],
    [
      ['--trace', 'go1.0-under-lock@4', '--trace-window-us', '-1'],
      '--trace-window-us: got -1 (expected a number of µs above 0)',
    ],
  ])('refuses %j in one line, exit 2', (args, line) => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const result = zerosim(['run', 'tiny.json', '--quiet', ...args], dir);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([line]);
  });
});
