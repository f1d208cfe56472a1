/**
 * Chart 4, where core time goes: each policy's time split into work, lock wait, lock hold, clearing,
 * page faults and freeing, at a few core counts. Useful work shrinking as cores grow is the bend.
 */
import { appliesToSweep, type ChartBuilder } from './common.js';
import { rowsAtSelectedCores, stackedByCores } from './stacked.js';

/** Colours carry meaning: work is calm blue, waiting on the lock is the alarming red. */
export const TIME_STATES = [
  { key: 'work', label: 'work', color: '#6baed6' },
  { key: 'lockWait', label: 'lock wait', color: '#d62728' },
  { key: 'lockHold', label: 'lock hold', color: '#ff9896' },
  { key: 'clear', label: 'clear', color: '#ff7f0e' },
  { key: 'pageFault', label: 'page fault', color: '#9467bd' },
  { key: 'free', label: 'free', color: '#7f7f7f' },
] as const;

export const timeShare: ChartBuilder<'time-share'> = {
  name: 'time-share',
  title: 'Where core time goes',
  caption:
    "Share of each core's time in each state, averaged over cores, at the smallest, a middle and the largest " +
    'core count. Work is the only useful part. Clearing under the lock counts as lock hold; clearing after ' +
    'unlock counts as clear. Click a legend entry to pick a state.',
  applies: appliesToSweep,
  build(results) {
    return stackedByCores(results, {
      description:
        'Share of core time (%) in work, lock wait, lock hold, clear, page fault and free, per policy at selected core counts',
      rows: rowsAtSelectedCores(results, TIME_STATES, (p) => TIME_STATES.map((s) => p.coreTimeShare[s.key])),
      categories: [...TIME_STATES],
      xTitle: 'share of core time (%)',
      xFormat: '.0%',
      stack: 'normalize',
      valueTitle: 'share of core time (%)',
      valueFormat: '.1%',
    });
  },
};
