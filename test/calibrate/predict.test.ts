// predictRow on the rows the fit does not model yet: clear-remote rows (a temporary prediction, today's
// clear rate of the level the block fits) and lock rows with busy work inside the lock (the loop
// simulation, the hold stretched like the work). Closed forms where the loop is simple enough.

import { describe, expect, it } from 'vitest';
import { predictClear } from '../../sim/calibrate/fit-clear.js';
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

describe('predictRow, clear-remote (temporary: predicted as a local clear)', () => {
  it("gives today's clear prediction for the same block and threads, in closed form", () => {
    for (const blockBytes of [64 * KiB, MiB])
      for (const threads of [1, 2]) {
        const p = predictRow(input({ bench: 'clear-remote', blockBytes, threads, gbPerSec: 1 }), STATE);
        expect(p).toEqual({ value: predictClear(STATE.clear, blockBytes, threads), by: 'analytic' });
      }
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
