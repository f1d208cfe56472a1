// Exact traces of the futex lock kind: spin, then sleep; a release frees the lock at once; a releaser
// that finds sleepers pays wakeNs after unlocking, and the sleeper runs wakeLatencyNs after that and
// asks again; whoever asks while the lock is free takes it, so the releaser can barge back in and a
// woken sleeper that loses goes back to sleep. Same-instant events run in scheduling order.
import { describe, expect, it } from 'vitest';
import { Environment } from '../../../sim/engine/environment.js';
import { FutexLock } from '../../../sim/engine/locks/futex.js';
import { createLock, lockKinds } from '../../../sim/engine/locks/index.js';
import { client, costs, spec } from './helpers.js';

describe('FutexLock', () => {
  it('lets a spinner take the lock the instant it frees', () => {
    const env = new Environment();
    const lock = new FutexLock(env, costs({ acquireNs: 5, spinNs: 50, wakeNs: 1000 }));
    const log: string[] = [];
    client(env, lock, 'A', [0], 20, log);
    client(env, lock, 'B', [3], 20, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 5',
      '3 B requests',
      '3 B spins',
      '5 A holds',
      '25 A releases', // nobody sleeps: no wake to pay
      '25 B waits',
      '25 B granted, usable after 5',
      '30 B holds',
      '50 B releases',
    ]);
    // B's spin would have run out at 53: that event was cancelled
    expect(env.events).toBe(8);
    expect(lock.barges).toBe(0);
    lock.dispose();
  });

  it('puts a waiter to sleep and has the releaser wake it, after wakeNs plus wakeLatencyNs', () => {
    const env = new Environment();
    const lock = new FutexLock(env, costs({ acquireNs: 5, wakeNs: 50, wakeLatencyNs: 100 }));
    const log: string[] = [];
    client(env, lock, 'A', [0], 20, log);
    client(env, lock, 'B', [3], 20, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 5',
      '3 B requests',
      '3 B sleeps', // spinNs 0: straight to sleep
      '5 A holds',
      '25 A releases',
      '25 A wakes a sleeper, for 50',
      '175 B waits', // runnable at 25 + 50 + 100
      '175 B granted, usable after 5',
      '180 B holds',
      '200 B releases',
    ]);
    expect(lock.acquisitions).toBe(2);
    expect(lock.barges).toBe(0);
    // B waited from its request to usable: 180 − 3
    expect(lock.waitNs.sum).toBe(5 + 177);
    lock.dispose();
  });

  it('lets the releaser barge back in, and a woken sleeper that loses sleeps again', () => {
    const env = new Environment();
    const lock = new FutexLock(env, costs({ acquireNs: 5, wakeNs: 10, wakeLatencyNs: 30 }));
    const log: string[] = [];
    client(env, lock, 'A', [0, 60], 50, log);
    client(env, lock, 'B', [3], 50, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 5',
      '3 B requests',
      '3 B sleeps',
      '5 A holds',
      '55 A releases',
      '55 A wakes a sleeper, for 10', // B runs at 55 + 10 + 30 = 95
      '65 A requests', // A is back first and the lock is free: it barges past B
      '65 A granted, usable after 5',
      '70 A holds',
      '95 B sleeps', // B runs, finds the lock held, sleeps again
      '120 A releases',
      '120 A wakes a sleeper, for 10',
      '160 B waits',
      '160 B granted, usable after 5',
      '165 B holds',
      '215 B releases',
    ]);
    expect(lock.acquisitions).toBe(3);
    expect(lock.barges).toBe(1);
    lock.dispose();
  });

  it('spins for spinNs, then sleeps, and spins again when woken into a held lock', () => {
    const env = new Environment();
    const lock = new FutexLock(env, costs({ spinNs: 10, wakeNs: 10, wakeLatencyNs: 30 }));
    const log: string[] = [];
    client(env, lock, 'A', [0, 60], 50, log);
    client(env, lock, 'B', [3], 50, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 0',
      '0 A holds',
      '3 B requests',
      '3 B spins',
      '13 B sleeps', // the spin ran out with the lock still held
      '50 A releases',
      '50 A wakes a sleeper, for 10', // B runs at 90
      '60 A requests',
      '60 A granted, usable after 0', // a barge: B is woken but not yet running
      '60 A holds',
      '90 B spins',
      '100 B sleeps',
      '110 A releases',
      '110 A wakes a sleeper, for 10',
      '150 B waits',
      '150 B granted, usable after 0',
      '150 B holds',
      '200 B releases',
    ]);
    expect(lock.barges).toBe(1);
    lock.dispose();
  });

  it('wakes the sleepers in the order they fell asleep, one per release, and charges migrateNs', () => {
    const env = new Environment();
    const lock = new FutexLock(env, costs({ acquireNs: 5, migrateNs: 30, wakeNs: 10, handoffNs: 999 }));
    const log: string[] = [];
    client(env, lock, 'A', [0], 20, log);
    client(env, lock, 'B', [1], 20, log);
    client(env, lock, 'C', [2], 20, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 5',
      '1 B requests',
      '1 B sleeps',
      '2 C requests',
      '2 C sleeps',
      '5 A holds',
      '25 A releases',
      '25 A wakes a sleeper, for 10',
      '35 B waits', // wakeLatencyNs 0: B runs as A's wake call returns
      '35 B granted, usable after 35', // acquire + migration; handoffNs has no effect on futex
      '70 B holds',
      '90 B releases',
      '90 B wakes a sleeper, for 10',
      '100 C waits',
      '100 C granted, usable after 35',
      '135 C holds',
      '155 C releases',
    ]);
    expect(lock.migrations).toBe(2);
    lock.dispose();
  });

  it('is built from its kind, has spin, sleep and wake states, and is never product-form', () => {
    const lock = createLock(new Environment(), spec('futex'));
    expect(lock).toBeInstanceOf(FutexLock);
    lock.dispose();
    expect(lockKinds.futex.states).toEqual({ spin: true, sleep: true, wake: true });
    expect(lockKinds.fifo.states).toEqual({ spin: false, sleep: false, wake: false });
    expect(lockKinds.futex.notProductForm(costs())).toMatch(/not FIFO/);
  });
});
