/**
 * Every clear the model runs starts here, whoever runs it: an allocating core under the lock or
 * after unlock, a freeing core, the kernel clearing a faulted page, a zeroing thread. Today they all
 * share one processor-shared pool, the DRAM write bandwidth; each clear names its site so that a
 * model with cache levels can route it to the pool that holds its bytes, here and nowhere else.
 */
import { Bandwidth, type BandwidthCaps, soloRateGBps } from '../engine/bandwidth.js';
import type { Environment, Handler } from '../engine/environment.js';

// Clear sites: small integers, so that starting a clear stays monomorphic.
export const C_UNDER_LOCK = 0;
export const C_AFTER_UNLOCK = 1;
export const C_ON_FREE = 2;
/** the kernel's clear of fresh pages on first touch */
export const C_PAGE_FAULT = 3;
export const C_BACKGROUND = 4;

export class Clearing {
  /** the pool every clear shares: DRAM write bandwidth */
  readonly pool: Bandwidth;
  /** a lone clear's rate, bytes per ns: what the demands behind the analytic bounds divide by */
  readonly soloGBps: number;

  constructor(env: Environment, caps: BandwidthCaps) {
    this.pool = new Bandwidth(env, caps);
    this.soloGBps = soloRateGBps(caps);
  }

  /**
   * Starts clearing `bytes` (> 0) at a site (C_*); calls `client.fire(tag)` when the clear completes.
   * The site is unused while one pool serves every clear.
   */
  start(_site: number, bytes: number, client: Handler, tag = 0): void {
    this.pool.start(bytes, client, tag);
  }
}
