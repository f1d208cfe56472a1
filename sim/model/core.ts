/**
 * One core running one allocating thread in a closed loop: work → allocate (large path through the
 * heap lock, or the per-core small-object cache, whose refills take the large path with zeroed =
 * true) → clear and fault as the policy plans → free the oldest live block → work again.
 *
 * The core is the only place that turns a policy's plan into timed events. Its allocation and free
 * are a fixed sequence of phases; each phase either schedules one delay or transfer and returns, or
 * has nothing to do and falls through to the next.
 */
import type { Handler } from '../engine/environment.js';
import { makeRng, type Rng } from '../engine/random/rng.js';
import { type AllocationPlan, clearsOnFree, emptyPlan, planAllocation } from '../policies/plan.js';
import { C_AFTER_UNLOCK, C_ON_FREE, C_PAGE_FAULT, C_UNDER_LOCK } from './clearing.js';
import type { ModelContext } from './context.js';
import { S_ALLOC, S_CLEAR, S_FREE, S_LOCK_HOLD, S_LOCK_WAIT, S_PAGE_FAULT, S_WORK } from './metrics.js';

// Event tags.
const T_WORK_DONE = 0;
const T_ALLOC_GRANTED = 1;
const T_STEP_DONE = 2;
const T_FREE_GRANTED = 3;

// Phases, in order. A phase with nothing to do falls through to the next one.
const A_HOLD = 1;
const A_UL_FAULT = 2;
const A_UL_KERNEL_CLEAR = 3;
const A_UL_CLEAR = 4;
const A_RELEASE = 5;
const A_FAULT = 6;
const A_KERNEL_CLEAR = 7;
const A_CLEAR = 8;
const A_DONE = 9;
const S_SMALL = 10;
const S_DONE = 11;
const F_BEGIN = 12;
const F_CLEAR = 13;
const F_LOCK = 14;
const F_HOLD = 15;
const F_RELEASE = 16;
const W_WORK = 17;

// Random streams per core, so that policies at the same point see the same workload (common
// random numbers): the k-th allocation of core c has the same size and zeroed flag under every policy.
const STREAM_WORK = 1;
const STREAM_SIZE = 2;
const STREAM_ZERO = 3;
const STREAM_ALLOC_HOLD = 4;
const STREAM_FREE_HOLD = 5;

export class Core implements Handler {
  private state = S_WORK;
  private stateSinceNs = 0;
  private phase = W_WORK;
  private readonly rngWork: Rng;
  private readonly rngSize: Rng;
  private readonly rngZero: Rng;
  private readonly rngAllocHold: Rng;
  private readonly rngFreeHold: Rng;
  // the allocation in progress
  private requestNs = 0;
  private sizeBytes = 0;
  private needZero = false;
  private refill = false;
  private smallBytes = 0;
  private readonly plan: AllocationPlan = emptyPlan();
  private usableNs = 0;
  private holdNs = 0;
  private stepStartNs = 0;
  // the free in progress
  private freeBytes = 0;
  private freeClean = false;
  // live blocks (a ring of sizes, oldest first) and the small-object cache
  private readonly live: Float64Array;
  private liveHead = 0;
  private liveCount = 0;
  private cacheBytes = 0;
  private smallFreedBytes = 0;

  constructor(
    private readonly sys: ModelContext,
    readonly id: number,
  ) {
    const seed = sys.config.seed;
    this.rngWork = makeRng(seed, id, STREAM_WORK);
    this.rngSize = makeRng(seed, id, STREAM_SIZE);
    this.rngZero = makeRng(seed, id, STREAM_ZERO);
    this.rngAllocHold = makeRng(seed, id, STREAM_ALLOC_HOLD);
    this.rngFreeHold = makeRng(seed, id, STREAM_FREE_HOLD);
    this.live = new Float64Array(sys.config.liveBlocksPerCore + 1);
  }

  start(): void {
    this.phase = W_WORK;
    this.run();
  }

  fire(tag: number): void {
    switch (tag) {
      case T_WORK_DONE:
        this.beginAllocation();
        return;
      case T_ALLOC_GRANTED:
        this.allocGranted();
        return;
      case T_FREE_GRANTED:
        this.freeGranted();
        return;
      default:
        this.phase++;
        this.run();
    }
  }

