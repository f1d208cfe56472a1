/**
 * Runs one replication and reduces it to plain numbers (no engine objects), per second of simulated
 * time and per allocation, over the window after the warm-up cut, ready to cross a worker-thread
 * boundary and be summarised. Latency and lock-wait histograms travel encoded, so that a point's
 * percentiles come from all its replications' observations pooled.
 */

import { lockKinds } from '../engine/locks/index.js';
import { encodeHistogram, summarise } from '../engine/monitor.js';
import type { ModelConfig } from './config.js';
import {
  CORE_STATES,
  type CoreState,
  KIND_STATES,
  S_ALLOC,
  S_CLEAR,
  S_FREE,
  S_LOCK_HOLD,
  S_PAGE_FAULT,
  S_WORK,
} from './metrics.js';
import { System } from './system.js';
import type { StateRecorder } from './trace.js';
import { cutIndex, type Snapshot } from './window.js';

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
  /** every state but `spin`, `sleep` and `wake`, which appear only with lock kinds that have them */
  coreTimeShare: Partial<Record<CoreState, number>>;
  /** futex: the share of lock acquisitions that barged past a sleeper */
  lockBargeShare?: number;
  /** per-allocation demands (ns, bytes) over the window, for the operational bounds (see demands()) */
  demand: { workNs: number; coreNs: number; lockNs: number; poolBytes: number };
  /** Little's law on the lock queue: mean length, and arrival rate × mean queueing time */
  little: { queueLength: number; rateTimesWait: number };
  /** the measured window: from the warm-up cut to the end, ns */
  windowStartNs: number;
  windowNs: number;
  allocations: number;
  events: number;
  /** with cache levels only, so results without them keep their shape */
  caches?: CacheReplication;
}

/** Where clears ran, with cache levels. */
export interface CacheReplication {
  /** bytes cleared per allocation in each cache level, from the core outwards, then DRAM */
  levelBytesPerAlloc: number[];
  /** time-averaged utilisation of each shared level's pool, from the core outwards */
  sharedUtilization: number[];
  /**
   * the bytes each shared level's pool delivered per allocation over the window, from the core
   * outwards: X ≤ its total / these, as for DRAM (demand.poolBytes; see demands())
   */
  sharedPoolBytes: number[];
}

/**
 * The demands behind the operational bounds, per allocation over the window, taken from the window's
 * own time accounting so that each bound holds exactly on every run, whatever the lock kind, the
 * policy or the edges of the window (a demand booked per allocation would count work that straddles
 * the window's edges, and a bound from it could fall below the run):
 * - lockNs, D_lock: the lock's busy time (grant to release) per allocation. It counts every grant
 *   cost that actually occurred (acquires, hand-offs, per-waiter costs, migrations) and nothing that
 *   did not, so X = U / D_lock ≤ 1 / D_lock holds exactly, with equality when the lock is saturated.
 *   (Charging a hand-off on every acquisition, as at saturation, overstates D_lock wherever the lock
 *   is free: a 1-core run never hands off, and it exceeded such a bound.)
 * - poolBytes: the bytes the bandwidth pool delivered per allocation; X ≤ B / poolBytes likewise.
 *   With cache levels this is DRAM's pool; each shared level's pool has its own figure, measured the
 *   same way (caches.sharedPoolBytes), and no pool delivers more than its total × the window.
 * - workNs, coreNs: Z is the time in work and D the time in every state that is not waiting for the
 *   lock (alloc, hold, clear, page fault, free) plus the acquireNs every acquisition pays. All core
 *   time sums to N × T and D leaves out the rest of lock wait, spinning, sleeping and waking others
 *   (costs of contention, which not every acquisition pays), so X = n / T ≤ N / (Z + D), with
 *   equality on one core, where nothing waits but the acquire. A clear slowed by sharing counts at
 *   the time it took: that only tightens the bound, never below the run.
 */
