/**
 * A FIFO mutex with hand-off: an uncontended acquire costs `acquireNs`; when the lock passes
 * straight to a waiter, that waiter pays `handoffNs` more (wake-up and cache-line migration).
 *
 * Grants are synchronous: `acquire` or `release` calls the client's `fire(tag)` at the instant the
 * lock becomes its own, with `grantDelayNs` set to the cost it must still pay before the lock is
 * usable. The lock is busy from that instant, so acquire and hand-off costs occupy the lock and
 * count in its utilisation. Clients must not call release() from inside the grant callback.
 */
import type { Environment, Handler } from './environment.js';
import { Fifo } from './fifo.js';
import { Tally, TimeWeighted } from './monitor.js';

export interface MutexCosts {
  acquireNs: number;
  handoffNs: number;
}

export class Mutex {
  /** the current owner, or null when free */
  owner: Handler | null = null;
  /** set before each grant callback: ns until the lock is usable by the new owner */
  grantDelayNs = 0;
  acquisitions = 0;
  handoffs = 0;
  /** 1 while owned: its time average is the utilisation */
  readonly busy = new TimeWeighted();
  /** cores waiting in line (not yet granted): Little's law holds against queueWaitNs */
  readonly queue = new TimeWeighted();
  /** request to usable: queueing plus acquire and hand-off costs, ns */
  readonly waitNs: Tally;
  /** request to grant, ns: the time spent in `queue` */
  readonly queueWaitNs = new Tally(false);
  /** usable to release, ns (mean and variance: percentiles of holds are not reported) */
  readonly holdNs = new Tally(false);
  private readonly waiters = new Fifo();
  private usableAtNs = 0;

  constructor(
    private readonly env: Environment,
    private readonly costs: MutexCosts,
    withPercentiles = true,
  ) {
    this.waitNs = new Tally(withPercentiles);
  }

  acquire(client: Handler, tag = 0): void {
    const now = this.env.now;
    if (this.owner === null) {
      this.busy.set(1, now);
      this.queueWaitNs.record(0);
      this.grant(client, tag, now, this.costs.acquireNs);
    } else {
      this.waiters.push(client, tag, now);
      this.queue.set(this.waiters.size, now);
    }
  }

  release(client: Handler): void {
    if (this.owner !== client) throw new Error('mutex released by a client that does not hold it');
    const now = this.env.now;
    this.holdNs.record(now - this.usableAtNs);
    if (this.waiters.size === 0) {
      this.owner = null;
      this.busy.set(0, now);
      return;
    }
    const next = this.waiters.shift();
    const requestedNs = this.waiters.shiftedTimeNs;
    this.queue.set(this.waiters.size, now);
    this.queueWaitNs.record(now - requestedNs);
    this.handoffs++;
    this.grant(next, this.waiters.shiftedTag, requestedNs, this.costs.acquireNs + this.costs.handoffNs);
  }

  get waiting(): number {
    return this.waiters.size;
  }

  dispose(): void {
    this.waitNs.dispose();
  }

  private grant(client: Handler, tag: number, requestedNs: number, delayNs: number): void {
    const now = this.env.now;
    this.owner = client;
    this.acquisitions++;
    this.grantDelayNs = delayNs;
    this.usableAtNs = now + delayNs;
    this.waitNs.record(now + delayNs - requestedNs);
    client.fire(tag);
  }
}
