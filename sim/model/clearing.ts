/**
 * Every clear the model runs starts here, whoever runs it: an allocating core under the lock or
 * after unlock, a freeing core, the kernel clearing a faulted page, a zeroing thread. Each clear
 * names its site, the block whose pieces it writes and its writer, so that a model with cache levels
 * (cache-clearing.ts) can route its bytes to the level that holds them. With no cache levels every
 * clear shares one processor-shared pool, the DRAM write bandwidth (PoolClearing); the system picks
 * one at construction.
 *
 * With cache levels, the bytes each clear ran in each level are booked here too, as only the
 * clearing knows where they went. (The analytic bounds take no demands from here: they measure what
 * each pool delivered in the window; see replication.ts.)
 */
import { Bandwidth, type BandwidthCaps } from '../engine/bandwidth.js';
import type { Environment, Handler } from '../engine/environment.js';
import type { Block } from './extents.js';
import type { Metrics } from './metrics.js';

// Clear sites: small integers, so that starting a clear stays monomorphic.
export const C_UNDER_LOCK = 0;
export const C_AFTER_UNLOCK = 1;
export const C_ON_FREE = 2;
/** the kernel's clear of fresh pages on first touch */
export const C_PAGE_FAULT = 3;
export const C_BACKGROUND = 4;

export interface Clearing {
  /** the DRAM pool: the one every clear shares when there are no cache levels */
  readonly pool: Bandwidth;
  /** every processor-shared pool: the shared cache levels from the core outwards, then DRAM */
  readonly pools: readonly Bandwidth[];
  /** the shared cache levels' pools alone, from the core outwards (empty with no cache levels) */
  readonly sharedPools: readonly Bandwidth[];
  /**
   * Starts clearing `bytes` (> 0) of `block` at a site (C_*) for `writer` (a core, or a zeroing thread
   * after the cores); calls `client.fire(tag)` when the clear completes.
   */
  start(site: number, bytes: number, client: Handler, tag: number, block: Block | null, writer: number): void;
  /**
   * Books into `metrics.levelBytes` the bytes by level of the clears `writer` started since its last
   * booking: at a finished allocation, a clear on free, a zeroing thread's finished chunk.
   */
  bookLevels(metrics: Metrics, writer: number): void;
}

/** No cache levels: one pool, DRAM, for every clear, at min(coreClearGBps, totalClearGBps / j). */
export class PoolClearing implements Clearing {
  readonly pool: Bandwidth;
  readonly pools: readonly Bandwidth[];
  readonly sharedPools: readonly Bandwidth[] = [];

  constructor(env: Environment, caps: BandwidthCaps) {
    this.pool = new Bandwidth(env, caps);
    this.pools = [this.pool];
  }

  start(_site: number, bytes: number, client: Handler, tag: number): void {
    this.pool.start(bytes, client, tag);
  }

  /** No levels to book: every byte went to the one pool. */
  bookLevels(): void {}
}
