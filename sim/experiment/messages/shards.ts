// Shards of a study (--shard K/N), their merge, and the Slurm job scripts that run them.

/** The file a shard writes into its folder. */
export function shardFileName(k: number, n: number): string {
  return `shard-${k}-of-${n}.json`;
}

const rerun = 'run that shard again';

// ─── --shard and the shard files ─────────────────────────────────────────────────────────────

export function shardFlagBad(text: string): string {
  return `--shard: got ${JSON.stringify(text)} (expected K/N, whole numbers with 1 ≤ K ≤ N, such as 2/5)`;
}

/** A shard file that cannot be read as one: not JSON, or not of the shape zerosim writes. */
export function shardUnreadable(file: string, where: string, what: string): string {
  return `${file}: ${where}: ${what} (expected a shard file written by zerosim run --shard K/N; it is damaged: ${rerun})`;
}

export function shardNotJson(file: string, where: string): string {
  return `${file}: ${where} (expected a shard file written by zerosim run --shard K/N; it is damaged: ${rerun})`;
}

export function shardDamaged(file: string, field: string): string {
  return `${file}: ${field}: does not match the file's contents (expected the file as zerosim wrote it; it is damaged: ${rerun})`;
}

export function shardMisnamed(file: string, k: number, n: number): string {
  return `${file}: shard: holds shard ${k} of ${n} (expected the shard its name says; rename it to ${shardFileName(k, n)})`;
}

export function shardOtherVersion(file: string, theirs: string, ours: string): string {
  return `${file}: tool.version: written by zerosim ${theirs} (expected shards of this zerosim, ${ours}: ${rerun} with it)`;
}

export function shardWrongTasks(file: string, k: number, n: number): string {
  return `${file}: replications: not those zerosim assigns to shard ${k} of ${n} (expected that shard's replications: ${rerun})`;
}

// ─── merge ───────────────────────────────────────────────────────────────────────────────────

export interface StudyLabel {
  name: string;
  n: number;
  precision: { target: number; maxReplications: number } | null;
  fingerprint: string;
}

function label({ name, n, precision, fingerprint }: StudyLabel): string {
  const to = precision
    ? ` to --precision ${precision.target} --max-replications ${precision.maxReplications}`
    : '';
  return `"${name}" in ${n} shards${to}, fingerprint ${fingerprint.slice(0, 12)}`;
}

export function noShardFiles(dir: string): string {
  return `${dir}: no shard files (expected shard-K-of-N.json files written by zerosim run --shard K/N)`;
}

export function foreignShard(
  file: string,
  its: StudyLabel,
  reference: StudyLabel,
  referenceFile: string,
): string {
  return `${file}: fingerprint: a shard of another study, ${label(its)} (expected a shard of the study of ${referenceFile}, ${label(reference)}; move it away or merge it on its own)`;
}

export function duplicateShard(file: string, k: number, n: number, otherFile: string): string {
  return `${file}: shard: shard ${k} of ${n} again, as in ${otherFile} (expected each K once: keep one of them)`;
}

export function missingShards(where: string, missing: readonly number[], n: number): string {
  const which = missing.length === 1 ? `shard ${missing[0]}` : `shards ${missing.join(', ')}`;
  const files = missing.map((k) => shardFileName(k, n)).join(', ');
  return `${where}: ${which} of ${n} missing: no ${files} (expected every K from 1 to ${n}: run ${missing.length === 1 ? 'it' : 'them'} with --shard K/${n}, then merge again)`;
}

export function shardWritten(k: number, n: number, tasks: number, totalTasks: number, path: string): string {
  return `shard ${k} of ${n}: ${tasks} of ${totalTasks} replications: ${path}`;
}

/** With --precision a shard runs whole points, each as many replications as it takes. */
export function shardWrittenPoints(
  k: number,
  n: number,
  points: number,
  totalPoints: number,
  replications: number,
  path: string,
): string {
  return `shard ${k} of ${n}: ${points} of ${totalPoints} points, ${replications} replications to --precision: ${path}`;
}

// ─── slurm ───────────────────────────────────────────────────────────────────────────────────

export function arrayFlagBad(text: string): string {
  return `--array: got ${JSON.stringify(text)} (expected the number of array tasks, a whole number ≥ 1)`;
}

export const shardWithSlurm =
  '--shard: not with zerosim slurm (expected --array N: each array task runs its own shard)';

export function sbatchArgBad(arg: string): string {
  return `--sbatch-arg: got ${JSON.stringify(arg)} (expected one sbatch option on one line, such as --partition=debug or time=01:00:00)`;
}

export function otherShardsInTheWay(file: string): string {
  return `${file}: not a shard of this study (expected an output folder without other studies' shards, which the merge would refuse: remove them, or choose another --out)`;
}

export function sbatchMissing(script: string): string {
  return `sbatch: not found (expected Slurm's sbatch on PATH; or submit ${script} yourself)`;
}

export function sbatchFailed(script: string, why: string, arrayJob?: string): string {
  const after =
    arrayJob === undefined
      ? ''
      : `; array job ${arrayJob} was submitted: scancel ${arrayJob}, or submit the merge yourself with sbatch --dependency=afterok:${arrayJob} ${script}`;
  return `sbatch ${script}: ${why} (expected sbatch to accept the job, for example a valid --sbatch-arg partition=NAME${after})`;
}

export function slurmWritten(shards: string, merge: string, n: number): string {
  return `slurm scripts: ${shards} (a job array of ${n} shard${n === 1 ? '' : 's'}), ${merge} (their merge)`;
}

export function slurmSubmitHint(shards: string, merge: string): string {
  return `submit: array=$(sbatch --parsable ${shards}) && sbatch --dependency=afterok:\${array%%;*} ${merge}`;
}

export function arraySubmitted(id: string, n: number, script: string): string {
  return `array job ${id}: ${n} shard${n === 1 ? '' : 's'}, ${script}`;
}

export function mergeSubmitted(id: string, arrayId: string, script: string): string {
  return `merge job ${id}: after array job ${arrayId} succeeds, ${script}`;
}