  /** Charges the time since the last state change and enters `state` at `atNs` (≥ now). */
  private enter(state: number, atNs: number): void {
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

  private beginAllocation(): void {
    const { config } = this.sys;
    const now = this.sys.env.now;
    this.requestNs = now;
    // Both draws happen on every allocation, so each stream stays aligned across policies.
    const size = config.size.sample(this.rngSize);
    this.needZero = this.rngZero.next() < config.needZeroFraction;
    if (size <= config.smallMaxBytes) {
      this.smallBytes = size;
      if (this.cacheBytes >= size) {
        this.phase = S_SMALL;
        this.run();
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
    planAllocation(config.policy, this.sizeBytes, this.needZero, taken, config.pageBytes, this.plan);
    const holdNs = config.allocHold.sample(this.rngAllocHold);
    this.holdNs = holdNs;
    this.usableNs = now + sys.lock.grantDelayNs;
    this.enter(S_LOCK_HOLD, this.usableNs);
    this.phase = A_HOLD;
    sys.env.schedule(sys.lock.grantDelayNs + holdNs, this, T_STEP_DONE);
  }

  /** Runs phases from `this.phase` until one schedules something. */
  private run(): void {
    const { sys } = this;
    const { config, metrics, env } = sys;
    const plan = this.plan;
    for (;;) {
      switch (this.phase) {
        case A_UL_FAULT:
          if (plan.faultsUnderLock && plan.faultPages > 0) {
            env.schedule(plan.faultPages * config.pageFaultNs, this, T_STEP_DONE);
            return;
          }
          break;
        case A_UL_KERNEL_CLEAR:
          if (plan.faultsUnderLock && plan.faultPages > 0) {
            sys.clearing.start(C_PAGE_FAULT, plan.faultPages * config.pageBytes, this, T_STEP_DONE);
            return;
          }
          break;
        case A_UL_CLEAR:
          if (plan.clearAt === 'under-lock') {
            sys.clearing.start(C_UNDER_LOCK, plan.clearBytes, this, T_STEP_DONE);
            return;
          }
          break;
        case A_RELEASE: {
          const now = env.now;
          // Nothing preempts a lock holder: the whole hold is one stretch.
          metrics.stretch(now - this.usableNs);
          sys.lockReleased();
          sys.lock.release(this);
          break;
        }
        case A_FAULT:
          if (!plan.faultsUnderLock && plan.faultPages > 0) {
            this.enter(S_PAGE_FAULT, env.now);
            env.schedule(plan.faultPages * config.pageFaultNs, this, T_STEP_DONE);
            return;
          }
          break;
        case A_KERNEL_CLEAR:
          if (!plan.faultsUnderLock && plan.faultPages > 0) {
            sys.clearing.start(C_PAGE_FAULT, plan.faultPages * config.pageBytes, this, T_STEP_DONE);
            return;
          }
          break;
        case A_CLEAR:
          if (plan.clearAt === 'after-unlock') {
            this.enter(S_CLEAR, env.now);
            this.stepStartNs = env.now;
            sys.clearing.start(C_AFTER_UNLOCK, plan.clearBytes, this, T_STEP_DONE);
            return;
          }
          break;
        case A_DONE:
          if (plan.clearAt === 'after-unlock') this.chunkStretch(plan.clearBytes);
          this.account();
          if (this.refill) {
            this.cacheBytes += this.sizeBytes;
            this.phase = S_SMALL;
            continue;
          }
          this.allocated(this.sizeBytes);
          this.phase = F_BEGIN;
          continue;
        case S_SMALL:
          this.cacheBytes -= this.smallBytes;
          this.enter(S_ALLOC, env.now);
          metrics.demandNs += config.smallAllocNs;
          env.schedule(config.smallAllocNs, this, T_STEP_DONE);
          return;
        case S_DONE:
          this.allocated(this.smallBytes);
          this.phase = F_BEGIN;
          continue;
        case F_BEGIN:
          if (!this.beginFree()) {
            this.phase = W_WORK;
            continue;
          }
          break;
        case F_CLEAR:
          if (this.freeClean) {
            this.enter(S_CLEAR, env.now);
            metrics.clearedOnFree += this.freeBytes;
            metrics.poolBytes += this.freeBytes;
            metrics.demandNs += this.freeBytes / sys.clearing.soloGBps;
            this.stepStartNs = env.now;
            sys.clearing.start(C_ON_FREE, this.freeBytes, this, T_STEP_DONE);
            return;
          }
          break;
        case F_LOCK:
          if (this.freeClean) this.chunkStretch(this.freeBytes);
          if (config.freeTakesLock) {
            this.enter(S_LOCK_WAIT, env.now);
            sys.lock.acquire(this, T_FREE_GRANTED);
            return;
          }
          sys.freed(this.freeBytes, this.freeClean);
          this.phase = W_WORK;
          continue;
        case F_RELEASE:
          metrics.stretch(env.now - this.usableNs);
          sys.lockReleased();
          sys.lock.release(this);
          this.phase = W_WORK;
          continue;
        case W_WORK: {
          const workNs = config.work.sample(this.rngWork);
          metrics.workNs += workNs;
          this.enter(S_WORK, env.now);
          env.schedule(workNs, this, T_WORK_DONE);
          return;
        }
      }
      this.phase++;
    }
  }

  /**
   * Books a finished large allocation's plan and service demands. Booking at completion, not at the
   * grant, keeps per-allocation figures exact across the warm-up cut.
   */
  private account(): void {
    const { config, metrics } = this.sys;
    const { soloGBps } = this.sys.clearing;
    const plan = this.plan;
    const kernelBytes = plan.faultPages * config.pageBytes;
    const faultNs = plan.faultPages * config.pageFaultNs;
    if (plan.clearAt === 'under-lock') metrics.clearedUnderLock += plan.clearBytes;
    else if (plan.clearAt === 'after-unlock') metrics.clearedAfterUnlock += plan.clearBytes;
    metrics.clearedPageFault += kernelBytes;
    metrics.skippedNotNeeded += plan.skippedNotNeeded;
    metrics.skippedAlreadyClean += plan.skippedAlreadyClean;
    metrics.skippedFresh += plan.skippedFresh;
    metrics.skippedUnsafe += plan.skippedUnsafe;
    // Demands for the analytic companion: what this allocation costs with no queueing or sharing.
    const { lock } = this.sys;
    metrics.demandNs += lock.coreDemandNs(this.holdNs) + faultNs + (plan.clearBytes + kernelBytes) / soloGBps;
    metrics.lockDemandNs += lock.lockDemandNs(this.holdNs);
    if (plan.clearAt === 'under-lock') metrics.lockDemandNs += plan.clearBytes / soloGBps;
    if (plan.faultsUnderLock) metrics.lockDemandNs += faultNs + kernelBytes / soloGBps;
    metrics.poolBytes += plan.clearBytes + kernelBytes;
  }

  private freeGranted(): void {
    const { sys } = this;
    const { config, metrics } = sys;
    sys.lockTaken();
    const holdNs = config.freeHold.sample(this.rngFreeHold);
    metrics.demandNs += sys.lock.coreDemandNs(holdNs);
    metrics.lockDemandNs += sys.lock.lockDemandNs(holdNs);
    sys.freed(this.freeBytes, this.freeClean);
    this.usableNs = sys.env.now + sys.lock.grantDelayNs;
    this.enter(S_FREE, this.usableNs);
    this.phase = F_HOLD;
    sys.env.schedule(sys.lock.grantDelayNs + holdNs, this, T_STEP_DONE);
  }

  /** Records a finished allocation and keeps the block live. */
  private allocated(sizeBytes: number): void {
    const { sys } = this;
    const now = sys.env.now;
    sys.metrics.latencyNs.record(now - this.requestNs);
    const live = this.live;
    live[(this.liveHead + this.liveCount) % live.length] = sizeBytes;
    this.liveCount++;
    sys.allocationDone(sizeBytes);
  }

  /**
   * Picks the block to free: the oldest live one, once more than liveBlocksPerCore are live. Small
   * blocks go back to the heap a span at a time, as a swept span does. False when nothing goes back.
   */
  private beginFree(): boolean {
    const { config } = this.sys;
    if (this.liveCount <= config.liveBlocksPerCore) return false;
    const sizeBytes = this.live[this.liveHead];
    this.liveHead = (this.liveHead + 1) % this.live.length;
    this.liveCount--;
    if (sizeBytes <= config.smallMaxBytes) {
      this.smallFreedBytes += sizeBytes;
      if (this.smallFreedBytes < config.spanBytes) return false;
      this.smallFreedBytes -= config.spanBytes;
      this.freeBytes = config.spanBytes;
    } else {
      this.freeBytes = sizeBytes;
    }
    this.freeClean = clearsOnFree(config.policy);
    return true;
  }

  /** A chunked clear yields between chunks: its longest stretch is one chunk at the rate it got. */
  private chunkStretch(bytes: number): void {
    const durationNs = this.sys.env.now - this.stepStartNs;
    const chunk = this.sys.config.policy.chunkBytes;
    this.sys.metrics.stretch(chunk > 0 && chunk < bytes ? (durationNs * chunk) / bytes : durationNs);
  }
}
