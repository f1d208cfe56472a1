// Exact traces of the fifo lock kind: arrival-order grants, acquire cost always, hand-off cost only when contended.
import { describe, expect, it } from 'vitest';
import { Environment, type Handler } from '../../../sim/engine/environment.js';
import { FifoLock } from '../../../sim/engine/locks/fifo.js';
import { createLock, lockKinds } from '../../../sim/engine/locks/index.js';
import { costs, spec, client as tracedClient } from './helpers.js';

const REQUEST = 0;
const GRANTED = 1;
const USABLE = 2;
const RELEASE = 3;

/** A client that requests at `atNs`, holds for `holdNs` once the lock is usable, then releases. */
function client(env: Environment, lock: FifoLock, name: string, atNs: number, holdNs: number, log: string[]) {
  const h: Handler = {
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
        case RELEASE:
          log.push(`${env.now} ${name} releases`);
          lock.release(h);
          return;
      }
    },
  };
  env.schedule(atNs, h, REQUEST);
}

describe('FifoLock', () => {
  it('grants in arrival order and adds handoffNs only on a contended hand-off', () => {
    const env = new Environment();
    const lock = new FifoLock(env, { acquireNs: 5, handoffNs: 100 });
    const log: string[] = [];
    client(env, lock, 'A', 0, 10, log);
    client(env, lock, 'B', 3, 10, log);
    client(env, lock, 'C', 20, 10, log);
    client(env, lock, 'D', 300, 10, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 5',
      '3 B requests',
      '5 A holds',
      '15 A releases',
      '15 B granted, usable after 105', // contended: acquire + hand-off
      '20 C requests',
      '120 B holds',
      '130 B releases',
      '130 C granted, usable after 105',
      '235 C holds',
      '245 C releases',
      '300 D requests',
      '300 D granted, usable after 5', // the lock was free: no hand-off
      '305 D holds',
      '315 D releases',
    ]);
    expect(lock.acquisitions).toBe(4);
    expect(lock.handoffs).toBe(2);
    // Waits, request to usable: A 5, B 120-3, C 235-20, D 5.
    expect(lock.waitNs.sum).toBe(5 + 117 + 215 + 5);
    // Holds, usable to release: 10 each.
    expect(lock.holdNs.sum).toBe(40);
    // Busy from each grant to each release: 0-15, 15-130, 130-245, 300-315 → 260 of 315 ns.
    expect(lock.busy.integral(env.now)).toBe(260);
    lock.dispose();
  });

  it('refuses a release by a client that does not hold it', () => {
    const env = new Environment();
    const lock = new FifoLock(env, { acquireNs: 0, handoffNs: 0 });
    const a: Handler = { fire() {} };
    const b: Handler = { fire() {} };
    lock.acquire(a);
    expect(() => lock.release(b)).toThrow(/does not hold/);
    lock.release(a);
    expect(lock.owner).toBeNull();
    lock.dispose();
  });

  it('charges migrateNs whenever another core than the last holder takes it, contended or not', () => {
    const env = new Environment();
    const lock = new FifoLock(env, costs({ acquireNs: 5, handoffNs: 100, migrateNs: 30 }));
    const log: string[] = [];
    tracedClient(env, lock, 'A', [0, 100], 10, log);
    tracedClient(env, lock, 'B', [3, 400], 10, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 5', // the first grant: no last holder to migrate from
      '3 B requests',
      '5 A holds',
      '15 A releases',
      '15 B granted, usable after 135', // contended: acquire + hand-off + migration
      '100 A requests',
      '150 B holds',
      '160 B releases',
      '160 A granted, usable after 135',
      '295 A holds',
      '305 A releases',
      '400 B requests',
      '400 B granted, usable after 35', // free, but the line moves from A: acquire + migration
      '435 B holds',
      '445 B releases',
    ]);
    expect(lock.migrations).toBe(3);
    expect(lock.handoffs).toBe(2);
    lock.dispose();
  });

  it('charges no migration when the last holder takes it again', () => {
    const env = new Environment();
    const lock = new FifoLock(env, costs({ acquireNs: 5, migrateNs: 30 }));
    const log: string[] = [];
    tracedClient(env, lock, 'A', [0, 50], 10, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 5',
      '5 A holds',
      '15 A releases',
      '50 A requests',
      '50 A granted, usable after 5',
      '55 A holds',
      '65 A releases',
    ]);
    expect(lock.migrations).toBe(0);
    lock.dispose();
  });
});

describe('lock kinds', () => {
  it('builds the kind a machine.lock names', () => {
    const lock = createLock(new Environment(), spec('fifo'));
    expect(lock).toBeInstanceOf(FifoLock);
    lock.dispose();
  });

  it('lets exact MVA model a fifo lock only without acquire, hand-off and migration costs', () => {
    expect(lockKinds.fifo.notProductForm(costs())).toBeNull();
    expect(lockKinds.fifo.notProductForm(costs({ acquireNs: 20 }))).toMatch(/not exponential/);
    expect(lockKinds.fifo.notProductForm(costs({ migrateNs: 20 }))).toMatch(/not exponential/);
  });
});
