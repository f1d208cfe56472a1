/**
 * The `fifo` lock kind: a FIFO mutex with hand-off (MCS or queued spinlocks). An uncontended acquire
 * costs `acquireNs`; when the lock passes straight to a waiter, that waiter pays `handoffNs` more
 * (wake-up and cache-line migration).
 *
 * The lock is busy from each grant, so acquire and hand-off costs occupy the lock and count in its
 * utilisation (see lock.ts for the grant protocol).
 */
import type { Environment, Handler } from '../environment.js';
import { Fifo } from '../fifo.js';
import { Tally, TimeWeighted } from '../monitor.js';
import type { Lock, LockCosts, LockKindRule } from './lock.js';

export class FifoLock implements Lock {
  /** the current owner, or null when free */
  owner: Handler | null = null;
  grantDelayNs = 0;
  acquisitions = 0;
  handoffs = 0;
  readonly busy = new TimeWeighted();
  readonly queue = new TimeWeighted();
  readonly waitNs: Tally;
  readonly queueWaitNs = new Tally(false);
  /** mean and variance only: percentiles of holds are not reported */
  readonly holdNs = new Tally(false);
  private readonly acquireNs: number;
  private readonly handoffNs: number;
  private readonly waiters = new Fifo();
  private usableAtNs = 0;

  constructor(
    private readonly env: Environment,
    costs: LockCosts,
    withPercentiles = true,
  ) {
    this.acquireNs = costs.acquireNs;
    this.handoffNs = costs.handoffNs;
    this.waitNs = new Tally(withPercentiles);
  }

  acquire(client: Handler, tag = 0): void {
    const now = this.env.now;
    if (this.owner === null) {
      this.busy.set(1, now);
      this.queueWaitNs.record(0);
      this.grant(client, tag, now, this.acquireNs);
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
    this.grant(next, this.waiters.shiftedTag, requestedNs, this.acquireNs + this.handoffNs);
  }

  /** A free lock costs its acquire. */
  coreDemandNs(heldNs: number): number {
    return this.acquireNs + heldNs;
  }

  /** At saturation every acquisition is a hand-off. */
  lockDemandNs(heldNs: number): number {
    return this.acquireNs + this.handoffNs + heldNs;
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

export const fifo: LockKindRule = {
  create: (env, costs, withPercentiles) => new FifoLock(env, costs, withPercentiles),
  // FCFS as MVA needs, but a fixed acquire or hand-off cost is not exponential service
  notProductForm: (costs) =>
    costs.acquireNs !== 0 || costs.handoffNs !== 0 ? 'acquire or hand-off costs are not exponential' : null,
};
