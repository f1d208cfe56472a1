/**
 * Runs one replication and reduces it to plain numbers (no engine objects), per second of simulated
 * time and per allocation, over the window after the warm-up cut, ready to cross a worker-thread
 * boundary and be summarised. Latency and lock-wait histograms travel encoded, so that a point's
 * percentiles come from all its replications' observations pooled.
 */
import { encodeHistogram, summarise } from '../engine/monitor.js';
import type { ModelConfig } from './config.js';
import { CORE_STATES, type CoreState } from './metrics.js';
import { System } from './system.js';
import { cutIndex } from './window.js';

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
  /** mean hold per acquisition: over all of them, over allocations' and over frees' */
  lockHoldNs: { mean: number; allocMean: number; freeMean: number };
  latencyNs: Quantiles;
  /** HDR histograms of the window's observations (hdr-histogram-js compressed base64) */
  histograms: { latencyNs: string; lockWaitNs: string };
  maxNonPreemptibleNs: number;
  clearedBytesPerAlloc: {
    underLock: number;
    afterUnlock: number;
    onFree: number;
    background: number;
    pageFault: number;
  };
  skippedBytesPerAlloc: { notNeeded: number; alreadyClean: number; fresh: number; unsafe: number };
  coreTimeShare: Record<CoreState, number>;
  /** per-allocation service demands (ns, bytes), for the operational bounds */
  demand: { workNs: number; coreNs: number; lockNs: number; poolBytes: number };
  /** Little's law on the lock queue: mean length, and arrival rate × mean queueing time */
  little: { queueLength: number; rateTimesWait: number };
  /** the measured window: from the warm-up cut to the end, ns */
  windowStartNs: number;
  windowNs: number;
  allocations: number;
  events: number;
}

export function runReplication(config: ModelConfig): ReplicationResult {
  const sys = new System(config);
  try {
    sys.run();
    const end = sys.capture();
    const k = cutIndex(sys.snapshots, end.timeNs, config.warmupFraction);
    const start = sys.snapshots[k];
    const windowNs = end.timeNs - start.timeNs;
    const d = (f: (c: typeof end.counters) => number) => f(end.counters) - f(start.counters);
    const n = d((c) => c.allocations);
    const perAlloc = (x: number) => (n > 0 ? x / n : 0);
    const perNs = (x: number) => (windowNs > 0 ? x / windowNs : 0);
    const coreNs = windowNs * config.cores;
    const coreTimeShare = {} as Record<CoreState, number>;
    CORE_STATES.forEach((s, i) => {
      coreTimeShare[s] = coreNs > 0 ? (end.stateNs[i] - start.stateNs[i]) / coreNs : 0;
    });
    const latency = sys.metrics.latencyNs.histogramSince(k);
    const lockWait = sys.lock.waitNs.histogramSince(k);
    const lat = summarise(latency);
    const wait = summarise(lockWait);
    const latencyCount = end.latencyCount - start.latencyCount;
    const waitCount = end.lockWaitCount - start.lockWaitCount;
    const holdCount = end.lockHoldCount - start.lockHoldCount;
    const queueWaitCount = end.queueWaitCount - start.queueWaitCount;
    const queueWaitSumNs = end.queueWaitSumNs - start.queueWaitSumNs;
    const result: ReplicationResult = {
      allocsPerSec: perNs(n) * 1e9,
      bytesPerSec: perNs(d((c) => c.allocatedBytes)) * 1e9,
      lockUtilization: perNs(end.lockBusyNs - start.lockBusyNs),
      lockQueueLength: perNs(end.lockQueueNs - start.lockQueueNs),
      bandwidthUtilization: perNs(end.bandwidthUsedNs - start.bandwidthUsedNs),
      lockWaitNs: {
        mean: waitCount > 0 ? (end.lockWaitSumNs - start.lockWaitSumNs) / waitCount : 0,
        p50: wait.p50,
        p99: wait.p99,
        p999: wait.p999,
      },
      lockHoldNs: {
        mean: holdCount > 0 ? (end.lockHoldSumNs - start.lockHoldSumNs) / holdCount : 0,
        allocMean: ratio(
          d((c) => c.allocHoldNs),
          d((c) => c.allocHolds),
        ),
        freeMean: ratio(
          d((c) => c.freeHoldNs),
          d((c) => c.freeHolds),
        ),
      },
      latencyNs: {
        mean: latencyCount > 0 ? (end.latencySumNs - start.latencySumNs) / latencyCount : 0,
        p50: lat.p50,
        p99: lat.p99,
        p999: lat.p999,
      },
      histograms: { latencyNs: encodeHistogram(latency), lockWaitNs: encodeHistogram(lockWait) },
      maxNonPreemptibleNs: Math.max(0, ...sys.metrics.stretchNs.slice(k)),
      clearedBytesPerAlloc: {
        underLock: perAlloc(d((c) => c.clearedUnderLock)),
        afterUnlock: perAlloc(d((c) => c.clearedAfterUnlock)),
        onFree: perAlloc(d((c) => c.clearedOnFree)),
        background: perAlloc(d((c) => c.clearedBackground)),
        pageFault: perAlloc(d((c) => c.clearedPageFault)),
      },
      skippedBytesPerAlloc: {
        notNeeded: perAlloc(d((c) => c.skippedNotNeeded)),
        alreadyClean: perAlloc(d((c) => c.skippedAlreadyClean)),
        fresh: perAlloc(d((c) => c.skippedFresh)),
        unsafe: perAlloc(d((c) => c.skippedUnsafe)),
      },
      coreTimeShare,
      demand: {
        workNs: perAlloc(d((c) => c.workNs)),
        coreNs: perAlloc(d((c) => c.demandNs)),
        lockNs: perAlloc(d((c) => c.lockDemandNs)),
        poolBytes: perAlloc(d((c) => c.poolBytes)),
      },
      little: {
        queueLength: perNs(end.lockQueueNs - start.lockQueueNs),
        rateTimesWait: perNs(queueWaitCount) * (queueWaitCount > 0 ? queueWaitSumNs / queueWaitCount : 0),
      },
      windowStartNs: start.timeNs,
      windowNs,
      allocations: n,
      events: sys.env.events,
    };
    latency.destroy();
    lockWait.destroy();
    return result;
  } finally {
    sys.dispose();
  }
}

/** x / n, or 0 when nothing was counted */
function ratio(x: number, n: number): number {
  return n > 0 ? x / n : 0;
}
