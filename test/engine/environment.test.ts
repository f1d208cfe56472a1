// Exact event traces of the environment: time order, FIFO among ties, cancellation.
import { describe, expect, it } from 'vitest';
import { Environment, type Handler } from '../../sim/engine/environment.js';

function recorder(env: Environment, log: Array<[string, number]>, name: string): Handler {
  return { fire: (tag) => log.push([`${name}${tag}`, env.now]) };
}

describe('Environment', () => {
  it('runs events in time order and same-time events in the order they were scheduled', () => {
    const env = new Environment();
    const log: Array<[string, number]> = [];
    const a = recorder(env, log, 'a');
    const b = recorder(env, log, 'b');
    env.schedule(5, a, 1);
    env.schedule(1, b, 1);
    env.schedule(5, b, 2);
    env.schedule(5, a, 3);
    env.schedule(0, a, 4);
    env.run();
    expect(log).toEqual([
      ['a4', 0],
      ['b1', 1],
      ['a1', 5],
      ['b2', 5],
      ['a3', 5],
    ]);
    expect(env.events).toBe(5);
  });

  it('keeps FIFO order among many ties scheduled from inside events', () => {
    const env = new Environment();
    const order: number[] = [];
    const h: Handler = {
      fire: (tag) => {
        order.push(tag);
        if (tag < 100) env.schedule(0, h, tag + 100);
      },
    };
    for (let i = 0; i < 50; i++) env.schedule(7, h, i);
    env.run();
    expect(order).toEqual([
      ...Array.from({ length: 50 }, (_, i) => i),
      ...Array.from({ length: 50 }, (_, i) => i + 100),
    ]);
    expect(env.now).toBe(7);
  });

  it('never fires a cancelled event and does not count it', () => {
    const env = new Environment();
    const log: Array<[string, number]> = [];
    const a = recorder(env, log, 'a');
    const id = env.schedule(3, a, 1);
    env.schedule(4, a, 2);
    env.cancel(id);
    expect(env.peek()).toBe(4);
    env.run();
    expect(log).toEqual([['a2', 4]]);
    expect(env.events).toBe(1);
  });

  it('stops at untilNs with the clock there and the later events still pending', () => {
    const env = new Environment();
    const log: Array<[string, number]> = [];
    const a = recorder(env, log, 'a');
    env.schedule(2, a, 1);
    env.schedule(9, a, 2);
    env.run(5);
    expect(log).toEqual([['a1', 2]]);
    expect(env.now).toBe(5);
    expect(env.pending).toBe(1);
    env.run();
    expect(log).toEqual([
      ['a1', 2],
      ['a2', 9],
    ]);
  });
});
