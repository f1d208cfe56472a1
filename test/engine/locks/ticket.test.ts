// Exact traces of the ticket lock kind: served in ticket order like fifo, but a hand-off while k cores
// wait (counting the one that takes it) costs handoffNs + perWaiterNs × (k − 1) on top of the acquire.
import { describe, expect, it } from 'vitest';
import { Environment } from '../../../sim/engine/environment.js';
import { createLock, lockKinds } from '../../../sim/engine/locks/index.js';
import { TicketLock } from '../../../sim/engine/locks/ticket.js';
import { client, costs, spec } from './helpers.js';

describe('TicketLock', () => {
  it('grants in ticket order, each hand-off paying for the waiters still spinning on the line', () => {
    const env = new Environment();
    const lock = new TicketLock(env, costs({ acquireNs: 5, handoffNs: 100, perWaiterNs: 7 }));
    const log: string[] = [];
    client(env, lock, 'A', [0], 10, log);
    client(env, lock, 'B', [1], 10, log);
    client(env, lock, 'C', [2], 10, log);
    client(env, lock, 'D', [3], 10, log);
    client(env, lock, 'E', [500], 10, log);
    env.run();
    expect(log).toEqual([
      '0 A requests',
      '0 A granted, usable after 5',
      '1 B requests',
      '2 C requests',
      '3 D requests',
      '5 A holds',
      '15 A releases',
      '15 B granted, usable after 119', // 3 waiting: 5 + 100 + 7 × 2
      '134 B holds',
      '144 B releases',
      '144 C granted, usable after 112', // 2 waiting: 5 + 100 + 7
      '256 C holds',
      '266 C releases',
      '266 D granted, usable after 105', // 1 waiting: 5 + 100, as fifo
      '371 D holds',
      '381 D releases',
      '500 E requests',
      '500 E granted, usable after 5', // free: the acquire only
      '505 E holds',
      '515 E releases',
    ]);
    expect(lock.handoffs).toBe(3);
    lock.dispose();
  });

  it('adds migrateNs on a change of holder, as every kind does', () => {
    const env = new Environment();
    const lock = new TicketLock(env, costs({ acquireNs: 5, handoffNs: 100, perWaiterNs: 7, migrateNs: 30 }));
    const log: string[] = [];
    client(env, lock, 'A', [0], 10, log);
    client(env, lock, 'B', [1], 10, log);
    client(env, lock, 'C', [2], 10, log);
    env.run();
    expect(log.filter((line) => line.includes('granted'))).toEqual([
      '0 A granted, usable after 5',
      '15 B granted, usable after 142', // 5 + 100 + 7 + 30
      '167 C granted, usable after 135', // 5 + 100 + 30
    ]);
    lock.dispose();
  });

  it('is built from its kind and is product-form only without costs', () => {
    const lock = createLock(new Environment(), spec('ticket', { perWaiterNs: 3 }));
    expect(lock).toBeInstanceOf(TicketLock);
    lock.dispose();
    expect(lockKinds.ticket.notProductForm(costs())).toBeNull();
    expect(lockKinds.ticket.notProductForm(costs({ perWaiterNs: 1 }))).toMatch(/not exponential/);
  });
});
