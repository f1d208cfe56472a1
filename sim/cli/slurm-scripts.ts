// The text of the two Slurm job scripts `zerosim slurm` writes: a job array whose task K runs shard K of
// N ($SLURM_ARRAY_TASK_ID), and the merge, which the submitter holds with --dependency=afterok on the
// array. Both call the zerosim that wrote them by absolute paths (node and bin/zerosim.js), from the
// folder the user was in, so they run on any node that shares the file system.

export interface SlurmStudy {
  /** the study's name: the jobs' names */
  name: string;
  /** array tasks, one shard each */
  n: number;
  /** absolute: where the shards, the merged results and Slurm's logs go */
  dir: string;
  /** absolute: the folder relative paths in the flags are relative to */
  cwd: string;
  /** absolute paths of node and of zerosim's bin/zerosim.js */
  zerosim: readonly string[];
  /** `run SCENARIO …flags` or `whatif SCENARIO …flags`, without --out, --shard, --jobs */
  study: readonly string[];
  /** --jobs given to `zerosim slurm`: used when Slurm does not say how many CPUs a task has */
  jobs: number | undefined;
  /** options for both jobs, one per #SBATCH line */
  sbatchArgs: readonly string[];
}

/** A word for sh: single-quoted unless it is plain. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A path in an #SBATCH --output pattern: % doubled (Slurm expands %j, %a, …), quoted if it has spaces. */
function outputPattern(dir: string, file: string): string {
  const path = `${dir.replaceAll('%', '%%')}/${file}`;
  return /\s/.test(path) ? `"${path}"` : path;
}

function header(lines: readonly string[], study: SlurmStudy): string {
  return ['#!/bin/bash', ...lines, ...study.sbatchArgs.map((arg) => `#SBATCH ${arg}`), ''].join('\n');
}

const command = (words: readonly string[]) => words.map(shellWord).join(' ');

/** The job array: task K runs `zerosim … --shard K/N --out DIR`. */
export function shardsScript(study: SlurmStudy): string {
  const { n, dir } = study;
  // a task uses the CPUs Slurm gave it; without --cpus-per-task, the --jobs given, or zerosim's default
  const jobs =
    study.jobs === undefined
      ? `\${SLURM_CPUS_PER_TASK:+--jobs "$SLURM_CPUS_PER_TASK"}`
      : `--jobs "\${SLURM_CPUS_PER_TASK:-${study.jobs}}"`;
  return [
    header(
      [
        `# zerosim: the ${n} shards of study "${study.name}", one per array task; written by zerosim slurm.`,
        '# Rerun a failed task K alone: sbatch --array=K THIS_FILE (then merge: see merge.sbatch).',
        `#SBATCH --job-name=${shellWord(`zerosim-${study.name}`)}`,
        `#SBATCH --array=1-${n}`,
        `#SBATCH --output=${outputPattern(dir, 'slurm-%A_%a.out')}`,
      ],
      study,
    ),
    'set -eu',
    `cd ${shellWord(study.cwd)}`,
    `exec ${command([...study.zerosim, ...study.study])} --shard "$SLURM_ARRAY_TASK_ID/${n}" --out ${shellWord(dir)} --quiet ${jobs}`,
    '',
  ].join('\n');
}

/** The merge: `zerosim merge DIR`, submitted with --dependency=afterok:<array job id>. */
export function mergeScript(study: SlurmStudy): string {
  return [
    header(
      [
        `# zerosim: merges the ${study.n} shards of study "${study.name}" into results.json, results.csv and the report.`,
        '# Submit it after the array: sbatch --dependency=afterok:ARRAY_JOB_ID THIS_FILE',
        `#SBATCH --job-name=${shellWord(`zerosim-${study.name}-merge`)}`,
        `#SBATCH --output=${outputPattern(study.dir, 'slurm-%j-merge.out')}`,
      ],
      study,
    ),
    'set -eu',
    `cd ${shellWord(study.cwd)}`,
    `exec ${command([...study.zerosim, 'merge', study.dir])}`,
    '',
  ].join('\n');
}
