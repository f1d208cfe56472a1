// The fit recovers known parameters from a dataset the model itself generated: clear and fault rows
// from its processor-shared pools, lock and alloc rows by simulating the loops with a known machine.
// Every distribution is fixed, so the simulated rows are exact (no seed to vary): the closed-form
// parameters must come back to rounding, the simulated hand-off within 5%.

import { describe, expect, it } from 'vitest';
import { calibrate } from '../../sim/calibrate/fit.js';
import { type FitState, predictRow } from '../../sim/calibrate/predict.js';
import type { InputRow } from '../../sim/calibrate/read.js';
import type { MeasurementRow } from '../../sim/calibrate/rows.js';

const KiB = 1024;
const MiB = 1024 * KiB;

const TRUTH: FitState = {
  clear: {
    levelSizes: [
      [64 * KiB, 256 * KiB],
      [MiB, 4 * MiB],
      [16 * MiB, 64 * MiB],
    ],
    caches: [
      { name: 'level1', bytes: 256 * KiB, shared: false, coreGBps: 40 },
      { name: 'level2', bytes: 4 * MiB, shared: false, coreGBps: 20 },
    ],
    coreClearGBps: 10,
    totalClearGBps: 15,
    totalRaisedToCore: false,
  },
  fault: { pageFaultNs: 1200, pageBytes: 4096 },
  lockSingle: { acquireNs: 25, workStretch: 1 },
  heap: { holdNs: 40, clearOverheadNs: 0 },
  stretchByThreads: {},
  lock: { acquireNs: 25, handoffNs: 150 },
  caches: true,
};

// the lock model the fit picks by default (LOCK_MODELS' first): a non-spinning futex with known costs
const FUTEX_TRUTH: FitState = {
  ...TRUTH,
  lock: {
    acquireNs: 25,
    handoffNs: 0,
    kind: 'futex',
    spinNs: 0,
    migrateNs: 150,
    wakeNs: 300,
    wakeLatencyNs: 500,
  },
};

function synthetic(truth: FitState = TRUTH, newer = false): InputRow[] {
  const rows: MeasurementRow[] = [];
  // today's harness also measures clears of blocks another thread wrote, and locks held while busy
  if (newer) {
    for (const blockBytes of [64 * KiB, 256 * KiB, MiB, 4 * MiB, 16 * MiB])
      for (const threads of [1, 2]) rows.push({ bench: 'clear-remote', blockBytes, threads, gbPerSec: 1 });
    for (const holdNs of [1000, 10000])
      for (const workNs of [0, 2000, 10000])
        for (const threads of [1, 2]) rows.push({ bench: 'lock', threads, workNs, holdNs, opsPerSec: 1 });
  }
  for (const blockBytes of [64 * KiB, 256 * KiB, MiB, 4 * MiB, 16 * MiB, 64 * MiB])
    for (const threads of [1, 2]) rows.push({ bench: 'clear', blockBytes, threads, gbPerSec: 1 });
  for (const workNs of [0, 100, 1000, 10000])
    for (const threads of [1, 2, 4]) rows.push({ bench: 'lock', threads, workNs, opsPerSec: 1 });
  for (const threads of [1, 2]) rows.push({ bench: 'fault', pageBytes: 4096, threads, nsPerPage: 1 });
  for (const blockBytes of [64 * KiB, MiB, 16 * MiB])
    for (const zeroAt of ['under-lock', 'after-unlock', 'never'] as const)
      for (const workNs of [0, 2000])
        for (const threads of [1, 2])
          rows.push({ bench: 'alloc', blockBytes, threads, workNs, zeroAt, allocsPerSec: 1 });
  return rows.map((row, i) => {
    const input: InputRow = { row, use: 'fit', line: i + 1, measured: 1 };
    return { ...input, measured: predictRow(input, truth).value };
  });
}

describe('calibrate on rows the model generated (fifo lock: hand-off)', () => {
  const rows = synthetic();
  const c = calibrate(rows, { source: 'synthetic', toolVersion: 'test', resamples: 5, lockModel: 'fifo' });
  const param = (name: string) => {
    const p = c.parameters.find((x) => x.name === name);
    if (p === undefined) throw new Error(`no parameter ${name}`);
    return p.value;
  };

  it('recovers the clear levels and DRAM', () => {
    expect(c.machineWithCaches.memory.caches?.map((l) => [l.bytes, l.shared, l.coreGBps])).toEqual([
      [256 * KiB, false, 40],
      [4 * MiB, false, 20],
    ]);
    expect(param('machine.memory.coreClearGBps')).toBeCloseTo(10, 9);
    expect(param('machine.memory.totalClearGBps')).toBeCloseTo(15, 9);
  });

  it('recovers the uncontended lock, the page fault and the heap holds', () => {
    expect(param('machine.lock.acquireNs')).toBeCloseTo(25, 6);
    expect(param('harness.workStretch')).toBeCloseTo(1, 9);
    expect(param('machine.memory.pageFaultNs')).toBeCloseTo(1200, 6);
    expect(param('heap.allocHoldNs') + param('heap.freeHoldNs')).toBeCloseTo(40, 4);
    expect(Math.abs(param('calibrate.clearOverheadNs'))).toBeLessThan(1e-3);
  });

  it('recovers the hand-off cost by simulation within 5%, and predicts every row within 2%', () => {
    expect(param('machine.lock.handoffNs')).toBeGreaterThan(150 * 0.95);
    expect(param('machine.lock.handoffNs')).toBeLessThan(150 * 1.05);
    expect(c.summary.fit.maxAbsErrorPct).toBeLessThan(2);
  });

  it('gives every fitted parameter a ± and says how', () => {
    for (const p of c.parameters) expect(['bootstrap', 'curvature', 'none']).toContain(p.uncertainty);
    const handoff = c.parameters.find((p) => p.name === 'machine.lock.handoffNs');
    expect(handoff?.uncertainty).toBe('curvature');
  });
});

