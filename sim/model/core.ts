/**
 * One core running one allocating thread in a closed loop: work → allocate (large path through the
 * heap lock, or the per-core small-object cache, whose refills take the large path with zeroed =
 * true) → clear and fault as the policy plans → free the oldest live block → work again.
 *
 * The core is the only place that turns a policy's plan into timed events. A cycle is a chain of
 * named steps; each either starts one timed thing (a delay, a clear, a lock request), whose
 * completion event carries a tag naming the step that follows (see fire()), or has nothing to do
 * and calls the next step itself. Adding a step means writing it, calling it from the step before
 * and, if it waits, giving it a tag: nothing is renumbered. The steps, in order:
 *
 *   work → beginAllocation
 *     small, cache not empty: smallAlloc → smallDone
 *     large (or a refill):    [lock] allocGranted → lockedFault → lockedKernelClear → lockedClear →
 *                             releaseAlloc → fault → kernelClear → clearAfterUnlock → largeDone
 *                             (a refill goes on with smallAlloc → smallDone)
 *   → beginFree → clearOnFree → freeLock → [lock] freeGranted → freeRelease → work
 */
import type { LockClient, WaitState } from '../engine/locks/index.js';
import { type AllocationPlan, clearsOnFree, emptyPlan, planAllocation } from '../policies/plan.js';
import { bookAllocation } from './booking.js';
import { C_AFTER_UNLOCK, C_ON_FREE, C_PAGE_FAULT, C_UNDER_LOCK } from './clearing.js';
import type { ModelContext } from './context.js';
import { CoreStreams } from './core-streams.js';
import type { Block } from './extents.js';
import { LiveBlocks } from './live-blocks.js';
import {
  S_ALLOC,
  S_CLEAR,
  S_FREE,
  S_LOCK_HOLD,
  S_LOCK_WAIT,
  S_PAGE_FAULT,
  S_SLEEP,
  S_SPIN,
  S_WAKE,
  S_WORK,
} from './metrics.js';
import type { StateRecorder } from './trace.js';

// Event tags: each names the timed step that just finished, and fire() runs the step after it.
// Tags are only names, so a new step takes the next free number and nothing is renumbered.
const T_WORK_DONE = 0;
const T_ALLOC_GRANTED = 1;
const T_ALLOC_HELD = 2;
const T_LOCKED_FAULT_DONE = 3;
const T_LOCKED_KERNEL_CLEAR_DONE = 4;
const T_LOCKED_CLEAR_DONE = 5;
const T_FAULT_DONE = 6;
const T_KERNEL_CLEAR_DONE = 7;
const T_CLEAR_DONE = 8;
const T_SMALL_DONE = 9;
const T_FREE_CLEAR_DONE = 10;
const T_FREE_GRANTED = 11;
const T_FREE_HELD = 12;
const T_ALLOC_WAKE_DONE = 13;
const T_FREE_WAKE_DONE = 14;

/** The core state of each lock waiting state (WAIT_QUEUED, WAIT_SPIN, WAIT_SLEEP). */
const WAIT_STATES = [S_LOCK_WAIT, S_SPIN, S_SLEEP];

export class Core implements LockClient {
  private state = S_WORK;
  private stateSinceNs = 0;
  /** one random stream per drawn quantity (common random numbers across policies) */
  private readonly rng: CoreStreams;
  // the allocation in progress
  private requestNs = 0;
  private sizeBytes = 0;
  private needZero = false;
  private refill = false;
  private smallBytes = 0;
  private readonly plan: AllocationPlan = emptyPlan();
  /** the allocation's pieces, with cache levels (null: byte pools) */
  private block: Block | null = null;
  private usableNs = 0;
  private stepStartNs = 0;
  /** whether frees clear on free (the policy's); the free in progress is in `live` */
  private readonly freeClean: boolean;
  private readonly live: LiveBlocks;
  /** bytes left in the small-object cache */
  private cacheBytes = 0;
  /** --trace and the report's timeline listen to state changes; null (one check) otherwise */
  private readonly recorder: StateRecorder | null;

  constructor(
    private readonly sys: ModelContext,
    readonly id: number,
  ) {
    this.rng = new CoreStreams(sys.config.seed, id);
    this.live = new LiveBlocks(sys.config);
    this.freeClean = clearsOnFree(sys.config.policy);
    this.recorder = sys.recorder ?? null;
  }

  start(): void {
    this.work();
  }

  fire(tag: number): void {
    switch (tag) {
      case T_WORK_DONE:
        this.beginAllocation();
        return;
      case T_ALLOC_GRANTED:
        this.allocGranted();
        return;
      case T_ALLOC_HELD:
        this.lockedFault();
        return;
      case T_LOCKED_FAULT_DONE:
        this.lockedKernelClear();
        return;
      case T_LOCKED_KERNEL_CLEAR_DONE:
        this.lockedClear();
        return;
      case T_LOCKED_CLEAR_DONE:
        this.releaseAlloc();
        return;
      case T_FAULT_DONE:
        this.kernelClear();
        return;
      case T_KERNEL_CLEAR_DONE:
        this.clearAfterUnlock();
        return;
      case T_CLEAR_DONE:
        this.largeDone();
        return;
      case T_SMALL_DONE:
        this.smallDone();
        return;
      case T_FREE_CLEAR_DONE:
        this.freeLock();
        return;
      case T_FREE_GRANTED:
        this.freeGranted();
        return;
      case T_FREE_HELD:
        this.freeRelease();
        return;
      case T_ALLOC_WAKE_DONE:
        this.fault();
        return;
      case T_FREE_WAKE_DONE:
        this.work();
        return;
    }
  }

