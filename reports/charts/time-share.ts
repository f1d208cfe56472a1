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
] as const;

/**
 * The states these results carry: `alloc` is left out of results written before it existed (no point
 * has it), so their chart keeps no empty legend entry; a point without it counts it as 0.
 */
export function timeStates(results: Results) {
  const hasAlloc = results.points.some((p) => p.coreTimeShare.alloc !== undefined);
  return TIME_STATES.filter((s) => s.key !== 'alloc' || hasAlloc);
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
