// Predicts a measured row from the fitted parameters: clear and fault rows in closed form (the model's
// processor-shared bandwidth pools), lock and alloc rows by simulating the loop (loop-scenario.ts).

import type { CalibratedMachine } from '../types/calibration.js';
import { type ClearFit, levelFor, predictClear, predictRemoteClear } from './fit-clear.js';
import type { HeapFit, LockSingleFit } from './fit-single.js';
import { type LoopSpec, simulateLoop } from './loop-scenario.js';
import type { InputRow } from './read.js';
import { holdNsOf } from './rows.js';

/** Everything fitted so far: what a prediction needs. */
export interface FitState {
  clear: ClearFit;
  fault: { pageFaultNs: number; pageBytes: number };
  lockSingle: LockSingleFit;
  heap: HeapFit;
  /** the work stretch by thread count, where fitted; else the 1-thread one */
  stretchByThreads: Record<number, number>;
  /** the lock section: acquireNs, handoffNs and whatever the contended fit adds */
  lock: CalibratedMachine['lock'];
  /** whether the model accepts machine.memory.caches */
  caches: boolean;
}

/** The machine with cache levels, or today's (none) with DRAM's rates. */
export function fittedMachine(state: FitState, withCaches: boolean): CalibratedMachine {
  const { clear, fault } = state;
  return {
    memory: {
      coreClearGBps: clear.coreClearGBps,
      totalClearGBps: clear.totalClearGBps,
      pageBytes: fault.pageBytes,
      pageFaultNs: fault.pageFaultNs,
      ...(withCaches && clear.caches.length > 0 ? { caches: clear.caches } : {}),
    },
    lock: { ...state.lock },
  };
}

/**
 * The machine one loop runs on. With caches the model picks each clear's level itself; without, the
 * loop runs with the rates of the level its block fits (a private level: no sharing), which is what
 * today's single bandwidth pool can say about a block of one size.
 */
export function loopMachine(state: FitState, blockBytes: number, threads: number): CalibratedMachine {
  const machine = fittedMachine(state, state.caches);
  if (state.caches) return machine;
  const level = levelFor(state.clear, blockBytes);
  const totalGBps = Number.isFinite(level.totalGBps) ? level.totalGBps : level.coreGBps * threads;
  return {
    ...machine,
    memory: {
      ...machine.memory,
      coreClearGBps: level.coreGBps,
      totalClearGBps: Math.max(totalGBps, level.coreGBps),
    },
  };
}

/** The loop of a lock or alloc row, as a simulation spec. */
export function loopSpec(input: InputRow, state: FitState): LoopSpec {
  const { row } = input;
  const stretch = state.stretchByThreads[row.threads] ?? state.lockSingle.workStretch;
  if (row.bench === 'lock') {
    return {
      threads: row.threads,
      workNs: stretch * row.workNs,
      sizeBytes: 1,
      zeroAt: 'never',
      machine: loopMachine(state, 1, row.threads),
      // the busy work inside the lock is the harness's same spin as workNs, so it stretches alike
      allocHoldNs: stretch * holdNsOf(row),
      freeHoldNs: 0,
    };
  }
  if (row.bench !== 'alloc') throw new Error(`loopSpec: ${row.bench} rows are not simulated`);
  const half = state.heap.holdNs / 2;
  // a free hold of exactly 0 would mean "freeing takes no lock"; the loop's push does take it
  const freeHoldNs = Math.max(half, 1e-3);
  const overhead = row.zeroAt === 'never' ? 0 : state.heap.clearOverheadNs;
  return {
    threads: row.threads,
    // the clear's overhead goes where the clear is: under the lock, or outside it
    workNs: stretch * row.workNs + (row.zeroAt === 'after-unlock' ? overhead : 0),
    sizeBytes: row.blockBytes,
    zeroAt: row.zeroAt,
    machine: loopMachine(state, row.blockBytes, row.threads),
    allocHoldNs: half + (row.zeroAt === 'under-lock' ? overhead : 0),
    freeHoldNs,
  };
}

export interface Prediction {
  value: number;
  by: 'simulated' | 'analytic';
}

export function predictRow(input: InputRow, state: FitState): Prediction {
  const { row } = input;
  switch (row.bench) {
    case 'clear':
      return { value: predictClear(state.clear, row.blockBytes, row.threads), by: 'analytic' };
    // a block another core cleared last: from that core's copy of the level, or a shared level, or DRAM
    case 'clear-remote':
      return { value: predictRemoteClear(state.clear, row.blockBytes, row.threads), by: 'analytic' };
    case 'fault': {
      // each thread's kernel clears share DRAM with the others' (all at once: an upper bound on sharing)
      const gbps = Math.min(state.clear.coreClearGBps, state.clear.totalClearGBps / row.threads);
      return { value: state.fault.pageFaultNs + row.pageBytes / gbps, by: 'analytic' };
    }
    case 'lock':
    case 'alloc':
      return { value: simulateLoop(loopSpec(input, state)), by: 'simulated' };
  }
}
