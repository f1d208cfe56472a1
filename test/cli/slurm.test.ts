// `zerosim slurm` without a cluster: the two job scripts it writes (absolute paths, the study's flags
// passed on, --sbatch-arg lines), run by hand as Slurm would run them, give the unsharded files; bad
// flags, and --submit without sbatch, are refused with one line. test/slurm/ submits them for real.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, packageRoot, scratchDir, studyOutputs, writeFile, zerosim } from './helpers.js';

const tiny = {
  name: 'tiny',
  cores: [1, 4],
  policies: ['go1.1-after-unlock'],
  workload: { workNs: { dist: 'exponential', mean: 2000 }, sizeBytes: 1048576 },
  run: { allocationsPerCore: 200, replications: 2, seed: 5 },
};
const whatif = ['tiny.json', '--vary', 'workload.needZeroFraction=0.5,1', '--cores', '4,1'];

/** Runs a job script with bash as a Slurm task would, with `env` added; from another folder. */
function runScript(script: string, env: Record<string, string>) {
  return spawnSync('bash', [script], { encoding: 'utf8', cwd: '/', env: { ...process.env, ...env } });
}

describe('zerosim slurm', () => {
  it('writes a job array of shards and a merge that, run as Slurm runs them, give the unsharded files', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = zerosim(
      [
        'slurm',
        ...whatif,
        '--array',
        '2',
        '--out',
        'jobs',
        '--sbatch-arg',
        'partition=debug',
        '--sbatch-arg=--time=5',
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      'slurm scripts: jobs/shards.sbatch (a job array of 2 shards), jobs/merge.sbatch (their merge)',
      `submit: array=$(sbatch --parsable jobs/shards.sbatch) && sbatch --dependency=afterok:\${array%%;*} jobs/merge.sbatch`,
    ]);
    const out = join(dir, 'jobs');
    const shards = readFileSync(join(out, 'shards.sbatch'), 'utf8');
    const merge = readFileSync(join(out, 'merge.sbatch'), 'utf8');
    const zerosimCommand = `${process.execPath} ${join(packageRoot, 'bin', 'zerosim.js')}`;
    expect(shards).toContain('\n#SBATCH --array=1-2\n');
    expect(shards).toContain(`\n#SBATCH --output=${out}/slurm-%A_%a.out\n`);
    for (const script of [shards, merge]) {
      expect(script).toContain('\n#SBATCH --partition=debug\n#SBATCH --time=5\n');
      expect(script).toContain(`\ncd ${dir}\n`);
    }
    expect(shards).toContain(
      `\nexec ${zerosimCommand} whatif ${join(dir, 'tiny.json')} --cores 4,1 --vary workload.needZeroFraction=0.5,1 --shard "$SLURM_ARRAY_TASK_ID/2" --out ${out} --quiet \${SLURM_CPUS_PER_TASK:+--jobs "$SLURM_CPUS_PER_TASK"}\n`,
    );
    expect(merge).toContain(`\nexec ${zerosimCommand} merge ${out}\n`);

    for (const task of ['1', '2']) {
      const ran = runScript(join(out, 'shards.sbatch'), {
        SLURM_ARRAY_TASK_ID: task,
        SLURM_CPUS_PER_TASK: '1',
      });
      expect(ran.status, ran.stderr).toBe(0);
    }
    const merged = runScript(join(out, 'merge.sbatch'), {});
    expect(merged.status, merged.stderr).toBe(0);
    expect(zerosim(['whatif', ...whatif, '--out', 'whole', '--quiet'], dir).code).toBe(0);
    expect(studyOutputs(out)).toEqual(studyOutputs(join(dir, 'whole')));
  });

  it('gives each task --jobs from SLURM_CPUS_PER_TASK, else the --jobs given', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    expect(zerosim(['slurm', 'tiny.json', '--array', '3', '--jobs', '2'], dir).code).toBe(0);
    const script = readFileSync(join(dir, 'out', 'tiny', 'shards.sbatch'), 'utf8');
    expect(script).toMatch(
      / run \S+tiny\.json --shard "\$SLURM_ARRAY_TASK_ID\/3" --out \S+ --quiet --jobs "\$\{SLURM_CPUS_PER_TASK:-2\}"\n/,
    );
  });

  it.each([
    [['--array', '0'], '--array: got "0" (expected the number of array tasks, a whole number ≥ 1)'],
    [
      ['--array', '2', '--shard', '1/2'],
      '--shard: not with zerosim slurm (expected --array N: each array task runs its own shard)',
    ],
    [['--array', '2', '--cores', 'x'], /^--cores: /],
    [[], /^zerosim: Missing required argument: array/],
  ])('refuses %j with one line', (flags, message) => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = zerosim(['slurm', 'tiny.json', ...flags], dir);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    if (typeof message === 'string') expect(r.stderr).toBe(`${message}\n`);
    else expect(r.stderr).toMatch(message);
  });

  it('refuses a folder holding shards of another study, which the merge job would refuse', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    expect(zerosim(['run', 'tiny.json', '--shard', '1/2', '--out', 'jobs', '--quiet'], dir).code).toBe(0);
    expect(zerosim(['slurm', 'tiny.json', '--array', '2', '--out', 'jobs'], dir).code).toBe(0);
    const r = zerosim(['slurm', 'tiny.json', '--array', '3', '--out', 'jobs'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "jobs/shard-1-of-2.json: not a shard of this study (expected an output folder without other studies' shards, which the merge would refuse: remove them, or choose another --out)\n",
    );
  });

  it('refuses --submit where there is no sbatch', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', tiny);
    const r = spawnSync(
      process.execPath,
      [join(packageRoot, 'bin', 'zerosim.js'), 'slurm', 'tiny.json', '--array', '2', '--submit'],
      {
        cwd: dir,
        encoding: 'utf8',
        // node by its absolute path; no sbatch to find
        env: { ...process.env, PATH: '/nonexistent' },
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "sbatch: not found (expected Slurm's sbatch on PATH; or submit out/tiny/shards.sbatch yourself)\n",
    );
  });
});
