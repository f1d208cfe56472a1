// Made-up results for testing the CLI's outputs without running a simulation.

import { loadScenarioText } from '../../sim/experiment/scenario/index.js';
import type { Point, Results } from '../../sim/types/index.js';

/** One point whose throughput is `allocsPerSec`; the other numbers are plausible and fixed. */
export function fakePoint(policy: string, cores: number, allocsPerSec: number): Point {
  const stat = (mean: number) => ({ mean, ci95: mean / 100 });
  const percentiles = (mean: number) => ({ mean, p50: mean * 0.8, p99: mean * 3, p999: mean * 5 });
  return {
    policy,
    cores,
    replications: 2,
    seed: 1000 + cores,
    allocsPerSec: stat(allocsPerSec),
    bytesPerSec: stat(allocsPerSec * 16777216),
    lockUtilization: stat(0.25),
    lockWaitNs: percentiles(100),
    lockHoldNs: percentiles(700),
    lockQueueLength: stat(0.5),
    latencyNs: percentiles(1000),
    maxNonPreemptibleNs: 13107.2,
    clearedBytesPerAlloc: { underLock: 0, afterUnlock: 16777216, onFree: 0, background: 0, pageFault: 0 },
    skippedBytesPerAlloc: { notNeeded: 0, alreadyClean: 0, fresh: 0 },
    bandwidthUtilization: stat(0.5),
    coreTimeShare: { work: 0.5, lockWait: 0.1, lockHold: 0.1, clear: 0.2, pageFault: 0.05, free: 0.05 },
    analytic: {
      boundAllocsPerSec: allocsPerSec * 1.2,
      coreBoundAllocsPerSec: allocsPerSec * 1.2,
      lockBoundAllocsPerSec: 1 / 700e-9,
      bandwidthBoundAllocsPerSec: null,
      mvaAllocsPerSec: null,
      mvaExact: false,
      model: 'none',
      note: 'not product-form, "approximate"',
    },
    events: 12345,
  };
}

/** Two policies × two core counts. */
export function fakeResults(version = '0.1.0'): Results {
  const scenario = loadScenarioText(
    JSON.stringify({ name: 'fake', cores: [1, 4], policies: ['go1.0-under-lock', 'go1.1-after-unlock'] }),
    'fake.json',
  );
  return {
    tool: { name: 'zerosim', version },
    scenario,
    points: [
      fakePoint('go1.0-under-lock', 1, 950),
      fakePoint('go1.0-under-lock', 4, 48213),
      fakePoint('go1.1-after-unlock', 1, 1234567),
      fakePoint('go1.1-after-unlock', 4, 2.5e9),
    ],
  };
}
