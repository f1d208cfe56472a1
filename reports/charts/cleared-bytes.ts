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

/** Whether any point of these results has bytes in this field of `of(point)`. */
const occurs = (results: Results, of: (p: Point) => object | undefined, key: string) =>
  results.points.some((p) => ((of(p) as Record<string, number | undefined> | undefined)?.[key] ?? 0) > 0);

/** The clear locations that occur in these results (all of them when none does, so the bar has a legend). */
const locations = (results: Results) => {
  const seen = CLEAR_LOCATIONS.filter((l) => occurs(results, (p) => p.clearedBytesPerAlloc, l.key));
  return seen.length > 0 ? seen : [...CLEAR_LOCATIONS];
};

/** The skip reasons that occur: the legend names only what some bar holds. */
const reasons = (results: Results) =>
  [...SKIP_REASONS, UNSAFE].filter((r) => occurs(results, (p) => p.skippedBytesPerAlloc, r.key));

/** True when some point of these results skipped a byte: otherwise the skipped bar is left out. */
export function hasSkipped(results: Results): boolean {
  return reasons(results).length > 0;
}

/** The binary unit the bars are drawn in: the largest that keeps the longest bar at 1 or more. */
export function byteUnit(results: Results): { label: string; bytes: number } {
  const longest = Math.max(
    0,
    ...results.points.map((p) =>
      Math.max(
        Object.values(p.clearedBytesPerAlloc).reduce((a, b) => a + b, 0),
        Object.values(p.skippedBytesPerAlloc ?? {}).reduce((a: number, b) => a + (b ?? 0), 0),
      ),
    ),
  );
  const units = [
    { label: 'GiB', bytes: 1024 ** 3 },
    { label: 'MiB', bytes: 1024 ** 2 },
    { label: 'KiB', bytes: 1024 },
  ];
  return units.find((u) => longest >= u.bytes) ?? { label: 'bytes', bytes: 1 };
}

function categories(results: Results, skipped: boolean): StackedCategory[] {
  if (!skipped) return locations(results);
  return [
    ...locations(results).map((l) => ({ ...l, group: CLEARED })),
    ...reasons(results).map((r) => ({ ...r, group: SKIPPED })),
  ];
}

/** A point's bytes per category, in `unit`. */
function parts(results: Results, skipped: boolean, unit: number) {
  const places = locations(results);
  const skip = reasons(results);
  return (p: Point) => [
    ...places.map((l) => p.clearedBytesPerAlloc[l.key] / unit),
    ...(skipped ? skip.map((r) => (p.skippedBytesPerAlloc?.[r.key] ?? 0) / unit) : []),
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
    'a caller that needed zeroed memory show as not cleared (unsafe). Sizes are binary (1 MiB = 2^20 bytes); ' +
    'the legend lists only the places and reasons that occur. ' +
    'Click a legend entry to pick one.',
  applies: appliesToSweep,
  build(results) {
    const skipped = hasSkipped(results);
    const cats = categories(results, skipped);
    const unit = byteUnit(results);
    return stackedByCores(results, {
      description: skipped
        ? `Bytes cleared per allocation (${unit.label}) by location, and bytes skipped by reason, per policy at selected core counts`
        : `Bytes cleared per allocation (${unit.label}) by location, per policy at selected core counts`,
      rows: rowsAtSelectedCores(results, cats, parts(results, skipped, unit.bytes)),
      categories: cats,
      legendColumns: skipped ? 2 : 3,
      xTitle: skipped
        ? `cleared or skipped per allocation (${unit.label})`
        : `cleared per allocation (${unit.label})`,
      xFormat: '~r',
      stack: 'zero',
      valueTitle: `${unit.label} per allocation`,
      valueFormat: ',.3~r',
      totalLabel: skipped
        ? `datum.total > 0 ? format(datum.total, '.3~r') + ' ${unit.label} ' + datum.group : datum.group === '${CLEARED}' ? 'none cleared' : ''`
        : `datum.total > 0 ? format(datum.total, '.3~r') + ' ${unit.label}' : 'none'`,
    });
  },
};
