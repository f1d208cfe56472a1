// Hand-made simulated curves shared by the capacity tests (answers and their wording).
import type { Analytic, Point, Results, Scenario } from '../../sim/types/index.js';

const ci = (mean: number) => ({ mean, ci95: 0 });
const pct = { mean: 0, p50: 0, p99: 0, p999: 0 };

/** A point with every field zero except policy, cores, mean throughput and what the test sets. */
export function point(
  policy: string,
  cores: number,
  allocsPerSec: number,
  analytic: Partial<Analytic> = {},
  vary?: Point['vary'],
): Point {
  return {
    policy,
    cores,
    replications: 1,
    seed: 0,
    allocsPerSec: ci(allocsPerSec),
    bytesPerSec: ci(0),
    lockUtilization: ci(0),
    lockWaitNs: pct,
    lockHoldNs: pct,
    lockQueueLength: ci(0),
    latencyNs: pct,
    maxNonPreemptibleNs: 0,
    clearedBytesPerAlloc: { underLock: 0, afterUnlock: 0, onFree: 0, background: 0, pageFault: 0 },
    skippedBytesPerAlloc: { notNeeded: 0, alreadyClean: 0, fresh: 0 },
    bandwidthUtilization: ci(0),
    coreTimeShare: { work: 0, lockWait: 0, lockHold: 0, clear: 0, pageFault: 0, free: 0 },
    analytic: {
      boundAllocsPerSec: 0,
      coreBoundAllocsPerSec: 0,
      lockBoundAllocsPerSec: null,
      bandwidthBoundAllocsPerSec: null,
      mvaAllocsPerSec: null,
      mvaExact: false,
      model: 'none',
      note: '',
      ...analytic,
    },
    events: 0,
    ...(vary === undefined ? {} : { vary }),
  };
}

export function results(points: Point[], totalClearGBps = 60): Results {
  const scenario = { machine: { memory: { totalClearGBps } } } as unknown as Scenario;
  return { tool: { name: 'zerosim', version: '0' }, scenario, points };
}

// peak 57.2 k at 32 cores; 0.9 × 57.2 k = 51.48 k is first reached at 16 cores (55 k).
// efficiency X(N)/(N·X(1)): 8 → 50/80 = 0.625, 16 → 55/160 = 0.34375.
const CORES = [1, 2, 4, 8, 16, 32, 64];
const X = [10e3, 19e3, 36e3, 50e3, 55e3, 57.2e3, 56e3];
export const bounds = { lockBoundAllocsPerSec: 80e3, bandwidthBoundAllocsPerSec: 200e3 };
export const curve = (policy = 'a', vary?: Point['vary']) =>
  CORES.map((n, i) => point(policy, n, X[i], bounds, vary)).reverse();
