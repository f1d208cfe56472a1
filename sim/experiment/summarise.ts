/**
 * Reduces a point's replications to the results.json shape: means with t-based 95% CIs for rates
 * and utilisations; percentiles from the HDR histograms of all replications pooled (so p99 is the
 * 99th percentile of every observation of the point), means weighted by observations.
 */
import { decodeHistogram, emptyHistogram, summarise } from '../engine/monitor.js';
import type { ReplicationResult } from '../model/replication.js';
import type {
  CacheLevelResult,
  CoreTimeShare,
  MeanCI,
  Percentiles,
  Point,
  PolicySpec,
  Scenario,
} from '../types/index.js';
import { analyticCompanion } from './analytic.js';
import { pointSeed } from './points.js';
import { meanCI, meanOf } from './statistics.js';

/** Percentiles of the pooled histograms; the mean of the pooled observations. */
function pooled(reps: readonly ReplicationResult[], which: 'latencyNs' | 'lockWaitNs'): Percentiles {
  const all = emptyHistogram();
  let count = 0;
  let sum = 0;
  for (const r of reps) {
    const h = decodeHistogram(r.histograms[which]);
    const n = h.totalCount;
    all.add(h);
    h.destroy();
    count += n;
    sum += r[which].mean * n;
  }
  const s = summarise(all);
  all.destroy();
  return { mean: count > 0 ? sum / count : 0, p50: s.p50, p99: s.p99, p999: s.p999 };
}

/** Field-wise mean of objects of numbers. */
function meanFields<T extends object>(rows: T[]): T {
  const out = {} as Record<string, number>;
  for (const key of Object.keys(rows[0]))
    out[key] = meanOf(rows.map((r) => (r as Record<string, number>)[key]));
  return out as T;
}

export function summarisePoint(
  scenario: Scenario,
  policy: PolicySpec,
  cores: number,
  reps: ReplicationResult[],
): Point {
  const share = meanFields(reps.map((r) => r.coreTimeShare)) as CoreTimeShare;
  const barges = reps.map((r) => r.lockBargeShare);
  return {
    policy: policy.name,
    cores,
    replications: reps.length,
    seed: pointSeed(scenario.run.seed, cores),
    allocsPerSec: meanCI(reps.map((r) => r.allocsPerSec)),
    bytesPerSec: meanCI(reps.map((r) => r.bytesPerSec)),
    lockUtilization: meanCI(reps.map((r) => r.lockUtilization)),
    lockWaitNs: pooled(reps, 'lockWaitNs'),
    lockHoldNs: meanFields(reps.map((r) => r.lockHoldNs)),
    lockQueueLength: meanCI(reps.map((r) => r.lockQueueLength)),
    ...(barges.every((b) => b !== undefined) ? { lockBargeShare: meanCI(barges as number[]) } : {}),
    latencyNs: pooled(reps, 'latencyNs'),
    maxNonPreemptibleNs: Math.max(...reps.map((r) => r.maxNonPreemptibleNs)),
    clearedBytesPerAlloc: meanFields(reps.map((r) => r.clearedBytesPerAlloc)),
    skippedBytesPerAlloc: meanFields(reps.map((r) => r.skippedBytesPerAlloc)),
    bandwidthUtilization: meanCI(reps.map((r) => r.bandwidthUtilization)),
    coreTimeShare: share,
    analytic: analyticCompanion(scenario, policy, cores, reps),
    events: reps.reduce((sum, r) => sum + r.events, 0),
    ...cacheLevels(scenario, reps),
  };
}

/** Per-level clears and shared pools' load, with cache levels only (fields are added, not changed). */
function cacheLevels(
  scenario: Scenario,
  reps: ReplicationResult[],
): { cacheLevels?: Record<string, CacheLevelResult> } {
  const { caches } = scenario.machine.memory;
  if (caches.length === 0) return {};
  const levels = [...caches.map((c) => ({ name: c.name, shared: c.shared })), { name: 'dram', shared: true }];
  const out: Record<string, CacheLevelResult> = {};
  let shared = 0;
  levels.forEach(({ name, shared: isShared }, l) => {
    const bytes = meanOf(reps.map((r) => r.caches?.levelBytesPerAlloc[l] ?? 0));
    let utilization: MeanCI | null = null;
    if (l === caches.length) utilization = meanCI(reps.map((r) => r.bandwidthUtilization));
    else if (isShared) {
      const p = shared++;
      utilization = meanCI(reps.map((r) => r.caches?.sharedUtilization[p] ?? 0));
    }
    out[name] = { shared: isShared, clearedBytesPerAlloc: bytes, utilization };
  });
  return { cacheLevels: out };
}
