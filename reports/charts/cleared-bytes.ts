/**
 * Chart 5, bytes cleared per allocation by where the clearing happened: under the lock, after unlock,
 * on free, by a background zeroer, or by the kernel on a page fault, at a few core counts.
 */
import { appliesToSweep, type ChartBuilder } from './common.js';
import { rowsAtSelectedCores, stackedByCores } from './stacked.js';

export const CLEAR_LOCATIONS = [
  { key: 'underLock', label: 'under lock', color: '#d62728' },
  { key: 'afterUnlock', label: 'after unlock', color: '#ff7f0e' },
  { key: 'onFree', label: 'on free', color: '#2ca02c' },
  { key: 'background', label: 'background', color: '#17becf' },
  { key: 'pageFault', label: 'page fault', color: '#9467bd' },
] as const;

export const clearedBytes: ChartBuilder<'cleared-bytes'> = {
  name: 'cleared-bytes',
  title: 'Bytes cleared per allocation, by location',
  caption:
    'Mean bytes cleared per allocation, split by where the clearing ran. Bytes cleared under the lock ' +
    'serialise every core; bytes cleared elsewhere only compete for DRAM bandwidth. Page-fault bytes are the ' +
    'kernel zeroing fresh pages, which even a policy that never clears pays.',
  applies: appliesToSweep,
  build(results) {
    return stackedByCores(results, {
      description: 'Bytes cleared per allocation (bytes) by location, per policy at selected core counts',
      rows: rowsAtSelectedCores(results, CLEAR_LOCATIONS, (p) =>
        CLEAR_LOCATIONS.map((l) => p.clearedBytesPerAlloc[l.key]),
      ),
      categories: [...CLEAR_LOCATIONS],
      xTitle: 'cleared per allocation (bytes)',
      xFormat: '~s',
      stack: 'zero',
      valueTitle: 'bytes per allocation',
      valueFormat: ',.0f',
      totalLabel: "datum.total > 0 ? format(datum.total, '.3~s') + 'B' : 'none'",
    });
  },
};
