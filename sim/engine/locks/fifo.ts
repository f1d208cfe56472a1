/**
 * The `fifo` lock kind: a FIFO mutex with hand-off (MCS or queued spinlocks). An uncontended acquire
 * costs `acquireNs`; when the lock passes straight to a waiter, that waiter pays `handoffNs` more
 * (wake-up and cache-line migration); a grant to another core than the last holder pays `migrateNs`
 * more, contended or not (the lock's cache line moving).
 *
 * The lock is busy from each grant, so acquire and hand-off costs occupy the lock and count in its
 * utilisation (see lock.ts for the grant protocol). The ticket kind extends this class and only
 * changes what a hand-off costs.
 */
import type { Environment, Handler } from '../environment.js';
import { Fifo } from '../fifo.js';
import { Tally, TimeWeighted } from '../monitor.js';
import type { Lock, LockClient, LockCosts, LockKindRule } from './lock.js';

export class FifoLock implements Lock {
  /** the current owner, or null when free */
  owner: Handler | null = null;
  grantDelayNs = 0;
  acquisitions = 0;
  handoffs = 0;
  migrations = 0;
  readonly barges = 0;
  readonly busy = new TimeWeighted();
  readonly queue = new TimeWeighted();
  readonly waitNs: Tally;
  readonly queueWaitNs = new Tally(false);
  /** mean and variance only: percentiles of holds are not reported */
  readonly holdNs = new Tally(false);
  protected readonly acquireNs: number;
  protected readonly handoffNs: number;
  private readonly migrateNs: number;
  private readonly waiters = new Fifo();
  private usableAtNs = 0;
  /** the last client granted the lock (null before the first grant: nothing to migrate from) */
  private lastOwner: Handler | null = null;

  constructor(
    private readonly env: Environment,
    costs: Pick<LockCosts, 'acquireNs' | 'handoffNs'> & Partial<LockCosts>,
    withPercentiles = true,
  ) {
    this.acquireNs = costs.acquireNs;
    this.handoffNs = costs.handoffNs;
    this.migrateNs = costs.migrateNs ?? 0;
    this.waitNs = new Tally(withPercentiles);
  }

  acquire(client: LockClient, tag = 0): void {
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

  release(client: LockClient): number {
    if (this.owner !== client) throw new Error('mutex released by a client that does not hold it');
    const now = this.env.now;
    this.holdNs.record(now - this.usableAtNs);
    const waiting = this.waiters.size;
    if (waiting === 0) {
      this.owner = null;
      this.busy.set(0, now);
      return 0;
    }
    const next = this.waiters.shift();
    const requestedNs = this.waiters.shiftedTimeNs;
    this.queue.set(this.waiters.size, now);
    this.queueWaitNs.record(now - requestedNs);
    this.handoffs++;
    this.grant(next, this.waiters.shiftedTag, requestedNs, this.acquireNs + this.handoffCostNs(waiting));
    return 0;
  }

  dispose(): void {
    this.waitNs.dispose();
  }

  /** What a hand-off adds to the acquire while `waiting` cores wait, counting the one that takes it. */
  protected handoffCostNs(_waiting: number): number {
    return this.handoffNs;
  }

  private grant(client: Handler, tag: number, requestedNs: number, costNs: number): void {
    const now = this.env.now;
    let delayNs = costNs;
    const last = this.lastOwner;
    if (client !== last) {
      if (last !== null) {
        this.migrations++;
        delayNs += this.migrateNs;
      }
      this.lastOwner = client;
    }
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
  // FCFS as MVA needs, but a fixed acquire, hand-off or migration cost is not exponential service
  // (the first message is the one results carried before migrations existed: keep it)
  notProductForm: (costs) =>
    costs.acquireNs !== 0 || costs.handoffNs !== 0
      ? 'acquire or hand-off costs are not exponential'
      : costs.migrateNs !== 0
        ? 'migration costs are not exponential'
        : null,
  states: { spin: false, sleep: false, wake: false },
  eventsPerAcquisition: 0,
};
