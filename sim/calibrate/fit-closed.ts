// The closed-form phase of the fit, from the fit rows that need no simulation: clear levels and DRAM,
// the uncontended lock and work stretch (1-thread lock rows), page faults (the fewest-thread fault
// rows), the heap's holds and clear overhead (1-thread alloc rows). Defaults where a bench is absent.

import { InputError } from '../experiment/scenario/index.js';
import { type ClearFit, fitClear } from './fit-clear.js';
import { calibrateMessages } from './fit-messages.js';
import {
  fitFault,
  fitHeap,
  fitLockSingle,
  fitStretchByThreads,
  type HeapFit,
  type LockSingleFit,
} from './fit-single.js';
import type { InputRow } from './read.js';

export interface ClosedFit {
  clear: ClearFit;
  fault: { pageFaultNs: number; pageBytes: number };
  lockSingle: LockSingleFit;
  heap: HeapFit;
  /** the work stretch by thread count (empty unless asked for: see fitStretchByThreads) */
  stretchByThreads: Record<number, number>;
  /** the benches that had no rows and took defaults */
  defaulted: string[];
}

/** The model's defaults, for benches with no fit rows. */
const DEFAULT_FAULT = { pageFaultNs: 1500, pageBytes: 4096 };

function fitRows(rows: readonly InputRow[], bench: string): InputRow[] {
  return rows.filter((r) => r.use === 'fit' && r.row.bench === bench);
}

export function fitClosed(
  rows: readonly InputRow[],
  fixedLevels?: readonly (readonly number[])[],
  stretchByThreads = false,
): ClosedFit {
  const defaulted: string[] = [];
  const clearRows = fitRows(rows, 'clear');
  if (clearRows.length === 0)
    throw new InputError([calibrateMessages.missingBench('clear', 'the clear bandwidth')]);
  const clearPoints = (bench: string) =>
    fitRows(rows, bench).map((r) => ({
      blockBytes: r.row.blockBytes as number,
      threads: r.row.threads,
      gbPerSec: r.measured,
    }));
  const clear = fitClear(clearPoints('clear'), fixedLevels, clearPoints('clear-remote'));
  // the empty critical section's rows; held-lock rows (holdNs > 0) are for the simulated fit
  const emptyLockRows = fitRows(rows, 'lock').filter((r) => !((r.row.holdNs as number | undefined) ?? 0));
  const lockRows = emptyLockRows.filter((r) => r.row.threads === 1);
  if (lockRows.length === 0)
    throw new InputError([calibrateMessages.missingBench('lock', '1-thread rows for acquireNs')]);
  const lockSingle = fitLockSingle(
    lockRows.map((r) => ({ workNs: r.row.workNs as number, opsPerSec: r.measured })),
  );
  const faultAll = fitRows(rows, 'fault');
  const fewest = Math.min(...faultAll.map((r) => r.row.threads));
  const faultRows = faultAll.filter((r) => r.row.threads === fewest);
  if (faultRows.length === 0) defaulted.push('fault');
  const fault =
    faultRows.length > 0
      ? fitFault(
          faultRows.map((r) => ({ pageBytes: r.row.pageBytes as number, nsPerPage: r.measured })),
          clear,
        )
      : DEFAULT_FAULT;
  const allocRows = fitRows(rows, 'alloc').filter((r) => r.row.threads === 1);
  if (allocRows.length === 0) defaulted.push('alloc');
  const heap = fitHeap(
    allocRows.map((r) => ({
      blockBytes: r.row.blockBytes as number,
      workNs: r.row.workNs as number,
      zeroAt: r.row.zeroAt as 'under-lock' | 'after-unlock' | 'never',
      allocsPerSec: r.measured,
    })),
    lockSingle,
    clear,
  );
  const stretches = stretchByThreads
    ? fitStretchByThreads(
        emptyLockRows.map((r) => ({
          threads: r.row.threads,
          workNs: r.row.workNs as number,
          opsPerSec: r.measured,
        })),
        lockSingle,
      )
    : {};
  return { clear, fault, lockSingle, heap, stretchByThreads: stretches, defaulted };
}

/** The closed-form numbers by parameter name, for the bootstrap. */
export function closedNumbers(fit: ClosedFit): Record<string, number> {
  const out: Record<string, number> = {
    'machine.memory.coreClearGBps': fit.clear.coreClearGBps,
    'machine.memory.totalClearGBps': fit.clear.totalClearGBps,
    'machine.memory.pageFaultNs': fit.fault.pageFaultNs,
    'machine.lock.acquireNs': fit.lockSingle.acquireNs,
    'harness.workStretch': fit.lockSingle.workStretch,
    'heap.allocHoldNs': fit.heap.holdNs / 2,
    'heap.freeHoldNs': fit.heap.holdNs / 2,
    'calibrate.clearOverheadNs': fit.heap.clearOverheadNs,
  };
  for (const [threads, s] of Object.entries(fit.stretchByThreads))
    out[`harness.workStretch@${threads}threads`] = s;
  fit.clear.caches.forEach((c, i) => {
    out[`machine.memory.caches[${i}].coreGBps`] = c.coreGBps;
    if (c.totalGBps !== undefined) out[`machine.memory.caches[${i}].totalGBps`] = c.totalGBps;
    if (c.remoteGBps !== undefined) out[`machine.memory.caches[${i}].remoteGBps`] = c.remoteGBps;
  });
  return out;
}
