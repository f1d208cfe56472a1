/**
 * Every clear the model runs starts here, whoever runs it: an allocating core under the lock or
 * after unlock, a freeing core, the kernel clearing a faulted page, a zeroing thread. Each clear
 * names its site, the block whose pieces it writes and its writer, so that a model with cache levels
 * (cache-clearing.ts) can route its bytes to the level that holds them. With no cache levels every
 * clear shares one processor-shared pool, the DRAM write bandwidth (PoolClearing); the system picks
 * one at construction.
 *
 * A clear's demands (its time alone, the bytes it sends through each pool) are booked here too, as
 * they depend on where its bytes went.
 */
import { Bandwidth, type BandwidthCaps, soloRateGBps } from '../engine/bandwidth.js';
import type { Environment, Handler } from '../engine/environment.js';
import type { AllocationPlan } from '../policies/plan.js';
import type { Block } from './extents.js';
import type { Metrics } from './metrics.js';

// Clear sites: small integers, so that starting a clear stays monomorphic.
export const C_UNDER_LOCK = 0;
export const C_AFTER_UNLOCK = 1;
export const C_ON_FREE = 2;
/** the kernel's clear of fresh pages on first touch */
export const C_PAGE_FAULT = 3;
export const C_BACKGROUND = 4;
export const CLEAR_SITES = 5;

export interface Clearing {
  /** the DRAM pool: the one every clear shares when there are no cache levels */
  readonly pool: Bandwidth;
  /** every processor-shared pool: the shared cache levels from the core outwards, then DRAM */
  readonly pools: readonly Bandwidth[];
  /** the shared cache levels' pools alone, from the core outwards (empty with no cache levels) */
  readonly sharedPools: readonly Bandwidth[];
  /** a lone clear's rate in DRAM, bytes per ns */
  readonly soloGBps: number;
  /**
   * Starts clearing `bytes` (> 0) of `block` at a site (C_*) for `writer` (a core, or a zeroing thread
   * after the cores); calls `client.fire(tag)` when the clear completes.
   */
  start(site: number, bytes: number, client: Handler, tag: number, block: Block | null, writer: number): void;
  /**
   * Books a finished allocation's demands: `coreHoldNs` and `lockHoldNs`, the lock's share of the
   * core's and of the lock's time, `faultNs` its page faults, and the clears it ran.
   */
  bookAllocation(
    metrics: Metrics,
    plan: AllocationPlan,
    coreHoldNs: number,
    lockHoldNs: number,
    faultNs: number,
    kernelBytes: number,
    writer: number,
  ): void;
  /** Books a clear on free just started by `writer`: a core's time, and pool bytes. */
  bookFreeClear(metrics: Metrics, bytes: number, writer: number): void;
  /** Books a zeroing thread's finished clear: pool bytes only, as no core waits for it. */
  bookBackground(metrics: Metrics, bytes: number, writer: number): void;
}

/** No cache levels: one pool, DRAM, for every clear, at min(coreClearGBps, totalClearGBps / j). */
export class PoolClearing implements Clearing {
  readonly pool: Bandwidth;
  readonly pools: readonly Bandwidth[];
  readonly sharedPools: readonly Bandwidth[] = [];
  readonly soloGBps: number;

  constructor(env: Environment, caps: BandwidthCaps) {
    this.pool = new Bandwidth(env, caps);
    this.pools = [this.pool];
    this.soloGBps = soloRateGBps(caps);
  }

  start(_site: number, bytes: number, client: Handler, tag: number): void {
    this.pool.start(bytes, client, tag);
  }

  bookAllocation(
    metrics: Metrics,
    plan: AllocationPlan,
    coreHoldNs: number,
    lockHoldNs: number,
    faultNs: number,
    kernelBytes: number,
  ): void {
    const { soloGBps } = this;
    metrics.demandNs += coreHoldNs + faultNs + (plan.clearBytes + kernelBytes) / soloGBps;
    metrics.lockDemandNs += lockHoldNs;
    if (plan.clearAt === 'under-lock') metrics.lockDemandNs += plan.clearBytes / soloGBps;
    if (plan.faultsUnderLock) metrics.lockDemandNs += faultNs + kernelBytes / soloGBps;
    metrics.poolBytes += plan.clearBytes + kernelBytes;
  }

  bookFreeClear(metrics: Metrics, bytes: number): void {
    metrics.poolBytes += bytes;
    metrics.demandNs += bytes / this.soloGBps;
  }

  bookBackground(metrics: Metrics, bytes: number): void {
    metrics.poolBytes += bytes;
  }
}
