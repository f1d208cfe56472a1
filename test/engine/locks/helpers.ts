// Lock test clients that log every step, so that engine tests can assert exact event traces.
import type { Environment } from '../../../sim/engine/environment.js';
import type { Lock, LockClient, LockCosts } from '../../../sim/engine/locks/index.js';
import type { LockSpec } from '../../../sim/types/index.js';

/** Every lock cost 0 except those given. */
export function costs(given: Partial<LockCosts> = {}): LockCosts {
  return {
    acquireNs: 0,
    handoffNs: 0,
    migrateNs: 0,
    perWaiterNs: 0,
    spinNs: 0,
    wakeNs: 0,
    wakeLatencyNs: 0,
    ...given,
  };
}

export function spec(kind: LockSpec['kind'], given: Partial<LockCosts> = {}): LockSpec {
  return { kind, ...costs(given) };
}

const REQUEST = 0;
const GRANTED = 1;
const USABLE = 2;
const RELEASE = 3;
const GONE = 4;
const WAIT_NAMES = ['waits', 'spins', 'sleeps'];

/**
 * A client that requests at each of `atNs` (absolute times; a request due while it still holds or
 * waits is made when it is done), holds for `holdNs` once the lock is usable, then releases, paying
 * whatever the release asks for after unlocking.
 */
export function client(
  env: Environment,
  lock: Lock,
  name: string,
  atNs: number[],
  holdNs: number,
  log: string[],
): LockClient {
  const pending = [...atNs];
  const next = () => {
    const at = pending.shift();
    if (at !== undefined) env.schedule(Math.max(0, at - env.now), h, REQUEST);
  };
  const h: LockClient = {
    fire(tag) {
      switch (tag) {
        case REQUEST:
          log.push(`${env.now} ${name} requests`);
          lock.acquire(h, GRANTED);
          return;
        case GRANTED:
          log.push(`${env.now} ${name} granted, usable after ${lock.grantDelayNs}`);
          env.schedule(lock.grantDelayNs, h, USABLE);
          return;
        case USABLE:
          log.push(`${env.now} ${name} holds`);
          env.schedule(holdNs, h, RELEASE);
          return;
        case RELEASE: {
          log.push(`${env.now} ${name} releases`);
          const afterNs = lock.release(h);
          if (afterNs > 0) log.push(`${env.now} ${name} wakes a sleeper, for ${afterNs}`);
          env.schedule(afterNs, h, GONE);
          return;
        }
        case GONE:
          next();
          return;
      }
    },
    lockWaitState(state) {
      log.push(`${env.now} ${name} ${WAIT_NAMES[state]}`);
    },
  };
  next();
  return h;
}
