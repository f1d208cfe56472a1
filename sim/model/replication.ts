/**
 * Runs one replication and reduces it to plain numbers (no engine objects), per second of simulated
 * time and per allocation, ready to cross a worker-thread boundary and be summarised.
 */
import type { ModelConfig } from './config.js';
import { CORE_STATES, type CoreState } from './metrics.js';
import { System } from './system.js';

export interface Quantiles {
  mean: number;
  p50: number;
  p99: number;
  p999: number;
}

export interface ReplicationResult {
  allocsPerSec: number;
  bytesPerSec: number;
  lockUtilization: number;
  lockQueueLength: number;
  bandwidthUtilization: number;
  lockWaitNs: Quantiles;
  lockHoldNs: Quantiles;
  latencyNs: Quantiles;
  maxNonPreemptibleNs: number;
  clearedBytesPerAlloc: {
    underLock: number;
    afterUnlock: number;
    onFree: number;
    background: number;
    pageFault: number;
  };
  skippedBytesPerAlloc: { notNeeded: number; alreadyClean: number; fresh: number };
  coreTimeShare: Record<CoreState, number>;
  /** per-allocation service demands (ns, bytes), for the operational bounds */
  demand: { workNs: number; coreNs: number; lockNs: number; poolBytes: number };
  /** Little's law on the lock queue: mean length, and arrival rate × mean queueing time */
  little: { queueLength: number; rateTimesWait: number };
  windowNs: number;
  allocations: number;
  events: number;
}

function quantiles(t: { mean: number; percentile(p: number): number }): Quantiles {
  return { mean: t.mean, p50: t.percentile(50), p99: t.percentile(99), p999: t.percentile(99.9) };
}

export function runReplication(config: ModelConfig): ReplicationResult {
  const sys = new System(config);
  try {
    sys.run();
    const { metrics: m, lock, bandwidth, env } = sys;
    const now = env.now;
    const windowNs = now - m.windowStartNs;
    const n = m.allocations;
    const perAlloc = (x: number) => (n > 0 ? x / n : 0);
    const coreNs = windowNs * config.cores;
    const coreTimeShare = {} as Record<CoreState, number>;
    CORE_STATES.forEach((s, i) => {
      coreTimeShare[s] = coreNs > 0 ? m.stateNs[i] / coreNs : 0;
    });
    return {
      allocsPerSec: windowNs > 0 ? (n / windowNs) * 1e9 : 0,
      bytesPerSec: windowNs > 0 ? (m.allocatedBytes / windowNs) * 1e9 : 0,
      lockUtilization: lock.busy.mean(now),
      lockQueueLength: lock.queue.mean(now),
      bandwidthUtilization: bandwidth.utilization.mean(now),
      lockWaitNs: quantiles(lock.waitNs),
      lockHoldNs: quantiles(lock.holdNs),
      latencyNs: quantiles(m.latencyNs),
      maxNonPreemptibleNs: m.maxNonPreemptibleNs,
      clearedBytesPerAlloc: {
        underLock: perAlloc(m.clearedUnderLock),
        afterUnlock: perAlloc(m.clearedAfterUnlock),
        onFree: perAlloc(m.clearedOnFree),
        background: perAlloc(m.clearedBackground),
        pageFault: perAlloc(m.clearedPageFault),
      },
      skippedBytesPerAlloc: {
        notNeeded: perAlloc(m.skippedNotNeeded),
        alreadyClean: perAlloc(m.skippedAlreadyClean),
        fresh: perAlloc(m.skippedFresh),
      },
      coreTimeShare,
      demand: {
        workNs: perAlloc(m.workNs),
        coreNs: perAlloc(m.demandNs),
        lockNs: perAlloc(m.lockDemandNs),
        poolBytes: perAlloc(m.poolBytes),
      },
      little: {
        queueLength: lock.queue.mean(now),
        rateTimesWait: windowNs > 0 ? (lock.queueWaitNs.count / windowNs) * lock.queueWaitNs.mean : 0,
      },
      windowNs,
      allocations: n,
      events: env.events,
    };
  } finally {
    sys.dispose();
  }
}
