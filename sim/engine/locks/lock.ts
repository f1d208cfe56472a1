/**
 * The heap lock as the model sees it, whatever its kind: acquire with a callback on grant, release,
 * the monitors a replication reads, and the lock's own part of the demands behind the analytic
 * bounds. Each kind is one file in this folder, registered in index.ts.
 *
 * Grants are synchronous: `acquire` or `release` calls the client's `fire(tag)` at the instant the
 * lock becomes its own, with `grantDelayNs` set to the cost it must still pay before the lock is
 * usable. Clients must not call release() from inside the grant callback.
 */
import type { LockSpec } from '../../types/index.js';
import type { Environment, Handler } from '../environment.js';
import type { Tally, TimeWeighted } from '../monitor.js';

/** A lock's cost parameters: the scenario's `machine.lock` without the kind. */
export type LockCosts = Omit<LockSpec, 'kind'>;

export interface Lock {
  /** set before each grant callback: ns until the lock is usable by the new owner */
  readonly grantDelayNs: number;
  readonly acquisitions: number;
  readonly handoffs: number;
  /** 1 while owned: its time average is the utilisation */
  readonly busy: TimeWeighted;
  /** cores waiting in line (not yet granted): Little's law holds against queueWaitNs */
  readonly queue: TimeWeighted;
  /** request to usable: queueing plus grant costs, ns */
  readonly waitNs: Tally;
  /** request to grant, ns: the time spent in `queue` */
  readonly queueWaitNs: Tally;
  /** usable to release, ns */
  readonly holdNs: Tally;
  acquire(client: Handler, tag?: number): void;
  release(client: Handler): void;
  /**
   * The lock's part of the uncontended time D of one acquisition that holds it `heldNs` (the core
   * bound X(N) ≤ N / (Z + D)): what the acquisition costs the core when nobody else wants the lock.
   */
  coreDemandNs(heldNs: number): number;
  /**
   * The lock time D_lock one acquisition that holds it `heldNs` demands (the lock bound X ≤ 1 / D_lock):
   * every cost that occupies the lock, charged as at saturation.
   */
  lockDemandNs(heldNs: number): number;
  /** Frees the histograms (WebAssembly memory). */
  dispose(): void;
}

/** A lock kind: how to build one, and whether exact MVA's lock station models it. */
export interface LockKindRule {
  create(env: Environment, costs: LockCosts, withPercentiles: boolean): Lock;
  /**
   * Why an FCFS station with exponential service does not model this lock with these costs (so no
   * exact MVA applies), or null when it does, given an exponential or zero hold.
   */
  notProductForm(costs: LockCosts): string | null;
}
