// `run|whatif --shard K/N` then `zerosim merge`: the merged folder holds exactly the files an unsharded
// run writes, byte for byte (results, CSV, report, charts, the timeline in results.json), for N = 1, 2,
// 3 and 7; with 7 shards of a four-replication study, three shards are empty and still merge. With
// --precision too (N = 2, 3), and shards of another --precision or --max-replications are refused.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lines, packageRoot, scratchDir, studyOutputs, writeFile, zerosim } from './helpers.js';

/** One policy, two core counts, two replications: four tasks, a second or two each. */
const tiny = {
  name: 'tiny',
  cores: [1, 4],
  policies: ['go1.1-after-unlock'],
  workload: { workNs: { dist: 'exponential', mean: 2000 }, sizeBytes: 1048576 },
  run: { allocationsPerCore: 200, replications: 2, seed: 7 },
};

/** Runs `zerosim ARGS` without blocking, so that shards run side by side as array tasks would. */
function zerosimAsync(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageRoot, 'bin', 'zerosim.js'), ...args], { cwd });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Runs the N shards, two at a time (this machine has two cores), into `out`, then merges them. */
async function shardAndMerge(dir: string, study: readonly string[], n: number, out: string): Promise<void> {
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  const next = () => ks.shift();
  const lane = async () => {
    for (let k = next(); k !== undefined; k = next()) {
      const r = await zerosimAsync(
        [...study, '--shard', `${k}/${n}`, '--out', out, '--jobs', '1', '--quiet'],
        dir,
      );
      expect(r.stderr, `shard ${k}/${n}`).toBe('');
      expect(r.code).toBe(0);
    }
  };
  await Promise.all([lane(), lane()]);
  const merged = zerosim(['merge', out], dir);
  expect(merged.stderr).toBe('');
  expect(merged.code).toBe(0);
}

describe.each([
  ['run', ['run', 'tiny.json']],
  ['whatif', ['whatif', 'tiny.json', '--vary', 'machine.memory.totalClearGBps=30,120']],
])('zerosim %s --shard K/N, then zerosim merge', (_, study) => {
  const dir = scratchDir();
  let expected: Record<string, string> = {};
  beforeAll(() => {
    writeFile(dir, 'tiny.json', tiny);
    const whole = zerosim([...study, '--out', 'whole', '--quiet'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    expected = studyOutputs(join(dir, 'whole'));
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(['results.json', 'results.csv', 'report.html']),
    );
  });

  it.each([1, 2, 3, 7])('writes what the whole run writes, byte for byte, for N = %i', async (n) => {
    await shardAndMerge(dir, study, n, `sharded-${n}`);
    expect(studyOutputs(join(dir, `sharded-${n}`))).toEqual(expected);
  });
});

describe('zerosim run --precision --shard K/N, then zerosim merge', () => {
  // on this study the points stop on target at 8 and 6 replications (seed 7)
  const precise = ['run', 'tiny.json', '--precision', '0.002', '--max-replications', '8'];
  const dir = scratchDir();
  let expected: Record<string, string> = {};
  beforeAll(() => {
    writeFile(dir, 'tiny.json', tiny);
    const whole = zerosim([...precise, '--out', 'whole', '--quiet'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    expected = studyOutputs(join(dir, 'whole'));
    const results = JSON.parse(expected['results.json']) as {
      points: { replications: number }[];
      timeline?: unknown;
    };
    // batches were added, and not to every point alike: the merge has stopping points to get right
    expect(new Set(results.points.map((p) => p.replications)).size).toBeGreaterThan(1);
    expect(results.timeline).toBeDefined();
  });

  it.each([2, 3])('writes what the whole run writes, byte for byte, for N = %i', async (n) => {
    await shardAndMerge(dir, precise, n, `sharded-${n}`);
    expect(studyOutputs(join(dir, `sharded-${n}`))).toEqual(expected);
  });

  it.each([
    [['--precision', '0.003', '--max-replications', '8'], '--precision 0.003 --max-replications 8'],
    [['--precision', '0.002', '--max-replications', '9'], '--precision 0.002 --max-replications 9'],
  ])('refuses a shard run with %j in one line, exit 2', (other, label) => {
    const mixed = scratchDir();
    writeFile(mixed, 'tiny.json', tiny);
    for (const [k, flags] of [
      [1, precise.slice(2)],
      [2, other],
    ] as const) {
      const r = zerosim(
        ['run', 'tiny.json', ...flags, '--shard', `${k}/2`, '--out', 'parts', '--quiet'],
        mixed,
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = zerosim(['merge', 'parts'], mixed);
    expect(merged.code).toBe(2);
    expect(merged.stdout).toBe('');
    const [line, ...more] = lines(merged.stderr);
    expect(more).toEqual([]);
    expect(line).toMatch(
      new RegExp(
        `^parts/shard-2-of-2\\.json: fingerprint: a shard of another study, "tiny" in 2 shards to ${label}, fingerprint [0-9a-f]{12} \\(expected a shard of the study of parts/shard-1-of-2\\.json, "tiny" in 2 shards to --precision 0\\.002 --max-replications 8, fingerprint [0-9a-f]{12}; move it away or merge it on its own\\)$`,
      ),
    );
  });
});

describe('zerosim run --shard', () => {
  it('writes shard-K-of-N.json with its share of the replications, and says so', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = zerosim(['run', 'tiny.json', '--shard', '2/3', '--out', 'parts', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('shard 2 of 3: 1 of 4 replications: parts/shard-2-of-3.json\n');
    expect(readdirSync(join(dir, 'parts'))).toEqual(['shard-2-of-3.json']);
  });

  it('with --precision says how many points it ran, and their replications', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = zerosim(
      ['run', 'tiny.json', '--precision', '0.5', '--shard', '1/2', '--out', 'parts', '--quiet'],
      dir,
    );
    expect(r.stderr).toBe('');
    // ±50% is met by every point's first batch of 2: one point, 2 replications
    expect(r.stdout).toBe(
      'shard 1 of 2: 1 of 2 points, 2 replications to --precision: parts/shard-1-of-2.json\n',
    );
  });

  it('refuses --trace with --shard in one line', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = zerosim(
      ['run', 'tiny.json', '--trace', 'go1.1-after-unlock@4', '--shard', '1/2', '--quiet'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '--trace: not with --shard (expected a run without --shard: a trace is one replication, run it on its own)\n',
    );
  });

  it.each(['0/3', '4/3', 'a/b'])('refuses --shard %s with one line', (flag) => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = zerosim(['run', 'tiny.json', '--shard', flag, '--quiet'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `--shard: got "${flag}" (expected K/N, whole numbers with 1 ≤ K ≤ N, such as 2/5)\n`,
    );
  });
});
