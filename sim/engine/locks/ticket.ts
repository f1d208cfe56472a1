/**
 * The `ticket` lock kind: a ticket spinlock. Waiters are served in ticket order, as in the fifo
 * kind, but every waiter spins on the same cache line, so a hand-off while k cores wait (counting
 * the one that takes it) costs `handoffNs + perWaiterNs × (k − 1)`: the new owner's read of the line
 * queues behind the other k − 1 (Boyd-Wickizer et al., "Non-scalable locks are dangerous", 2012).
 * Everything else (acquire, migration, the monitors) is the fifo kind's.
 */
import type { Environment } from '../environment.js';
import { FifoLock } from './fifo.js';
import type { LockCosts, LockKindRule } from './lock.js';

export class TicketLock extends FifoLock {
  private readonly perWaiterNs: number;

  constructor(env: Environment, costs: LockCosts, withPercentiles = true) {
    super(env, costs, withPercentiles);
    this.perWaiterNs = costs.perWaiterNs;
  }

  protected override handoffCostNs(waiting: number): number {
    return this.handoffNs + this.perWaiterNs * (waiting - 1);
  }
}

export const ticket: LockKindRule = {
  create: (env, costs, withPercentiles) => new TicketLock(env, costs, withPercentiles),
  // served in order, but a hand-off's cost grows with the queue: not a fixed-rate FCFS station
  notProductForm: (costs) =>
    costs.acquireNs !== 0 || costs.handoffNs !== 0 || costs.migrateNs !== 0 || costs.perWaiterNs !== 0
      ? 'acquire, hand-off, per-waiter or migration costs are not exponential'
      : null,
  states: { spin: false, sleep: false, wake: false },
  eventsPerAcquisition: 0,
};
