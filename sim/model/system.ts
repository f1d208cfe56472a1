/**
 * One replication of the allocator model: N cores, the heap lock, the clear bandwidth, the heap's
 * byte pools and any zeroing threads, in one environment. Runs until cores × allocationsPerCore
 * allocations complete, restarting every measurement when the warm-up share of them is done.
 */
import { Environment } from '../engine/environment.js';
import { createLock, type Lock } from '../engine/locks/index.js';
import { zeroerThreads } from '../policies/plan.js';
import { CacheClearing } from './cache-clearing.js';
import { type Clearing, PoolClearing } from './clearing.js';
import type { ModelConfig } from './config.js';
import type { ModelContext } from './context.js';
import { Core } from './core.js';
import { ExtentHeap } from './extent-heap.js';
import type { Block } from './extents.js';
import type { FreeMemory } from './free-memory.js';
import { HeapMemory } from './heap-memory.js';
import { Metrics, S_LOCK_WAIT } from './metrics.js';
import { listenToPools, type StateRecorder } from './trace.js';
import { SEGMENTS, type Snapshot } from './window.js';
import { Writes } from './writes.js';
import { Zeroer } from './zeroer.js';

/** An invariant broken during a run: a bug in the model, never bad input. */
export class InvariantError extends Error {}

export class System implements ModelContext {
  readonly env = new Environment();
  readonly lock: Lock;
  readonly clearing: Clearing;
  readonly heap: FreeMemory;
  readonly metrics: Metrics;
  readonly cores: Core[] = [];
  readonly zeroers: Zeroer[] = [];
  completed = 0;
  /** counters at time 0 and at every 1/SEGMENTS of the allocations */
  readonly snapshots: Snapshot[] = [];
  private nextSnapshotAt: number;
  /** lock holders right now: never above 1 */
  holders = 0;
  maxHolders = 0;

  /** `percentiles`: false when only means and rates are read, which skips the HDR histograms */
  constructor(
    readonly config: ModelConfig,
    readonly recorder: StateRecorder | null = null,
    percentiles = true,
  ) {
    const { env } = this;
    this.lock = createLock(env, config.lock, percentiles);
    const zeroers = zeroerThreads(config.policy);
    // Chosen once: with no cache levels, byte pools and one DRAM pool, exactly as before them.
    if (config.caches.length === 0) {
      this.clearing = new PoolClearing(env, config.clearCaps);
      this.heap = new HeapMemory(config.initialDirtyBytes, config.maxFreeBytes);
      this.metrics = new Metrics(0, percentiles);
    } else {
      const writes = new Writes(config.cores + zeroers);
      const clearing = new CacheClearing(env, config.clearCaps, config.caches, writes);
      this.clearing = clearing;
      this.heap = new ExtentHeap(
        config.initialDirtyBytes,
        config.maxFreeBytes,
        config.heapReuseOrder,
        writes,
      );
      this.metrics = new Metrics(clearing.levelCount, percentiles);
    }
    if (recorder !== null) {
      listenToPools(recorder, this.clearing.pools);
      recorder.attach?.(() => env.stop());
    }
    for (let c = 0; c < config.cores; c++) this.cores.push(new Core(this, c));
    for (let z = 0; z < zeroers; z++) this.zeroers.push(new Zeroer(this, config.cores + z));
    this.nextSnapshotAt = Math.max(1, Math.ceil(config.totalAllocations / SEGMENTS));
  }

  run(): void {
    this.snapshot();
    for (const core of this.cores) core.start();
    for (const zeroer of this.zeroers) zeroer.wake();
    this.env.run();
    this.checkAtEnd();
  }

  /** Records every counter now and closes a segment of every histogram (see window.ts). */
  private snapshot(): void {
    this.snapshots.push(this.capture());
    this.metrics.latencyNs.checkpoint();
    this.lock.waitNs.checkpoint();
    this.metrics.stretchNs.push(0);
  }

