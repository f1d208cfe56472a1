// predictRow on the newer rows: clear-remote rows (closed forms: the writer's copy of a private level at
// its remoteGBps, else a shared level or DRAM, processor-shared) and lock rows with busy work inside the
// lock (the loop simulation, the hold stretched like the work). Closed forms where the loop allows.

import { describe, expect, it } from 'vitest';
import { type FitState, loopSpec, predictRow } from '../../sim/calibrate/predict.js';
import type { InputRow } from '../../sim/calibrate/read.js';
import type { MeasurementRow } from '../../sim/calibrate/rows.js';

const KiB = 1024;
const MiB = 1024 * KiB;

const STATE: FitState = {
  clear: {
    levelSizes: [[64 * KiB, 256 * KiB], [MiB]],
    caches: [{ name: 'level1', bytes: 256 * KiB, shared: false, coreGBps: 40 }],
    coreClearGBps: 10,
    totalClearGBps: 15,
    totalRaisedToCore: false,
  },
  fault: { pageFaultNs: 1200, pageBytes: 4096 },
  lockSingle: { acquireNs: 25, workStretch: 1.25 },
  heap: { holdNs: 40, clearOverheadNs: 0 },
  stretchByThreads: {},
  lock: { acquireNs: 25, handoffNs: 150 },
  caches: true,
};

const input = (row: MeasurementRow): InputRow => ({ row, use: 'fit', line: 1, measured: 1 });

describe('predictRow, clear-remote', () => {
  const row = (state: FitState, blockBytes: number, threads: number) =>
    predictRow(input({ bench: 'clear-remote', blockBytes, threads, gbPerSec: 1 }), state).value;

  it('without remoteGBps, a block in a private level comes from DRAM, processor-shared', () => {
    // DRAM: 10 GB/s a clear, 15 in all
    expect([row(STATE, 64 * KiB, 1), row(STATE, 64 * KiB, 2), row(STATE, MiB, 2)]).toEqual([10, 15, 15]);
  });

  it("with remoteGBps, from the writer's copy at that rate each, without contention; DRAM past the level", () => {
    const state = {
      ...STATE,
      clear: { ...STATE.clear, caches: [{ ...STATE.clear.caches[0], remoteGBps: 25 }] },
    };
    expect([
      row(state, 64 * KiB, 1),
      row(state, 256 * KiB, 2),
      row(state, MiB, 1),
      row(state, MiB, 2),
    ]).toEqual([25, 50, 10, 15]);
  });

  it('a shared level that holds the block serves it, processor-shared', () => {
    const state = {
      ...STATE,
      clear: {
        ...STATE.clear,
        caches: [
          STATE.clear.caches[0],
          { name: 'level2', bytes: 4 * MiB, shared: true, coreGBps: 20, totalGBps: 30 },
        ],
      },
    };
    expect([row(state, 64 * KiB, 1), row(state, MiB, 2)]).toEqual([20, 30]);
  });
});

describe('predictRow, lock rows with holdNs', () => {
  it('puts the hold, stretched like the work, into the loop as the allocation hold', () => {
    const spec = loopSpec(
      input({ bench: 'lock', threads: 2, workNs: 2000, holdNs: 1000, opsPerSec: 1 }),
      STATE,
    );
    expect([spec.workNs, spec.allocHoldNs, spec.freeHoldNs]).toEqual([2500, 1250, 0]);
    const plain = loopSpec(input({ bench: 'lock', threads: 2, workNs: 2000, opsPerSec: 1 }), STATE);
    expect(plain.allocHoldNs).toBe(0);
  });

  it('1 thread: one acquisition per work + acquire + hold, all stretched but the acquire', () => {
    // cycle = 1.25 × 2000 + 25 + 1.25 × 1000 ns: nothing waits, nothing hands off
    const row: MeasurementRow = { bench: 'lock', threads: 1, workNs: 2000, holdNs: 1000, opsPerSec: 1 };
    const p = predictRow(input(row), STATE);
    expect(p.by).toBe('simulated');
    expect(p.value).toBeCloseTo(1e9 / (2500 + 25 + 1250), 3);
  });

  it('2 threads, no work: the hold serialises them, a hand-off on every acquisition', () => {
    // saturated FIFO lock, free takes no lock: X = 1 / (acquireNs + handoffNs + hold)
    const row: MeasurementRow = { bench: 'lock', threads: 2, workNs: 0, holdNs: 1000, opsPerSec: 1 };
    expect(predictRow(input(row), STATE).value).toBeCloseTo(1e9 / (25 + 150 + 1250), 0);
  });
});
