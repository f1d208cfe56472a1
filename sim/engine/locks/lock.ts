/**
 * The heap lock as the model sees it, whatever its kind: acquire with a callback on grant, release,
 * and the monitors and counters a replication reads. Each kind is one file in this folder,
 * registered in index.ts.
 *
 * Grants are synchronous: `acquire` or `release` calls the client's `fire(tag)` at the instant the
 * lock becomes its own, with `grantDelayNs` set to the cost it must still pay before the lock is
 * usable. The lock is busy from each grant to its release, so grant costs occupy it and count in
 * its utilisation. Clients must not call release() from inside the grant callback.
 *
 * The analytic bounds do not ask the lock for demands: they take the lock's busy time in the
 * measured window (see model/replication.ts), which counts every grant cost that actually occurred.
 */
import type { LockSpec } from '../../types/index.js';
import type { Environment, Handler } from '../environment.js';
import type { Tally, TimeWeighted } from '../monitor.js';

/** A lock's cost parameters: the scenario's `machine.lock` without the kind. */
export type LockCosts = Omit<LockSpec, 'kind'>;

/** How a client that asked for the lock and has not got it yet spends its time. */
export const WAIT_QUEUED = 0;
/** burning its core, watching the lock (futex with spinNs > 0) */
export const WAIT_SPIN = 1;
/** asleep in the kernel until a releaser wakes it (futex) */
export const WAIT_SLEEP = 2;
export type WaitState = typeof WAIT_QUEUED | typeof WAIT_SPIN | typeof WAIT_SLEEP;

/**
 * A lock's client: told, if it listens, when a kind moves it between waiting states (only the futex
 * kind does; a plain Handler is a client that does not listen).
 */
export interface LockClient extends Handler {
  lockWaitState?(state: WaitState): void;
}

export interface Lock {
  /** set before each grant callback: ns until the lock is usable by the new owner */
  readonly grantDelayNs: number;
  readonly acquisitions: number;
  /** grants that passed the lock straight from a releaser to a waiter */
  readonly handoffs: number;
  /** grants to a different client than the last holder (each charged migrateNs) */
  readonly migrations: number;
  /** grants to a client that had not slept while another slept (futex; 0 for other kinds) */
  readonly barges: number;
  /** 1 while owned: its time average is the utilisation */
  readonly busy: TimeWeighted;
  /** cores that asked and are not yet granted: Little's law holds against queueWaitNs */
  readonly queue: TimeWeighted;
  /** request to usable: queueing plus grant costs, ns */
  readonly waitNs: Tally;
  /** request to grant, ns: the time spent in `queue` */
  readonly queueWaitNs: Tally;
  /** usable to release, ns */
  readonly holdNs: Tally;
  acquire(client: LockClient, tag?: number): void;
  /**
   * Unlocks; returns the ns the releaser must still spend after unlocking, outside the lock, before
   * it goes on (futex: wakeNs when cores sleep; 0 otherwise).
   */
  release(client: LockClient): number;
  /** Frees the histograms (WebAssembly memory). */
  dispose(): void;
}

/** A lock kind: how to build one, and what the rest of the model must know about it. */
export interface LockKindRule {
  create(env: Environment, costs: LockCosts, withPercentiles: boolean): Lock;
  /**
   * Why an FCFS station with exponential service does not model this lock with these costs (so no
   * exact MVA applies), or null when it does, given an exponential or zero hold.
   */
  notProductForm(costs: LockCosts): string | null;
  /** the waiting states its clients enter besides lock wait, and whether releasers wake sleepers */
  readonly states: { spin: boolean; sleep: boolean; wake: boolean };
  /** events it schedules per acquisition at most, beyond the client's own (the event budget) */
  readonly eventsPerAcquisition: number;
}
