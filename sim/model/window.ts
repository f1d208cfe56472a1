/**
 * The measurement window. Every counter of a replication runs from time 0; snapshots taken at regular
 * allocation milestones (and at time 0) record them, and close a segment of every histogram. When the
 * run ends at time T, the warm-up is cut at the first snapshot at or after warmupFraction × T, as
 * MODEL.md asks ("drop the first warmupFraction of simulated time"), to within one segment
 * (1/SEGMENTS of the allocations), and every figure is taken over the rest of the run.
 */
import type { Counters } from './metrics.js';

/** snapshots per replication after the one at time 0; bounds memory (2 histograms per segment) */
export const SEGMENTS = 40;

export interface Snapshot {
  timeNs: number;
  counters: Counters;
  /** per-state core time, in-progress states charged up to the snapshot */
  stateNs: Float64Array;
  lockBusyNs: number;
  lockQueueNs: number;
  latencyCount: number;
  latencySumNs: number;
  lockWaitCount: number;
  lockWaitSumNs: number;
  queueWaitCount: number;
  queueWaitSumNs: number;
  lockHoldCount: number;
  lockHoldSumNs: number;
  /** ∫ (bytes/ns in use ÷ total) dt */
  bandwidthUsedNs: number;
  /** the same for each shared cache level's pool (none without cache levels) */
  sharedUsedNs: number[];
  lockAcquisitions: number;
  /** futex: grants that barged past a sleeper */
  lockBarges: number;
  /** lock wait spent paying acquireNs (grant delays end with it), summed over cores */
  acquireSpentNs: number;
}

/** Index of the snapshot that starts the measured window: the first at or after fraction × end time. */
export function cutIndex(snapshots: readonly Snapshot[], endNs: number, fraction: number): number {
  const cutNs = fraction * endNs;
  for (let k = 0; k < snapshots.length; k++) if (snapshots[k].timeNs >= cutNs) return k;
  return snapshots.length - 1;
}
