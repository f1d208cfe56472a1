/**
 * The `futex` lock kind: glibc's default pthread mutex, and with `spinNs > 0` a spin-then-park lock
 * like the Go runtime's. It is not FIFO:
 * - a core that finds the lock held spins for up to `spinNs` (burning its core) and takes the lock if
 *   it frees meanwhile; otherwise it sleeps;
 * - a release makes the lock free at once: a spinner takes it then (the earliest spinner first);
 * - if cores sleep, the releaser pays `wakeNs` after unlocking, outside the lock, and the sleeper
 *   that slept first becomes runnable `wakeLatencyNs` after that and asks again, as a newcomer does;
 * - whoever asks first while the lock is free takes it, the releaser coming back included; a woken
 *   sleeper that loses spins and sleeps again, at the back of the sleepers.
 * A grant costs `acquireNs`, plus `migrateNs` when the core differs from the last holder; no lock is
 * passed hand to hand, so `handoffNs` has no effect. Ties between events at the same instant go in
 * scheduling order (the environment's rule), so a run repeats exactly.
 *
 * A grant barges when it goes to a core that has not slept during this request while another core
 * sleeps (or is woken and not yet running): `barges / acquisitions` is the share reported.
 */
import type { Environment, Handler } from '../environment.js';
import { Tally, TimeWeighted } from '../monitor.js';
import {
  type Lock,
  type LockClient,
  type LockCosts,
  type LockKindRule,
  WAIT_QUEUED,
  WAIT_SLEEP,
  WAIT_SPIN,
} from './lock.js';

const SPIN_OVER = 0;
const RUNNABLE = 1;

/** One client's request in progress, and the handler of the lock's own events for it. */
class Request implements Handler {
  tag = 0;
  requestNs = 0;
  /** slept at least once during this request: its grant is not a barge */
  slept = false;
  spinEvent = -1;

  constructor(
    readonly lock: FutexLock,
    readonly client: LockClient,
  ) {}

  fire(tag: number): void {
    if (tag === SPIN_OVER) this.lock.spinOver(this);
    else this.lock.runnable(this);
  }
}

export class FutexLock implements Lock {
  owner: LockClient | null = null;
  grantDelayNs = 0;
  acquisitions = 0;
  readonly handoffs = 0;
  migrations = 0;
  barges = 0;
  readonly busy = new TimeWeighted();
  readonly queue = new TimeWeighted();
  readonly waitNs: Tally;
  readonly queueWaitNs = new Tally(false);
  readonly holdNs = new Tally(false);
  private readonly costs: LockCosts;
  private readonly requests = new Map<LockClient, Request>();
  /** spinning now, in the order they began */
  private readonly spinners: Request[] = [];
  /** asleep and not yet woken, in the order they fell asleep */
  private readonly sleepers: Request[] = [];
  /** woken, not yet running */
  private woken = 0;
  /** asked and not granted */
  private waiting = 0;
  private usableAtNs = 0;
  private lastOwner: LockClient | null = null;

  constructor(
    private readonly env: Environment,
    costs: LockCosts,
    withPercentiles = true,
  ) {
    this.costs = costs;
    this.waitNs = new Tally(withPercentiles);
  }

  acquire(client: LockClient, tag = 0): void {
    let request = this.requests.get(client);
    if (request === undefined) {
      request = new Request(this, client);
      this.requests.set(client, request);
    }
    request.tag = tag;
    request.requestNs = this.env.now;
    request.slept = false;
    if (this.owner === null) {
      this.queueWaitNs.record(0);
      this.grant(request);
      return;
    }
    this.setWaiting(this.waiting + 1);
    this.wait(request);
  }

  release(client: LockClient): number {
    if (this.owner !== client) throw new Error('mutex released by a client that does not hold it');
    const now = this.env.now;
    this.holdNs.record(now - this.usableAtNs);
    this.owner = null;
    this.busy.set(0, now);
    // a spinner sees the lock free at once and takes it
    const spinner = this.spinners.shift();
    if (spinner !== undefined) {
      this.env.cancel(spinner.spinEvent);
      this.grantWaiter(spinner);
    }
    const sleeper = this.sleepers.shift();
    if (sleeper === undefined) return 0;
    this.woken++;
    this.env.schedule(this.costs.wakeNs + this.costs.wakeLatencyNs, sleeper, RUNNABLE);
    return this.costs.wakeNs;
  }

  dispose(): void {
    this.waitNs.dispose();
  }

  /** A spinner's spin ran out with the lock still held: it sleeps. */
  spinOver(request: Request): void {
    const i = this.spinners.indexOf(request);
    this.spinners.splice(i, 1);
    this.sleep(request);
  }

  /** A woken sleeper runs and asks again. */
  runnable(request: Request): void {
    this.woken--;
    if (this.owner === null) this.grantWaiter(request);
    else this.wait(request);
  }

  /** Spins if the kind spins, else sleeps. */
  private wait(request: Request): void {
    if (this.costs.spinNs > 0) {
      this.spinners.push(request);
      request.spinEvent = this.env.scheduleCancellable(this.costs.spinNs, request, SPIN_OVER);
      request.client.lockWaitState?.(WAIT_SPIN);
      return;
    }
    this.sleep(request);
  }

  private sleep(request: Request): void {
    request.slept = true;
    this.sleepers.push(request);
    request.client.lockWaitState?.(WAIT_SLEEP);
  }

  private grantWaiter(request: Request): void {
    const now = this.env.now;
    this.queueWaitNs.record(now - request.requestNs);
    this.setWaiting(this.waiting - 1);
    request.client.lockWaitState?.(WAIT_QUEUED);
    this.grant(request);
  }

  private grant(request: Request): void {
    const now = this.env.now;
    const { client } = request;
    let delayNs = this.costs.acquireNs;
    if (client !== this.lastOwner) {
      if (this.lastOwner !== null) {
        this.migrations++;
        delayNs += this.costs.migrateNs;
      }
      this.lastOwner = client;
    }
    if (!request.slept && this.sleepers.length + this.woken > 0) this.barges++;
    this.busy.set(1, now);
    this.owner = client;
    this.acquisitions++;
    this.grantDelayNs = delayNs;
    this.usableAtNs = now + delayNs;
    this.waitNs.record(now + delayNs - request.requestNs);
    client.fire(request.tag);
  }

  private setWaiting(n: number): void {
    this.waiting = n;
    this.queue.set(n, this.env.now);
  }
}

export const futex: LockKindRule = {
  create: (env, costs, withPercentiles) => new FutexLock(env, costs, withPercentiles),
  notProductForm: () => 'a futex lock is not FIFO (barging)',
  states: { spin: true, sleep: true, wake: true },
  // per acquisition: a spin that runs out, and for the release a wake and the sleeper's retry with
  // its own spin; the releaser's wake step is the core's (counted here too)
  eventsPerAcquisition: 4,
};
