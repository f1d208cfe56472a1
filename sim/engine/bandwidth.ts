/**
 * Processor-sharing bandwidth (memclr through DRAM): with j transfers active, each progresses at
 * min(perJobGBps, totalGBps / j) bytes per ns (1 GB/s = 1 byte/ns).
 *
 * Every active transfer gets the same rate, so one virtual clock V, the bytes any transfer active
 * since V's origin has received, serves them all. A transfer of b bytes started at V0 ends when V
 * reaches V0 + b; finish marks sit in a heap and only the earliest has a scheduled event, so a start
 * or finish costs O(log j). When the rate changes, that event is cancelled and rescheduled: a stale
 * completion never fires.
 */
import type { MachineSpec } from '../types/index.js';
import type { Environment, Handler } from './environment.js';
import { EventQueue } from './event-queue.js';
import { TimeWeighted } from './monitor.js';

export interface BandwidthCaps {
  totalGBps: number;
  perJobGBps: number;
}

/** The clear bandwidth of a machine's memory: one clear's cap (a core's memclr) and the pool's total. */
export function clearCaps(memory: MachineSpec['memory']): BandwidthCaps {
  return { totalGBps: memory.totalClearGBps, perJobGBps: memory.coreClearGBps };
}

/**
 * A lone transfer's rate, min(perJobGBps, totalGBps) bytes per ns: the fastest any transfer ever
 * runs, so bytes over it are the uncontended time that demands and bounds charge.
 */
export function soloRateGBps(caps: BandwidthCaps): number {
  return Math.min(caps.perJobGBps, caps.totalGBps);
}

export class Bandwidth implements Handler {
  active = 0;
  /** bytes of every transfer ever started */
  startedBytes = 0;
  /** fraction of totalGBps in use, time-weighted */
  readonly utilization = new TimeWeighted();
  private virtualBytes = 0;
  private lastNs = 0;
  private readonly finishes = new EventQueue(16);
  private pendingEvent = -1;
  private dispatching = false;
  /** told the GB/s in use at each change (a trace's counter); null in plain runs */
  onLevel: ((usedGBps: number, nowNs: number) => void) | null = null;

  constructor(
    private readonly env: Environment,
    readonly caps: BandwidthCaps,
  ) {}

  /** bytes per ns each active transfer receives with `active` transfers */
  rateWith(active: number): number {
    const share = this.caps.totalGBps / active;
    return Math.min(share, this.caps.perJobGBps);
  }

  /** Starts a transfer of `bytes` (> 0); calls `client.fire(tag)` when it completes. */
  start(bytes: number, client: Handler, tag = 0): void {
    this.advance();
    const oldRate = this.active > 0 ? this.rateWith(this.active) : 0;
    const oldHead = this.finishes.size > 0 ? this.finishes.peekKey() : Number.POSITIVE_INFINITY;
    this.startedBytes += bytes;
    const finish = this.virtualBytes + bytes;
    this.finishes.push(finish, client, tag);
    this.active++;
    this.levelsChanged();
    // A start changes nothing already scheduled when every transfer still runs at its cap and the
    // new one does not finish first: the common case below saturation.
    if (!this.dispatching && (this.rateWith(this.active) !== oldRate || finish < oldHead)) this.reschedule();
  }

  /** The scheduled completion of the earliest finishing transfer(s). */
  fire(): void {
    this.pendingEvent = -1;
    this.advance();
    // Snap the virtual clock to the mark this event was computed for, so rounding never leaves a
    // sliver of work to schedule again; marks within rounding of it finish together, in start order.
    const head = this.finishes.peekKey();
    if (head > this.virtualBytes) this.virtualBytes = head;
    const limit = this.virtualBytes + Math.max(1e-9, this.virtualBytes * 1e-12);
    // Clients may start transfers from their callbacks; those wait for the single reschedule below.
    this.dispatching = true;
    while (this.finishes.size > 0 && this.finishes.peekKey() <= limit) {
      const client = this.finishes.pop() as Handler;
      this.active--;
      this.levelsChanged();
      client.fire(this.finishes.poppedTag);
    }
    this.dispatching = false;
    if (this.active === 0) this.virtualBytes = 0;
    this.reschedule();
  }

  /** bytes the active transfers still need */
  inFlightBytes(): number {
    this.advance();
    let bytes = 0;
    const keys = this.finishes.keys;
    for (let i = 0; i < this.finishes.size; i++) bytes += keys[i] - this.virtualBytes;
    return bytes;
  }

  /** bytes delivered so far: ∫ active · rate dt */
  deliveredBytes(): number {
    return this.utilization.integral(this.env.now) * this.caps.totalGBps;
  }

  /** the current bytes/ns of each active transfer (0 when idle) */
  get ratePerJob(): number {
    return this.active > 0 ? this.rateWith(this.active) : 0;
  }

  private advance(): void {
    const now = this.env.now;
    if (this.active > 0) this.virtualBytes += (now - this.lastNs) * this.rateWith(this.active);
    this.lastNs = now;
  }

  private levelsChanged(): void {
    const now = this.env.now;
    const used = this.active > 0 ? (this.active * this.rateWith(this.active)) / this.caps.totalGBps : 0;
    this.utilization.set(used, now);
    if (this.onLevel !== null) this.onLevel(used * this.caps.totalGBps, now);
  }

  private reschedule(): void {
    if (this.pendingEvent >= 0) {
      this.env.cancel(this.pendingEvent);
      this.pendingEvent = -1;
    }
    if (this.active === 0) return;
    const remaining = this.finishes.peekKey() - this.virtualBytes;
    this.pendingEvent = this.env.scheduleCancellable(
      remaining > 0 ? remaining / this.rateWith(this.active) : 0,
      this,
    );
  }
}
