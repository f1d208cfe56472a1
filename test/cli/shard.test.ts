// `run|whatif --shard K/N` then `zerosim merge`: the merged folder holds exactly the files an unsharded
// run writes, byte for byte (results, CSV, report, charts), for N = 1, 2, 3 and 7; with 7 shards of a
// four-replication study, three shards are empty and still merge.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot, scratchDir, studyOutputs, writeFile, zerosim } from './helpers.js';

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
