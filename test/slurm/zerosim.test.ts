// zerosim on a real one-node Slurm cluster (test/slurm/cluster.sh): `zerosim slurm --submit` runs a
// 3-task job array of shards and the afterok merge, whose files equal an unsharded run's byte for byte;
// a failed task holds the merge, and rerunning that one shard, then the merge, gives the same files.
// Fails, never skips, when Slurm cannot start. The cluster is this file's own (its folder and ports),
// so that test/slurm/cluster.test.ts, running beside it, cannot stop it under it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lines, scratchDir, studyOutputs, writeFile, zerosim } from '../cli/helpers.js';

const clusterScript = fileURLToPath(new URL('./cluster.sh', import.meta.url));
const clusterEnv = {
  ...process.env,
  ZEROSIM_SLURM_DIR: process.env.ZEROSIM_SLURM_E2E_DIR ?? '/tmp/zerosim-slurm-e2e',
  ZEROSIM_SLURM_PORT: process.env.ZEROSIM_SLURM_E2E_PORT ?? '6837',
};
const terminal = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY']);

function cluster(command: 'start' | 'stop' | 'status') {
  // start may install the packages on a new machine: allow it minutes
  return spawnSync('bash', [clusterScript, command], { encoding: 'utf8', env: clusterEnv, timeout: 600_000 });
}

function slurm(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}${result.error ?? ''}`,
    );
  return result.stdout;
}

/** One line per job or array task, finished ones included (kept for MinJobAge). */
function jobStates(id: string): Array<{ id: string; state: string; reason: string }> {
  return lines(slurm('squeue', ['-h', '--states=all', '-j', id, '-o', '%i|%T|%r'])).map((line) => {
    const [jobId, state, reason] = line.split('|');
    return { id: jobId, state, reason };
  });
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Waits until every task of job `id` has ended; the states by task id. */
function finished(id: string): Promise<Record<string, string>> {
  return waitFor(`job ${id} to end`, () => {
    const states = jobStates(id);
    if (states.length === 0 || !states.every((job) => terminal.has(job.state))) return undefined;
    return Object.fromEntries(states.map((job) => [job.id, job.state]));
  });
}

/** Slurm's logs in `dir`, for the message of a failed assertion. */
function slurmLogs(dir: string): string {
  return readdirSync(dir)
    .filter((name) => name.startsWith('slurm-'))
    .map((name) => `${name}: ${readFileSync(join(dir, name), 'utf8')}`)
    .join('\n');
}

const tiny = {
  name: 'tiny',
  cores: [1, 4],
  policies: ['go1.0-under-lock', 'go1.1-after-unlock'],
  workload: { workNs: { dist: 'exponential', mean: 2000 }, sizeBytes: 1048576 },
  run: { allocationsPerCore: 200, replications: 2, seed: 11 },
};

let startedHere = false;
let startError: string | undefined;
const dir = scratchDir();
let whole: Record<string, string> = {};

beforeAll(() => {
  startedHere = cluster('status').status !== 0;
  const start = cluster('start');
  const conf = /^export SLURM_CONF=(.+)$/m.exec(start.stdout)?.[1];
  if (start.status !== 0 || !conf) {
    startError = `test/slurm/cluster.sh start exited ${start.status}:\n${start.stderr}${start.stdout}`;
    return;
  }
  // zerosim slurm --submit and the Slurm commands here find this cluster by it
  process.env.SLURM_CONF = conf;
  writeFile(dir, 'tiny.json', tiny);
  const run = zerosim(['run', 'tiny.json', '--out', 'whole', '--quiet'], dir);
  expect(run.code, run.stderr).toBe(0);
  whole = studyOutputs(join(dir, 'whole'));
}, 600_000);

beforeEach(() => {
  if (startError) throw new Error(startError);
});

afterAll(() => {
  if (startedHere) {
    const stop = cluster('stop');
    if (stop.status !== 0)
      throw new Error(`test/slurm/cluster.sh stop exited ${stop.status}: ${stop.stderr}`);
  }
}, 120_000);

/** `zerosim slurm … --submit` into `out`: the array and merge job ids it printed. */
function submitStudy(out: string): { array: string; merge: string } {
  const r = zerosim(
    ['slurm', 'tiny.json', '--array', '3', '--out', out, '--sbatch-arg=--time=10', '--submit'],
    dir,
  );
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const array = /^array job (\d+): 3 shards, /m.exec(r.stdout)?.[1];
  const merge = new RegExp(`^merge job (\\d+): after array job ${array} succeeds, `, 'm').exec(r.stdout)?.[1];
  expect(array, r.stdout).toBeDefined();
  expect(merge, r.stdout).toBeDefined();
  return { array: array!, merge: merge! };
}

describe('zerosim slurm --submit on a one-node cluster', () => {
  it('runs the shards as a 3-task array, then the merge, which writes what an unsharded run writes', async () => {
    const { array, merge } = submitStudy('cluster');
    const out = join(dir, 'cluster');
    expect(await finished(array), slurmLogs(out)).toEqual({
      [`${array}_1`]: 'COMPLETED',
      [`${array}_2`]: 'COMPLETED',
      [`${array}_3`]: 'COMPLETED',
    });
    expect(await finished(merge), slurmLogs(out)).toEqual({ [merge]: 'COMPLETED' });
    expect(studyOutputs(out)).toEqual(whole);
  });

  it('holds the merge when a task fails; rerunning that shard, then the merge, gives the same files', async () => {
    const out = join(dir, 'failing');
    // a folder where shard 2 writes its file: that task alone fails
    mkdirSync(join(out, 'shard-2-of-3.json'), { recursive: true });
    const { array, merge } = submitStudy('failing');
    expect(await finished(array), slurmLogs(out)).toEqual({
      [`${array}_1`]: 'COMPLETED',
      [`${array}_2`]: 'FAILED',
      [`${array}_3`]: 'COMPLETED',
    });
    const held = await waitFor('the merge to be held for good', () => {
      const [job] = jobStates(merge);
      return job?.reason === 'DependencyNeverSatisfied' ? job : undefined;
    });
    expect(held.state).toBe('PENDING');
    const refused = zerosim(['merge', 'failing'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^failing: shard 2 of 3 missing: no shard-2-of-3\.json \(expected /);

    // recovery as the README says: cancel the held merge, rerun task 2 alone, merge after it
    slurm('scancel', [merge]);
    rmSync(join(out, 'shard-2-of-3.json'), { recursive: true });
    const rerun = slurm('sbatch', ['--parsable', '--array=2', join(out, 'shards.sbatch')])
      .trim()
      .split(';')[0];
    const remerge = slurm('sbatch', [
      '--parsable',
      `--dependency=afterok:${rerun}`,
      join(out, 'merge.sbatch'),
    ])
      .trim()
      .split(';')[0];
    expect(await finished(rerun), slurmLogs(out)).toEqual({ [`${rerun}_2`]: 'COMPLETED' });
    expect(await finished(remerge), slurmLogs(out)).toEqual({ [remerge]: 'COMPLETED' });
    expect(studyOutputs(out)).toEqual(whole);
  });
});
