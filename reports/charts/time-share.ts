/**
 * Chart 4, where core time goes: each policy's time split into work, the small-object fast path,
 * lock wait, lock hold, clearing, page faults and freeing, at a few core counts. Useful work
 * shrinking as cores grow is the bend.
 */
import type { Results } from '../../sim/types/index.js';
import { joinWords } from '../format.js';
import { appliesToSweep, type ChartBuilder } from './common.js';
import { rowsAtSelectedCores, stackedByCores } from './stacked.js';

/**
 * Colours carry meaning: work is calm light blue and the lock-free small-object fast path (alloc) its
 * darker neighbour; waiting on the lock is the alarming red.
 */
export const TIME_STATES = [
  { key: 'work', label: 'work', color: '#6baed6' },
  { key: 'alloc', label: 'alloc (fast path)', color: '#08519c' },
  { key: 'lockWait', label: 'lock wait', color: '#d62728' },
  { key: 'lockHold', label: 'lock hold', color: '#ff9896' },
  { key: 'clear', label: 'clear', color: '#ff7f0e' },
  { key: 'pageFault', label: 'page fault', color: '#9467bd' },
  { key: 'free', label: 'free', color: '#7f7f7f' },
  { key: 'spin', label: 'lock spin', color: '#e377c2' },
  { key: 'sleep', label: 'lock sleep', color: '#8c564b' },
  { key: 'wake', label: 'waking a sleeper', color: '#bcbd22' },
] as const;

/** States not every result has: alloc (absent before it existed), and the futex lock's states. */
const OPTIONAL_STATES: ReadonlySet<string> = new Set(['alloc', 'spin', 'sleep', 'wake']);

/**
 * The states these results carry: an optional state no point has is left out (results written before
 * `alloc` existed, runs whose lock kind never spins or sleeps), so their chart keeps no empty legend
 * entry; a point without it counts it as 0.
 */
export function timeStates(results: Results) {
  return TIME_STATES.filter(
    (s) =>
      !OPTIONAL_STATES.has(s.key) ||
      results.points.some((p) => p.coreTimeShare[s.key as keyof typeof p.coreTimeShare] !== undefined),
  );
}

export const timeShare: ChartBuilder<'time-share'> = {
  name: 'time-share',
  title: 'Where core time goes',
  caption:
    "Share of each core's time in each state, averaged over cores, at the smallest, a middle and the largest " +
    'core count. Work is the only useful part; alloc is the small-object fast path (the per-core cache, no ' +
    'lock; results of older versions lack it). Clearing under the lock counts as lock hold; clearing after ' +
    'unlock counts as clear. Click a legend entry to pick a state.',
  applies: appliesToSweep,
  build(results) {
    const states = timeStates(results);
    return stackedByCores(results, {
      description: `Share of core time (%) in ${joinWords(states.map((s) => s.label))}, per policy at selected core counts`,
      rows: rowsAtSelectedCores(results, states, (p) => states.map((s) => p.coreTimeShare[s.key] ?? 0)),
      categories: [...states],
      xTitle: 'share of core time (%)',
      xFormat: '.0%',
      stack: 'normalize',
      valueTitle: 'share of core time (%)',
      valueFormat: '.1%',
    });
  },
};
