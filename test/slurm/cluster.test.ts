// A real one-node Slurm cluster (test/slurm/cluster.sh): a job array whose tasks each write a part,
// a merge job held by --dependency=afterok on the array, and a failed task that holds the merge forever
// until that one task is submitted again. Fails, never skips, when Slurm cannot start.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const clusterScript = fileURLToPath(new URL('./cluster.sh', import.meta.url));
const terminal = new Set([
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TIMEOUT',
  'NODE_FAIL',
  'OUT_OF_MEMORY',
  'BOOT_FAIL',
  'DEADLINE',
  'PREEMPTED',
]);

let env: NodeJS.ProcessEnv = process.env;
let startedHere = false;
const scratch: string[] = [];

function cluster(command: 'start' | 'stop' | 'status') {
  // start may install the packages on a new machine: allow it minutes
  return spawnSync('bash', [clusterScript, command], { encoding: 'utf8', timeout: 600_000 });
}

/** Runs a Slurm command against the test cluster; throws with its stderr when it fails. */
function slurm(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: 30_000 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}${result.error ?? ''}`,
    );
  }
  return result.stdout;
}

/** sbatch --parsable: the job id (an array's tasks share it as SLURM_ARRAY_JOB_ID). */
function submit(args: readonly string[]): string {
  const id = slurm('sbatch', ['--parsable', ...args])
    .trim()
    .split(';')[0];
  expect(id).toMatch(/^\d+$/);
  return id;
}

interface JobState {
  id: string;
  state: string;
  reason: string;
}

/** One line per job or array task, finished ones included (kept for MinJobAge). */
function jobStates(id: string): JobState[] {
  return slurm('squeue', ['-h', '--states=all', '-j', id, '-o', '%i|%T|%r'])
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [jobId, state, reason] = line.split('|');
      return { id: jobId, state, reason };
    });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value, or throws after `timeoutMs` saying what it waited for. */
async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

/** Waits until every task of `id` has ended; returns the states by task id. */
function finished(id: string): Promise<Record<string, string>> {
  return waitFor(`job ${id} to end (${JSON.stringify(jobStates(id))})`, () => {
    const states = jobStates(id);
    if (states.length === 0 || !states.every((job) => terminal.has(job.state))) return undefined;
    return Object.fromEntries(states.map((job) => [job.id, job.state]));
  });
}

/** A scratch folder with the two job scripts: a task writes part-N, the merge concatenates parts 1-3. */
function studyDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zerosim-slurm-test-'));
  scratch.push(dir);
  writeFileSync(
    join(dir, 'task.sh'),
    [
      '#!/bin/sh',
      'if [ -e "fail-$SLURM_ARRAY_TASK_ID" ]; then echo "task $SLURM_ARRAY_TASK_ID fails" >&2; exit 1; fi',
      'echo "job $SLURM_ARRAY_JOB_ID task $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT" > "part-$SLURM_ARRAY_TASK_ID"',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'merge.sh'),
    '#!/bin/sh\ncat part-1 part-2 part-3 > merged.tmp && mv merged.tmp merged\n',
  );
  return dir;
}

/** sbatch options shared by the jobs: run in `dir`, Slurm's own output there too. */
const inDir = (dir: string, name: string) => [
  `--chdir=${dir}`,
  `--job-name=zerosim-${name}`,
  `--output=${join(dir, 'slurm-%A_%a.out')}`,
];

/** The Slurm output files of a study folder, for messages when an assertion fails. */
function slurmOutputs(dir: string): string {
  return readdirSync(dir)
    .filter((name) => name.startsWith('slurm-'))
    .map((name) => `${name}: ${readFileSync(join(dir, name), 'utf8')}`)
    .join('\n');
}

// Why the cluster did not start: each test throws it, so that they fail rather than skip.
let startError: string | undefined;

beforeAll(() => {
  startedHere = cluster('status').status !== 0;
  const start = cluster('start');
  const conf = /^export SLURM_CONF=(.+)$/m.exec(start.stdout)?.[1];
  if (start.status !== 0 || !conf) {
    startError = `test/slurm/cluster.sh start exited ${start.status}:\n${start.stderr}${start.stdout}`;
    return;
  }
  env = { ...process.env, SLURM_CONF: conf };
}, 600_000);

beforeEach(() => {
  if (startError) throw new Error(startError);
});

afterAll(() => {
  // a cluster that was up before (CI's, another test file's) is left to whoever started it
  if (startedHere) {
    const stop = cluster('stop');
    if (stop.status !== 0)
      throw new Error(`test/slurm/cluster.sh stop exited ${stop.status}: ${stop.stderr}`);
  }
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('the one-node Slurm cluster', () => {
  it('has the debug partition, default, with its node idle', () => {
    expect(cluster('status').status).toBe(0);
    const [partition, state] = slurm('sinfo', ['-h', '-o', '%P|%T']).trim().split('|');
    expect(partition).toBe('debug*');
    expect(['idle', 'mixed', 'allocated']).toContain(state);
  });

  it('runs a 3-task array, then the afterok merge of its parts', async () => {
    const dir = studyDir();
    const array = submit([...inDir(dir, 'shards'), '--array=1-3', join(dir, 'task.sh')]);
    const merge = submit([...inDir(dir, 'merge'), `--dependency=afterok:${array}`, join(dir, 'merge.sh')]);

    expect(await finished(array)).toEqual({
      [`${array}_1`]: 'COMPLETED',
      [`${array}_2`]: 'COMPLETED',
      [`${array}_3`]: 'COMPLETED',
    });
    expect(await finished(merge), slurmOutputs(dir)).toEqual({ [merge]: 'COMPLETED' });
    expect(readFileSync(join(dir, 'merged'), 'utf8')).toBe(
      [1, 2, 3].map((task) => `job ${array} task ${task} of 3\n`).join(''),
    );
  });

  it('holds the merge forever when a task fails, and reruns that one task alone', async () => {
    const dir = studyDir();
    writeFileSync(join(dir, 'fail-2'), '');
    const array = submit([...inDir(dir, 'shards'), '--array=1-3', join(dir, 'task.sh')]);
    const merge = submit([...inDir(dir, 'merge'), `--dependency=afterok:${array}`, join(dir, 'merge.sh')]);

    expect(await finished(array)).toEqual({
      [`${array}_1`]: 'COMPLETED',
      [`${array}_2`]: 'FAILED',
      [`${array}_3`]: 'COMPLETED',
    });
    expect(readFileSync(join(dir, `slurm-${array}_2.out`), 'utf8')).toBe('task 2 fails\n');
    const held = await waitFor('the merge to be held for good', () => {
      const [job] = jobStates(merge);
      return job?.reason === 'DependencyNeverSatisfied' ? job : undefined;
    });
    expect(held.state).toBe('PENDING');
    expect(existsSync(join(dir, 'merged'))).toBe(false);

    slurm('scancel', [merge]);
    expect(await finished(merge)).toEqual({ [merge]: 'CANCELLED' });

    rmSync(join(dir, 'fail-2'));
    const rerun = submit([...inDir(dir, 'shards'), '--array=2', join(dir, 'task.sh')]);
    expect(await finished(rerun)).toEqual({ [`${rerun}_2`]: 'COMPLETED' });
    const remerge = submit([...inDir(dir, 'merge'), `--dependency=afterok:${rerun}`, join(dir, 'merge.sh')]);
    expect(await finished(remerge), slurmOutputs(dir)).toEqual({ [remerge]: 'COMPLETED' });
    expect(readFileSync(join(dir, 'merged'), 'utf8')).toBe(
      `job ${array} task 1 of 3\njob ${rerun} task 2 of 1\njob ${array} task 3 of 3\n`,
    );
  });
});
