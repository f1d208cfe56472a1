// The closed-form fits, from rows with no contention: the lock's uncontended cost and the harness's
// work stretch from the 1-thread lock rows, the page-fault cost from the fault rows, the heap's
// free-list costs from the 1-thread alloc rows. Pure functions of (row, value) pairs, so the
// bootstrap can refit them on resampled values.

import { type ClearFit, levelFor } from './fit-clear.js';
import { median } from './rows.js';

export interface LockPoint {
  workNs: number;
  opsPerSec: number;
}

export interface LockSingleFit {
  acquireNs: number;
  /**
   * wall ns of the harness's busy work per nominal ns: the harness calibrates its spin loop once,
   * fastest of 5, so on a loaded or frequency-scaled host the work runs longer than asked
   */
  workStretch: number;
}

/**
 * 1/opsPerSec = acquireNs + workStretch × workNs, fitted by least squares on the relative error
 * (each row counts alike whatever its rate). With one work value, the stretch is 1. Rows whose work is
 * short but not none (below STRETCH_MIN_WORK_NS) are left out when the others still give two work
 * values: an out-of-order core runs a short spin alongside the lock's own atomic operations, so there
 * the two costs do not add (on a 2-core EPYC VM, 100 ns of work added 82 ns), and such a row would
 * pull the stretch below what every long loop (the alloc rows' work included) runs at.
 */
export function fitLockSingle(points: readonly LockPoint[]): LockSingleFit {
  const all = points.map((p) => ({ w: p.workNs, c: 1e9 / p.opsPerSec }));
  const additive = all.filter((r) => r.w === 0 || r.w >= STRETCH_MIN_WORK_NS);
  const rows = new Set(additive.map((r) => r.w)).size >= 2 ? additive : all;
  const works = new Set(rows.map((r) => r.w));
  if (works.size < 2) return { acquireNs: Math.max(0, median(rows.map((r) => r.c - r.w))), workStretch: 1 };
  // minimise Σ (a/c + s·w/c − 1)²: normal equations of two columns u = 1/c, v = w/c
  let uu = 0;
  let uv = 0;
  let vv = 0;
  let u1 = 0;
  let v1 = 0;
  for (const { w, c } of rows) {
    const u = 1 / c;
    const v = w / c;
    uu += u * u;
    uv += u * v;
    vv += v * v;
    u1 += u;
    v1 += v;
  }
  const det = uu * vv - uv * uv;
  let a = (u1 * vv - v1 * uv) / det;
  let s = (uu * v1 - uv * u1) / det;
  if (!(a >= 0)) {
    a = 0;
    s = v1 / vv;
  }
  return { acquireNs: a, workStretch: s };
}

export interface LockPointT extends LockPoint {
  threads: number;
}

/** Below this much work per acquisition, a multi-thread lock row says more about the lock than the CPU. */
export const STRETCH_MIN_WORK_NS = 1000;

/**
 * The work stretch at each thread count above one, from the lock rows with the longest work (at least
 * STRETCH_MIN_WORK_NS), where the lock is nearly idle: per-thread cycle = acquireNs + s_T × workNs.
 * On a quiet host s_T ≈ the 1-thread stretch; on a loaded one, where T threads do not get T cores,
 * it grows with T. Thread counts without such rows are absent.
 */
export function fitStretchByThreads(
  points: readonly LockPointT[],
  single: LockSingleFit,
): Record<number, number> {
  const out: Record<number, number> = {};
  for (const threads of new Set(points.map((p) => p.threads))) {
    if (threads <= 1) continue;
    const rows = points.filter((p) => p.threads === threads);
    const longest = Math.max(...rows.map((p) => p.workNs));
    if (longest < STRETCH_MIN_WORK_NS) continue;
    const stretches = rows
      .filter((p) => p.workNs === longest)
      .map((p) => ((threads * 1e9) / p.opsPerSec - single.acquireNs) / p.workNs);
    out[threads] = Math.max(0, median(stretches));
  }
  return out;
}

export interface FaultPoint {
  pageBytes: number;
  nsPerPage: number;
}

/** pageFaultNs = nsPerPage − the kernel's clear of one page at one core's DRAM rate (median over rows). */
export function fitFault(
  points: readonly FaultPoint[],
  clear: ClearFit,
): { pageFaultNs: number; pageBytes: number } {
  const pageBytes = median(points.map((p) => p.pageBytes));
  const pageFaultNs = median(points.map((p) => p.nsPerPage - p.pageBytes / clear.coreClearGBps));
  return { pageFaultNs: Math.max(0, pageFaultNs), pageBytes };
}

export interface AllocPoint {
  blockBytes: number;
  workNs: number;
  zeroAt: 'under-lock' | 'after-unlock' | 'never';
  allocsPerSec: number;
}

export interface HeapFit {
  /** the free-list pop plus push under the lock, ns (split evenly between allocHold and freeHold) */
  holdNs: number;
  /** the extra time of a clear in the alloc loop over the clear loop's rate for that block, ns */
  clearOverheadNs: number;
}

/** What one allocation of a 1-thread loop costs besides the holds and the clear overhead. */
export function baseCycleNs(p: AllocPoint, lock: LockSingleFit, clear: ClearFit): number {
  const clearNs = p.zeroAt === 'never' ? 0 : p.blockBytes / levelFor(clear, p.blockBytes).coreGBps;
  // two acquisitions per allocation: the pop and the push
  return lock.workStretch * p.workNs + 2 * lock.acquireNs + clearNs;
}

/**
 * The constant c that best completes base cycles to measured ones in relative error: minimising
 * Σ ((b + c)/m − 1)² gives c = Σ (m − b)/m² / Σ 1/m². Short loops weigh most, as they should for a
 * constant: a few ns vanish in the noise of a 2 ms loop.
 */
export function relativeConstant(rows: readonly { measuredNs: number; baseNs: number }[]): number {
  let num = 0;
  let den = 0;
  for (const { measuredNs: m, baseNs: b } of rows) {
    num += (m - b) / (m * m);
    den += 1 / (m * m);
  }
  return den > 0 ? num / den : 0;
}

/**
 * A 1-thread alloc loop costs work + 2 acquires + holds (+ the clear and its overhead), all additive:
 * the holds are the constant that completes the `never` rows, the clear overhead the one that then
 * completes the clearing rows (both in relative error). Pop and push cannot be told apart on one
 * thread: the hold is split evenly.
 */
export function fitHeap(points: readonly AllocPoint[], lock: LockSingleFit, clear: ClearFit): HeapFit {
  const cycles = (ps: readonly AllocPoint[], extraNs: number) =>
    ps.map((p) => ({ measuredNs: 1e9 / p.allocsPerSec, baseNs: baseCycleNs(p, lock, clear) + extraNs }));
  const never = points.filter((p) => p.zeroAt === 'never');
  const clearing = points.filter((p) => p.zeroAt !== 'never');
  const holdNs = Math.max(0, relativeConstant(cycles(never, 0)));
  const clearOverheadNs = relativeConstant(cycles(clearing, holdNs));
  return { holdNs, clearOverheadNs };
}
