/**
 * The capacity answers in plain words, one line each: the same text on stdout and in the report.
 */
import type { CapacityAnswer } from '../sim/types/index.js';
import { formatAllocsRate, formatSi, formatWholePct } from './format.js';

const rate = formatAllocsRate;
const cores = (n: number) => `${formatSi(n)} ${n === 1 ? 'core' : 'cores'}`;

/** One plain-language line per answer. */
export function formatCapacity(answers: readonly CapacityAnswer[]): string[] {
  return answers.map((a) => {
    const label = a.vary === undefined ? a.policy : `${a.policy} [${variedText(a.vary)}]`;
    const { cores90: p, efficiency50: e } = a;
    const relativeTo =
      e.baselineCores === 1 ? '' : ` (relative to ${cores(e.baselineCores)}, no 1-core point)`;
    const efficiency =
      e.cores === null
        ? `parallel efficiency${relativeTo} stays at or above 50% at every simulated core count`
        : `parallel efficiency${relativeTo} falls below 50% at ${cores(e.cores)} (${formatWholePct(e.efficiency!)})`;
    const parts = [
      `${label}: reaches 90% of its peak (${rate(p.peakAllocsPerSec)} at ${cores(p.peakCores)}) at ${cores(p.cores)}`,
      efficiency,
    ];
    if (a.target !== undefined) parts.push(targetText(a.target));
    return `${parts.join('; ')}.`;
  });
}

function variedText(vary: Record<string, number | string | boolean>): string {
  return sortedEntries(vary)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

function targetText(t: NonNullable<CapacityAnswer['target']>): string {
  const b = t.bandwidth;
  const goal = `target ${rate(t.targetAllocsPerSec)}`;
  const reached =
    t.cores === null
      ? `${goal} is not reached (at most ${rate(t.maxAllocsPerSec)} at ${cores(t.maxAtCores)})`
      : `${goal} is reached at ${cores(t.cores)} (≈${formatSi(t.interpolatedCores!)} interpolated)`;
  const bandwidth =
    b.neededGBps === null
      ? `nothing goes through the clear bandwidth at ${cores(b.cores)}, so bandwidth does not limit it`
      : `at ${cores(b.cores)} its bandwidth bound needs ${formatSi(b.neededGBps)} GB/s of clear bandwidth`;
  const lock = b.lockForbids
    ? `; more bandwidth cannot reach it: the lock caps at ${rate(b.lockBoundAllocsPerSec!)}`
    : '';
  return `${reached}; ${bandwidth}${lock}`;
}

function sortedEntries(vary: CapacityAnswer['vary']): Array<[string, unknown]> {
  return Object.entries(vary ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