  /** The lock moved this waiting core to spinning, sleeping or plain waiting (futex only). */
  lockWaitState(state: WaitState): void {
    this.enter(WAIT_STATES[state], this.sys.env.now);
  }

  /** Charges the time since the last state change and enters `state` at `atNs` (≥ now). */
  private enter(state: number, atNs: number): void {
    if (this.recorder !== null) this.recorder.enter(this.id, state, atNs, this.sys.env.now);
    const sinceNs = this.stateSinceNs;
    if (atNs > sinceNs) this.sys.metrics.stateNs[this.state] += atNs - sinceNs;
    this.state = state;
    this.stateSinceNs = Math.max(atNs, sinceNs);
  }

  /**
   * Charges the state in progress up to now (for snapshots and the end). A grant charges lock wait up
   * to the instant the lock becomes usable, which may lie ahead of now; returns that part, not yet
   * spent, so a snapshot can leave it out.
   */
  chargeTo(nowNs: number): number {
    if (this.stateSinceNs > nowNs) return this.stateSinceNs - nowNs;
    this.enter(this.state, nowNs);
    return 0;
  }

  // The steps of a cycle, in the order of the diagram at the top of the file.

  private work(): void {
    const { config, env } = this.sys;
    const workNs = config.work.sample(this.rng.work);
    this.enter(S_WORK, env.now);
    env.schedule(workNs, this, T_WORK_DONE);
  }

  private beginAllocation(): void {
    const { config } = this.sys;
    const now = this.sys.env.now;
    this.requestNs = now;
    // Both draws happen on every allocation, so each stream stays aligned across policies.
    const size = config.size.sample(this.rng.size);
    this.needZero = this.rng.zero.next() < config.needZeroFraction;
    if (size <= config.smallMaxBytes) {
      this.smallBytes = size;
      if (this.cacheBytes >= size) {
        this.smallAlloc();
        return;
      }
      // The cache is empty: refill it with a span through the large path, zeroed (MCentral_Grow).
      this.refill = true;
      this.sizeBytes = config.spanBytes;
      this.needZero = true;
    } else {
      this.refill = false;
      this.sizeBytes = size;
    }
    this.enter(S_LOCK_WAIT, now);
    this.sys.lock.acquire(this, T_ALLOC_GRANTED);
  }

  private allocGranted(): void {
    const { sys } = this;
    const { config } = sys;
    const now = sys.env.now;
    sys.lockTaken();
    // Inside the lock: take the bytes and ask the policy what to clear.
    const taken = sys.heap.take(this.sizeBytes, config.policy.reuseOrder);
    this.block = sys.heap.takenBlock;
    planAllocation(config.policy, this.sizeBytes, this.needZero, taken, config.pageBytes, this.plan);
    const holdNs = config.allocHold.sample(this.rng.allocHold);
    this.usableNs = now + sys.lock.grantDelayNs;
    this.enter(S_LOCK_HOLD, this.usableNs);
    sys.env.schedule(sys.lock.grantDelayNs + holdNs, this, T_ALLOC_HELD);
  }

  /** Fresh pages a clear under the lock touches fault while the lock is held. */
  private lockedFault(): void {
    const plan = this.plan;
    if (plan.faultsUnderLock && plan.faultPages > 0) {
      this.sys.env.schedule(plan.faultPages * this.sys.config.pageFaultNs, this, T_LOCKED_FAULT_DONE);
      return;
    }
    this.lockedClear();
  }

  /** The kernel clears the faulted pages, still under the lock. */
  private lockedKernelClear(): void {
    const { clearing, config } = this.sys;
    const bytes = this.plan.faultPages * config.pageBytes;
    clearing.start(C_PAGE_FAULT, bytes, this, T_LOCKED_KERNEL_CLEAR_DONE, this.block, this.id);
  }

  private lockedClear(): void {
    const plan = this.plan;
    if (plan.clearAt === 'under-lock') {
      this.sys.clearing.start(C_UNDER_LOCK, plan.clearBytes, this, T_LOCKED_CLEAR_DONE, this.block, this.id);
      return;
    }
    this.releaseAlloc();
  }

  private releaseAlloc(): void {
    const { sys } = this;
    sys.metrics.allocHeld(sys.env.now - this.usableNs);
    sys.lockReleased();
    const wakeNs = sys.lock.release(this);
    if (wakeNs > 0) {
      this.wake(wakeNs, T_ALLOC_WAKE_DONE);
      return;
    }
    this.fault();
  }