function demands(
  config: ModelConfig,
  start: Snapshot,
  end: Snapshot,
  n: number,
): ReplicationResult['demand'] {
  const perAlloc = (x: number) => (n > 0 ? x / n : 0);
  const state = (i: number) => end.stateNs[i] - start.stateNs[i];
  const coreNs =
    state(S_ALLOC) +
    state(S_LOCK_HOLD) +
    state(S_CLEAR) +
    state(S_PAGE_FAULT) +
    state(S_FREE) +
    (end.acquireSpentNs - start.acquireSpentNs);
  const bandwidthNs = end.bandwidthUsedNs - start.bandwidthUsedNs;
  return {
    workNs: perAlloc(state(S_WORK)),
    coreNs: perAlloc(coreNs),
    lockNs: perAlloc(end.lockBusyNs - start.lockBusyNs),
    poolBytes: perAlloc(bandwidthNs * config.clearCaps.totalGBps),
  };
}

/** Grants that barged past a sleeper, as a share of the window's grants. */
function bargeShare(start: Snapshot, end: Snapshot): number {
  const grants = end.lockAcquisitions - start.lockAcquisitions;
  return grants > 0 ? (end.lockBarges - start.lockBarges) / grants : 0;
}

/**
 * Allocations per second of one replication, the same number as runReplication's `allocsPerSec`,
 * without the histograms the rest of its result needs (the calibration fit simulates thousands of
 * loops and reads only this).
 */
export function allocationRate(config: ModelConfig): number {
  const sys = new System(config, null, false);
  try {
    sys.run();
    const { start, end, windowNs } = measuredWindow(sys, config);
    return perSecond(end.counters.allocations - start.counters.allocations, windowNs);
  } finally {
    sys.dispose();
  }
}

/** The window after the warm-up cut, of a run that has ended: its first snapshot's index, both ends, its length. */
function measuredWindow(sys: System, config: ModelConfig) {
  const end = sys.capture();
  const k = cutIndex(sys.snapshots, end.timeNs, config.warmupFraction);
  const start = sys.snapshots[k];
  return { k, start, end, windowNs: end.timeNs - start.timeNs };
}

/** A quantity per ns of a window (0 for an empty window). */
function perWindowNs(x: number, windowNs: number): number {
  return windowNs > 0 ? x / windowNs : 0;
}

/** Events per second from a count over a window in ns (0 for an empty window). */
function perSecond(count: number, windowNs: number): number {
  return perWindowNs(count, windowNs) * 1e9;
}

/** One replication; a recorder, if given, listens to its state changes (see trace.ts). */
export function runReplication(
  config: ModelConfig,
  recorder: StateRecorder | null = null,
): ReplicationResult {
  const sys = new System(config, recorder);
  try {
    sys.run();
    const { k, start, end, windowNs } = measuredWindow(sys, config);
    const d = (f: (c: typeof end.counters) => number) => f(end.counters) - f(start.counters);
    const n = d((c) => c.allocations);
    const perAlloc = (x: number) => (n > 0 ? x / n : 0);
    const perNs = (x: number) => perWindowNs(x, windowNs);
    const coreNs = windowNs * config.cores;
    const rule = lockKinds[config.lock.kind];
    const coreTimeShare: Partial<Record<CoreState, number>> = {};
    CORE_STATES.forEach((s, i) => {
      if ((KIND_STATES as readonly string[]).includes(s) && !rule.states[s as (typeof KIND_STATES)[number]])
        return;
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
      allocsPerSec: perSecond(n, windowNs),
      bytesPerSec: perSecond(
        d((c) => c.allocatedBytes),
        windowNs,
      ),
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
      ...(rule.states.sleep ? { lockBargeShare: bargeShare(start, end) } : {}),
      demand: demands(config, start, end, n),
      little: {
        queueLength: perNs(end.lockQueueNs - start.lockQueueNs),
        rateTimesWait: perNs(queueWaitCount) * (queueWaitCount > 0 ? queueWaitSumNs / queueWaitCount : 0),
      },
      windowStartNs: start.timeNs,
      windowNs,
      allocations: n,
      events: sys.env.events,
    };
    if (config.caches.length > 0) {
      result.caches = {
        levelBytesPerAlloc: Array.from(end.counters.levelBytes, (b, l) =>
          perAlloc(b - start.counters.levelBytes[l]),
        ),
        sharedUtilization: end.sharedUsedNs.map((u, p) => perNs(u - start.sharedUsedNs[p])),
        sharedPoolBytes: end.sharedUsedNs.map((u, p) =>
          perAlloc((u - start.sharedUsedNs[p]) * sys.clearing.sharedPools[p].caps.totalGBps),
        ),
      };
    }
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
