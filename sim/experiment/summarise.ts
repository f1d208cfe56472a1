/**
 * Reduces a point's replications to the results.json shape: means with t-based 95% CIs for rates
 * and utilisations; percentiles as the mean over replications of each replication's percentile.
 */
import type { Quantiles, ReplicationResult } from '../model/replication.js';
import { analyticCompanion } from './analytic.js';
import { pointSeed } from './points.js';
import { meanCI, meanOf } from './statistics.js';
import type { Percentiles, Point, PolicySpec, Scenario } from './types.js';

function percentiles(qs: Quantiles[]): Percentiles {
  return {
    mean: meanOf(qs.map((q) => q.mean)),
    p50: meanOf(qs.map((q) => q.p50)),
    p99: meanOf(qs.map((q) => q.p99)),
    p999: meanOf(qs.map((q) => q.p999)),
  };
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
  const share = meanFields(reps.map((r) => r.coreTimeShare));
  return {
    policy: policy.name,
    cores,
    replications: reps.length,
    seed: pointSeed(scenario.run.seed, cores),
    allocsPerSec: meanCI(reps.map((r) => r.allocsPerSec)),
    bytesPerSec: meanCI(reps.map((r) => r.bytesPerSec)),
    lockUtilization: meanCI(reps.map((r) => r.lockUtilization)),
    lockWaitNs: percentiles(reps.map((r) => r.lockWaitNs)),
    lockHoldNs: percentiles(reps.map((r) => r.lockHoldNs)),
    lockQueueLength: meanCI(reps.map((r) => r.lockQueueLength)),
    latencyNs: percentiles(reps.map((r) => r.latencyNs)),
    maxNonPreemptibleNs: Math.max(...reps.map((r) => r.maxNonPreemptibleNs)),
    clearedBytesPerAlloc: meanFields(reps.map((r) => r.clearedBytesPerAlloc)),
    skippedBytesPerAlloc: meanFields(reps.map((r) => r.skippedBytesPerAlloc)),
    bandwidthUtilization: meanCI(reps.map((r) => r.bandwidthUtilization)),
    coreTimeShare: share,
    analytic: analyticCompanion(scenario, policy, cores, reps),
    events: reps.reduce((sum, r) => sum + r.events, 0),
  };
}
