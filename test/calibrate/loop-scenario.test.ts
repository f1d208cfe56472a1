// The loop scenarios reproduce the measured loops: checked against closed forms where the loop is
// deterministic and simple enough to add up by hand.

import { describe, expect, it } from 'vitest';
import { chooseLockModel } from '../../sim/calibrate/fit-contended.js';
import { type LoopSpec, modelAccepts, simulateLoop } from '../../sim/calibrate/loop-scenario.js';

const MACHINE = {
  memory: { coreClearGBps: 10, totalClearGBps: 15, pageBytes: 4096, pageFaultNs: 1000 },
  lock: { acquireNs: 30, handoffNs: 120 },
};

const base: LoopSpec = {
  threads: 1,
  workNs: 2000,
  sizeBytes: 65536,
  zeroAt: 'under-lock',
  machine: MACHINE,
  allocHoldNs: 5,
  freeHoldNs: 7,
};

describe('simulateLoop', () => {
  it('1 thread: work + two acquires + both holds + the clear at one core rate', () => {
    // cycle = 2000 + 2 × 30 + 5 + 7 + 65536 / 10 ns, whatever zeroAt when it clears
    const cycleNs = 2000 + 60 + 12 + 6553.6;
    for (const zeroAt of ['under-lock', 'after-unlock'] as const)
      expect(simulateLoop({ ...base, zeroAt })).toBeCloseTo(1e9 / cycleNs, 3);
    expect(simulateLoop({ ...base, zeroAt: 'never' })).toBeCloseTo(1e9 / (2000 + 72), 3);
  });

  it('1 thread with a private level: past the warm-up every clear hits it (the writerless initial blocks are gone)', () => {
    const caches = [{ name: 'l1', bytes: 1024 * 1024, shared: false, coreGBps: 40 }];
    const machine = { ...MACHINE, memory: { ...MACHINE.memory, caches } };
    const cycleNs = 2000 + 60 + 12 + 65536 / 40;
    for (const zeroAt of ['under-lock', 'after-unlock'] as const)
      expect(simulateLoop({ ...base, zeroAt, machine })).toBeCloseTo(1e9 / cycleNs, 3);
  });

  it('2 threads with a private level: a block last cleared by the other core misses it', () => {
    const caches = [{ name: 'l1', bytes: 1024 * 1024, shared: false, coreGBps: 40 }];
    const machine = { ...MACHINE, memory: { ...MACHINE.memory, caches } };
    // enough work that the lock is rarely contended: the cycle is work + clear (+ lock costs)
    const spec = { ...base, threads: 2, workNs: 20000, zeroAt: 'after-unlock' as const, machine };
    const allHit = (2 * 1e9) / (20000 + 72 + 65536 / 40);
    // all missing, both clearing at once from DRAM's pool: min(10, 15 / 2) GB/s each
    const allMissShared = (2 * 1e9) / (20000 + 72 + 65536 / 7.5);
    const allMissAlone = (2 * 1e9) / (20000 + 72 + 65536 / 10);
    const x = simulateLoop(spec);
    // the LIFO list hands each freed block to whichever core pops next, mostly the other one
    expect(x).toBeGreaterThan(allMissShared * 0.99);
    expect(x).toBeLessThan(allMissAlone);
    expect(x).toBeLessThan(allHit * 0.9);
  });

  it('the lock loop with 2 threads and no work hands off on every acquisition', () => {
    // saturated FIFO lock, no holds, free takes no lock: X = 1 / (acquireNs + handoffNs)
    const x = simulateLoop({
      ...base,
      threads: 2,
      workNs: 0,
      sizeBytes: 1,
      zeroAt: 'never',
      allocHoldNs: 0,
      freeHoldNs: 0,
    });
    expect(x).toBeCloseTo(1e9 / 150, 0);
  });
});

describe('chooseLockModel', () => {
  it("falls back to today's FIFO lock with its hand-off while the model has no lock kinds", () => {
    const accepts = (lock: object) => modelAccepts({ ...MACHINE, lock });
    const model = chooseLockModel(MACHINE.lock, accepts);
    expect(model.name).toBe(accepts({ ...MACHINE.lock, kind: 'futex' }) ? 'futex' : 'fifo');
    expect(model.params.length).toBeGreaterThan(0);
  });
});

describe('modelAccepts', () => {
  it("accepts today's machine and refuses what the schema does not know", () => {
    expect(modelAccepts(MACHINE)).toBe(true);
    expect(modelAccepts({ ...MACHINE, lock: { ...MACHINE.lock, noSuchCostNs: 1 } })).toBe(false);
  });
});