  /** A releaser wakes a sleeper, outside the lock, before it goes on (futex). */
  private wake(wakeNs: number, tag: number): void {
    const { env } = this.sys;
    this.enter(S_WAKE, env.now);
    env.schedule(wakeNs, this, tag);
  }

  /** Fresh pages not touched under the lock fault on the mutator's first touch, after unlock. */
  private fault(): void {
    const { env } = this.sys;
    const plan = this.plan;
    if (!plan.faultsUnderLock && plan.faultPages > 0) {
      this.enter(S_PAGE_FAULT, env.now);
      env.schedule(plan.faultPages * this.sys.config.pageFaultNs, this, T_FAULT_DONE);
      return;
    }
    this.clearAfterUnlock();
  }

  /** The kernel clears the faulted pages; the core waits in its page fault. */
  private kernelClear(): void {
    const { clearing, config } = this.sys;
    const bytes = this.plan.faultPages * config.pageBytes;
    clearing.start(C_PAGE_FAULT, bytes, this, T_KERNEL_CLEAR_DONE, this.block, this.id);
  }

  private clearAfterUnlock(): void {
    const { env } = this.sys;
    const plan = this.plan;
    if (plan.clearAt === 'after-unlock') {
      this.enter(S_CLEAR, env.now);
      this.stepStartNs = env.now;
      this.sys.clearing.start(C_AFTER_UNLOCK, plan.clearBytes, this, T_CLEAR_DONE, this.block, this.id);
      return;
    }
    this.largeDone();
  }

  /** A large allocation is usable; a refill fills the small-object cache and serves the small one. */
  private largeDone(): void {
    const plan = this.plan;
    if (plan.clearAt === 'after-unlock') this.chunkStretch(plan.clearBytes);
    bookAllocation(this.sys, this.plan, this.id);
    if (this.refill) {
      // the span's pieces go with it into the small-object cache, which returns spans of its own
      this.cacheBytes += this.sizeBytes;
      this.smallAlloc();
      return;
    }
    this.allocated(this.sizeBytes, this.block);
    this.beginFree();
  }

  private smallAlloc(): void {
    const { config, env } = this.sys;
    this.cacheBytes -= this.smallBytes;
    this.enter(S_ALLOC, env.now);
    env.schedule(config.smallAllocNs, this, T_SMALL_DONE);
  }

  private smallDone(): void {
    this.allocated(this.smallBytes, null);
    this.beginFree();
  }

  /** Frees the oldest live block, if one goes back (see LiveBlocks). */
  private beginFree(): void {
    if (this.live.takeOldest(this.sys.heap, this.id)) this.clearOnFree();
    else this.work();
  }

  private clearOnFree(): void {
    const { sys } = this;
    if (this.freeClean) {
      const { metrics, env } = sys;
      const { freeBytes, freeBlock } = this.live;
      this.enter(S_CLEAR, env.now);
      metrics.clearedOnFree += freeBytes;
      this.stepStartNs = env.now;
      sys.clearing.start(C_ON_FREE, freeBytes, this, T_FREE_CLEAR_DONE, freeBlock, this.id);
      sys.clearing.bookLevels(metrics, this.id);
      return;
    }
    this.freeLock();
  }

  private freeLock(): void {
    const { sys } = this;
    if (this.freeClean) this.chunkStretch(this.live.freeBytes);
    if (sys.config.freeTakesLock) {
      this.enter(S_LOCK_WAIT, sys.env.now);
      sys.lock.acquire(this, T_FREE_GRANTED);
      return;
    }
    sys.freed(this.live.freeBytes, this.freeClean, this.live.freeBlock);
    this.work();
  }

  private freeGranted(): void {
    const { sys } = this;
    const { config } = sys;
    sys.lockTaken();
    const holdNs = config.freeHold.sample(this.rng.freeHold);
    sys.freed(this.live.freeBytes, this.freeClean, this.live.freeBlock);
    this.usableNs = sys.env.now + sys.lock.grantDelayNs;
    this.enter(S_FREE, this.usableNs);
    sys.env.schedule(sys.lock.grantDelayNs + holdNs, this, T_FREE_HELD);
  }

  private freeRelease(): void {
    const { sys } = this;
    sys.metrics.freeHeld(sys.env.now - this.usableNs);
    sys.lockReleased();
    const wakeNs = sys.lock.release(this);
    if (wakeNs > 0) {
      this.wake(wakeNs, T_FREE_WAKE_DONE);
      return;
    }
    this.work();
  }

  /** Records a finished allocation and keeps the block live. */
  private allocated(sizeBytes: number, block: Block | null): void {
    const { sys } = this;
    const now = sys.env.now;
    sys.metrics.latencyNs.record(now - this.requestNs);
    this.live.add(sizeBytes, block);
    sys.allocationDone(sizeBytes);
  }

  /** A chunked clear yields between chunks: its longest stretch is one chunk at the rate it got. */
  private chunkStretch(bytes: number): void {
    const durationNs = this.sys.env.now - this.stepStartNs;
    const chunk = this.sys.config.policy.chunkBytes;
    this.sys.metrics.stretch(chunk > 0 && chunk < bytes ? (durationNs * chunk) / bytes : durationNs);
  }
}
