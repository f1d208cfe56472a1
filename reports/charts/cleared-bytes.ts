/**
 * Chart 5, bytes cleared per allocation by where the clearing happened (under the lock, after unlock,
 * on free, by a background zeroer, or by the kernel on a page fault) and, in a lighter bar under it,
 * the bytes an allocation left uncleared by why (not needed, already clean, fresh from the OS), at a
 * few core counts.
 */
import type { Point, Results } from '../../sim/types/index.js';
import { appliesToSweep, type ChartBuilder } from './common.js';
import { rowsAtSelectedCores, type StackedCategory, stackedByCores } from './stacked.js';

export const CLEARED = 'cleared';
export const SKIPPED = 'skipped';

export const CLEAR_LOCATIONS = [
  { key: 'underLock', label: 'under lock', color: '#d62728' },
  { key: 'afterUnlock', label: 'after unlock', color: '#ff7f0e' },
  { key: 'onFree', label: 'on free', color: '#2ca02c' },
  { key: 'background', label: 'background', color: '#17becf' },
  { key: 'pageFault', label: 'page fault', color: '#9467bd' },
] as const;

/** Skipped bytes are pale, so the cleared bar (the cost) stays the one the eye lands on. */
export const SKIP_REASONS = [
  { key: 'notNeeded', label: 'skipped: not needed', color: '#d9d9d9' },
  { key: 'alreadyClean', label: 'skipped: already clean', color: '#a1d99b' },
  { key: 'fresh', label: 'skipped: fresh (zero from the OS)', color: '#c5b0d5' },
] as const;

/** Dirty bytes a policy that never clears hands out: shown only when some point has them. */
export const UNSAFE = { key: 'unsafe', label: 'not cleared: dirty (unsafe)', color: '#fcbba1' } as const;

const reasons = (results: Results) =>
  results.points.some((p) => (p.skippedBytesPerAlloc?.unsafe ?? 0) > 0)
    ? [...SKIP_REASONS, UNSAFE]
    : [...SKIP_REASONS];

/** True when some point of these results skipped a byte: otherwise the skipped bar is left out. */
export function hasSkipped(results: Results): boolean {
  return results.points.some((p) => reasons(results).some((r) => (p.skippedBytesPerAlloc?.[r.key] ?? 0) > 0));
}

function categories(results: Results, skipped: boolean): StackedCategory[] {
  if (!skipped) return [...CLEAR_LOCATIONS];
  return [
    ...CLEAR_LOCATIONS.map((l) => ({ ...l, group: CLEARED })),
    ...reasons(results).map((r) => ({ ...r, group: SKIPPED })),
  ];
}

function parts(results: Results, skipped: boolean) {
  const skip = reasons(results);
  return (p: Point) => [
    ...CLEAR_LOCATIONS.map((l) => p.clearedBytesPerAlloc[l.key]),
    ...(skipped ? skip.map((r) => p.skippedBytesPerAlloc?.[r.key] ?? 0) : []),
  ];
}

export const clearedBytes: ChartBuilder<'cleared-bytes'> = {
  name: 'cleared-bytes',
  title: 'Bytes cleared and skipped per allocation',
  caption:
    'Mean bytes cleared per allocation, split by where the clearing ran. Bytes cleared under the lock ' +
    'serialise every core; bytes cleared elsewhere only compete for DRAM bandwidth. Page-fault bytes are the ' +
    'kernel zeroing fresh pages, which even a policy that never clears pays. The pale bar under each policy ' +
    'is the bytes it did not clear, by why: the caller did not need them zeroed, they were already clean, or ' +
    'they were fresh from the OS and so zero already; for a policy that never clears, dirty bytes handed to ' +
    'a caller that needed zeroed memory show as not cleared (unsafe). ' +
    'Click a legend entry to pick one.',
  applies: appliesToSweep,
  build(results) {
    const skipped = hasSkipped(results);
    const cats = categories(results, skipped);
    return stackedByCores(results, {
      description: skipped
        ? 'Bytes cleared per allocation (bytes) by location, and bytes skipped by reason, per policy at selected core counts'
        : 'Bytes cleared per allocation (bytes) by location, per policy at selected core counts',
      rows: rowsAtSelectedCores(results, cats, parts(results, skipped)),
      categories: cats,
      legendColumns: skipped ? 2 : 3,
      xTitle: skipped ? 'cleared or skipped per allocation (bytes)' : 'cleared per allocation (bytes)',
      xFormat: '~s',
      stack: 'zero',
      valueTitle: 'bytes per allocation',
      valueFormat: ',.0f',
      totalLabel: skipped
        ? `datum.total > 0 ? format(datum.total, '.3~s') + 'B ' + datum.group : datum.group === '${CLEARED}' ? 'none cleared' : ''`
        : "datum.total > 0 ? format(datum.total, '.3~s') + 'B' : 'none'",
    });
  },
};
