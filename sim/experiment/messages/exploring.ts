// What --trace, --precision and --max-replications say: their flag problems and their output lines.

import { got, problemLine } from './lines.js';

export function traceFlagProblem(
  text: string,
  policies: readonly string[],
  cores: readonly number[],
): string {
  return problemLine(
    '--trace',
    [],
    got(text),
    `POLICY@CORES, a policy and a core count of the study: ${policies.join(', ')} @ ${cores.join(', ')}`,
  );
}

export const maxReplicationsWithoutPrecision =
  '--max-replications: given without --precision (expected --precision R as well: the cap applies only to a run that adds replications until its precision target; without it use --replications N)';

export const traceWithShard =
  '--trace: not with --shard (expected a run without --shard: a trace is one replication, run it on its own)';

/** Why the trace covers less than the measured window, in its metadata and on stdout. */
export function traceCoverage(
  fromUs: number,
  toUs: number,
  measuredToUs: number,
  cutByEvents: boolean,
  maxSegments: number,
): string {
  const span = `${fmtUs(fromUs)} to ${fmtUs(toUs)} µs of simulated time`;
  if (cutByEvents)
    return `${span}, cut at ${maxSegments} core states to keep the file small; the measured window runs on to ${fmtUs(measuredToUs)} µs`;
  if (toUs < measuredToUs)
    return `${span}, cut by --trace-window-us; the measured window runs on to ${fmtUs(measuredToUs)} µs`;
  return `${span}: the whole measured window, nothing cut`;
}

function fmtUs(us: number): string {
  return us.toFixed(us < 10 ? 3 : 1);
}

export function traceWrittenLine(path: string, coverage: string): string {
  return `trace: ${path} (${coverage})`;
}

/** A point's cell in the replications table: its count, starred when it stopped at the cap short of the target. */
export function replicationsCell(replications: number, reached: boolean): string {
  return reached ? String(replications) : `${replications}*`;
}

export function replicationsTitle(target: number, maxReplications: number): string {
  return `replications per point, added in batches until the allocs/s 95% CI half-width was within ±${formatPct(target)} of the mean (at most ${maxReplications})`;
}

export function precisionSummary(met: number, total: number, maxReplications: number): string {
  return met === total
    ? 'every point met the precision target'
    : `* ${total - met} of ${total} points stopped at ${maxReplications} replications without meeting the precision target`;
}

export function formatPct(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}

export const expectedPrecision = 'a relative CI half-width above 0 and below 1, e.g. 0.01 for ±1%';
export const expectedMaxReplications = 'an integer of at least 2';
export const expectedTraceWindow = 'a number of µs above 0';