describe('calibrate with the work stretch per thread count', () => {
  it('finds no stretch on a quiet (simulated) host and still recovers the hand-off', () => {
    const c = calibrate(synthetic(), {
      source: 'synthetic',
      toolVersion: 'test',
      resamples: 5,
      stretchByThreads: true,
      lockModel: 'fifo',
    });
    const value = (name: string) => c.parameters.find((p) => p.name === name)?.value ?? Number.NaN;
    // at 10 µs of work the lock is nearly idle, so the per-thread cycle is work + acquire (+ a rare wait)
    expect(value('harness.workStretch@2threads')).toBeCloseTo(1, 1);
    expect(value('harness.workStretch@4threads')).toBeGreaterThan(0.98);
    expect(value('harness.workStretch@4threads')).toBeLessThan(1.05);
    expect(value('machine.lock.handoffNs')).toBeGreaterThan(150 * 0.9);
    expect(value('machine.lock.handoffNs')).toBeLessThan(150 * 1.1);
  });
});

describe('calibrate on rows the model generated (futex lock: migration and wake costs)', () => {
  const c = calibrate(synthetic(FUTEX_TRUTH), { source: 'synthetic', toolVersion: 'test', resamples: 5 });
  const value = (name: string) => c.parameters.find((p) => p.name === name)?.value ?? Number.NaN;

  it('picks the futex model and recovers every closed-form parameter', () => {
    expect(c.model.lock).toBe('futex');
    expect(c.machine.lock.kind).toBe('futex');
    expect(value('machine.lock.acquireNs')).toBeCloseTo(25, 6);
    expect(value('machine.memory.pageFaultNs')).toBeCloseTo(1200, 6);
  });

  // Known gap: the optimiser stops at a point that trades the three costs against each other
  // (migrateNs ≈ 190, wakeNs ≈ 170, wakeLatencyNs ≈ 270 for 150 / 300 / 500): the 2-thread rows come
  // within 10%, but the saturated 4-thread lock rows, where sleeps and wakes cascade, are +48% (100 ns
  // of work) and −26% (1 µs) off. When the fit recovers them, this starts to pass and `.fails` must go.
  it.fails('recovers migrateNs, wakeNs and wakeLatencyNs within 10% and predicts every row within 2%', () => {
    expect(Math.abs(value('machine.lock.migrateNs') / 150 - 1)).toBeLessThan(0.1);
    expect(Math.abs(value('machine.lock.wakeNs') / 300 - 1)).toBeLessThan(0.1);
    expect(Math.abs(value('machine.lock.wakeLatencyNs') / 500 - 1)).toBeLessThan(0.1);
    expect(c.summary.fit.maxAbsErrorPct).toBeLessThan(2);
  });
});

describe('calibrate on rows the model generated, with clear-remote and held-lock rows', () => {
  const truth: FitState = {
    ...FUTEX_TRUTH,
    clear: {
      ...FUTEX_TRUTH.clear,
      caches: [
        { ...FUTEX_TRUTH.clear.caches[0], remoteGBps: 30 },
        { ...FUTEX_TRUTH.clear.caches[1], remoteGBps: 15 },
      ],
    },
  };
  const c = calibrate(synthetic(truth, true), { source: 'synthetic', toolVersion: 'test', resamples: 5 });
  const value = (name: string) => c.parameters.find((p) => p.name === name)?.value ?? Number.NaN;

  it('recovers each private level’s remoteGBps exactly, and the closed-form lock still', () => {
    expect(c.machineWithCaches.memory.caches?.map((l) => l.remoteGBps)).toEqual([30, 15]);
    expect(value('machine.memory.caches[0].remoteGBps')).toBeCloseTo(30, 9);
    expect(value('machine.lock.acquireNs')).toBeCloseTo(25, 6);
    expect(value('harness.workStretch')).toBeCloseTo(1, 9);
  });
});