  /** Every counter as of now. */
  capture(): Snapshot {
    const now = this.env.now;
    const { metrics, lock } = this;
    const bandwidth = this.clearing.pool;
    // charge states in progress; lock wait charged ahead of now (a grant's delay) is not yet spent
    // A grant's delay ends with its acquireNs, so the acquire time not yet spent is the part of each
    // delay still ahead, up to acquireNs.
    const { acquireNs } = this.config.lock;
    let waitAheadNs = 0;
    let acquireAheadNs = 0;
    for (const core of this.cores) {
      const aheadNs = core.chargeTo(now);
      waitAheadNs += aheadNs;
      acquireAheadNs += Math.min(aheadNs, acquireNs);
    }
    const stateNs = metrics.stateNs.slice();
    stateNs[S_LOCK_WAIT] -= waitAheadNs;
    return {
      timeNs: now,
      counters: metrics.counters(),
      stateNs,
      lockBusyNs: lock.busy.integral(now),
      lockQueueNs: lock.queue.integral(now),
      latencyCount: metrics.latencyNs.count,
      latencySumNs: metrics.latencyNs.sum,
      lockWaitCount: lock.waitNs.count,
      lockWaitSumNs: lock.waitNs.sum,
      queueWaitCount: lock.queueWaitNs.count,
      queueWaitSumNs: lock.queueWaitNs.sum,
      lockHoldCount: lock.holdNs.count,
      lockHoldSumNs: lock.holdNs.sum,
      bandwidthUsedNs: bandwidth.utilization.integral(now),
      sharedUsedNs: this.clearing.sharedPools.map((pool) => pool.utilization.integral(now)),
      lockAcquisitions: lock.acquisitions,
      lockBarges: lock.barges,
      acquireSpentNs: lock.acquisitions * acquireNs - acquireAheadNs,
    };
  }

  lockTaken(): void {
    this.holders++;
    if (this.holders > this.maxHolders) this.maxHolders = this.holders;
    if (this.config.checks) {
      if (this.holders > 1)
        throw new InvariantError(`heap lock held by ${this.holders} cores at ${this.env.now} ns`);
      this.checkStep();
    }
  }

  lockReleased(): void {
    this.holders--;
  }

  /** A block went back to the heap. */
  freed(sizeBytes: number, clean: boolean, block: Block | null): void {
    this.heap.free(sizeBytes, clean, block);
    if (!clean) for (const zeroer of this.zeroers) zeroer.wake();
  }

  allocationDone(sizeBytes: number): void {
    this.metrics.allocations++;
    this.metrics.allocatedBytes += sizeBytes;
    this.completed++;
    if (this.completed >= this.config.totalAllocations) this.env.stop();
    else if (this.completed >= this.nextSnapshotAt) {
      this.snapshot();
      this.nextSnapshotAt = Math.ceil((this.snapshots.length * this.config.totalAllocations) / SEGMENTS);
    }
  }

  private checkStep(): void {
    for (const bw of this.clearing.pools) {
      const rate = bw.ratePerJob;
      const excess = Math.max(rate - bw.caps.perJobGBps, rate * bw.active - bw.caps.totalGBps);
      if (excess > 1e-9 * bw.caps.totalGBps)
        throw new InvariantError(`bandwidth over its cap by ${excess} GB/s`);
    }
    const error = this.heap.conservationError();
    if (
      error > 1e-6 * (1 + this.heap.freshTakenBytes + this.config.initialDirtyBytes) ||
      !this.heap.poolsNonNegative
    ) {
      throw new InvariantError(`heap bytes not conserved (error ${error} B) at ${this.env.now} ns`);
    }
  }

  private checkAtEnd(): void {
    if (this.maxHolders > 1) throw new InvariantError(`heap lock held by ${this.maxHolders} cores at once`);
    this.checkStep();
    // The bytes the bandwidth delivered, integrated from its rates, must be the bytes transfers asked
    // for less what is still in flight, and never more than the total rate allows.
    for (const bw of this.clearing.pools) {
      const delivered = bw.deliveredBytes();
      const expected = bw.startedBytes - bw.inFlightBytes();
      if (Math.abs(delivered - expected) > 1e-6 * (1 + bw.startedBytes)) {
        throw new InvariantError(`bandwidth delivered ${delivered} B for ${expected} B of transfers`);
      }
      if (delivered > bw.caps.totalGBps * this.env.now * (1 + 1e-9)) {
        throw new InvariantError(
          `bandwidth delivered ${delivered} B, over ${bw.caps.totalGBps} GB/s × ${this.env.now} ns`,
        );
      }
    }
  }

  dispose(): void {
    this.lock.dispose();
    this.metrics.latencyNs.dispose();
  }
}
