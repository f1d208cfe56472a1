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
    const id = env.scheduleCancellable(3, a, 1);
    env.schedule(4, a, 2);
    env.cancel(id);
    env.cancel(id);
    env.run();
    expect(log).toEqual([['a2', 4]]);
    expect(env.events).toBe(1);
  });

  it('ignores a stale id: cancelling a fired event never cancels the new event in its slot', () => {
    const env = new Environment();
    const log: Array<[string, number]> = [];
    const a = recorder(env, log, 'a');
    const b = recorder(env, log, 'b');
    const first = env.scheduleCancellable(1, a, 1);
    env.run();
    // The queue is empty again: the next event takes the slot the fired one freed.
    const second = env.scheduleCancellable(2, b, 2);
    expect(second % 2 ** 20).toBe(first % 2 ** 20);
    expect(second).not.toBe(first);
    env.cancel(first);
    env.run();
    expect(log).toEqual([
      ['a1', 1],
      ['b2', 3],
    ]);
  });

  it('ignores a stale id when the event scheduled from a handler reuses the slot of the fired one', () => {
    const env = new Environment();
    const log: Array<[string, number]> = [];
    const b = recorder(env, log, 'b');
    let fired = -1;
    let next = -1;
    const a: Handler = {
      fire: () => {
        log.push(['a', env.now]);
        next = env.scheduleCancellable(5, b, 1);
        env.cancel(fired);
      },
    };
    fired = env.scheduleCancellable(1, a);
    env.run();
    expect(next % 2 ** 20).toBe(fired % 2 ** 20);
    expect(log).toEqual([
      ['a', 1],
      ['b1', 6],
    ]);
  });

  it('ignores the id of a cancelled event once its slot holds another', () => {
    const env = new Environment();
    const log: Array<[string, number]> = [];
    const a = recorder(env, log, 'a');
    const cancelled = env.scheduleCancellable(1, a, 1);
    env.cancel(cancelled);
    env.run();
    const reused = env.scheduleCancellable(1, a, 2);
    expect(reused % 2 ** 20).toBe(cancelled % 2 ** 20);
    env.cancel(cancelled);
    env.run();
    // a cancelled event never moves the clock: the second event is due 1 ns after time 0
    expect(log).toEqual([['a2', 1]]);
  });

  it('ignores a stale id when its slot now holds an event not marked cancellable', () => {
    const env = new Environment();
    const log: Array<[string, number]> = [];
    const a = recorder(env, log, 'a');
    const b = recorder(env, log, 'b');
    const first = env.scheduleCancellable(1, a, 1);
    env.run();
    // the plain event takes the freed slot (the only one free at the top of the free list) and keeps
    // the slot's generation, which the stale id still names
    env.schedule(2, b, 2);
    expect(env.scheduleCancellable(3, b, 3) % 2 ** 20).not.toBe(first % 2 ** 20);
    env.cancel(first);
    env.run();
    expect(log).toEqual([
      ['a1', 1],
      ['b2', 3],
      ['b3', 4],
    ]);
  });

  it('hands a cancellable event its own tag, the largest included', () => {
    const env = new Environment();
    const log: Array<[string, number]> = [];
    const a = recorder(env, log, 'a');
    env.scheduleCancellable(1, a, 2 ** 20 - 1);
    env.schedule(2, a, 7);
    env.run();
    expect(log).toEqual([
      [`a${2 ** 20 - 1}`, 1],
      ['a7', 2],
    ]);
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
    env.run();
    expect(log).toEqual([
      ['a1', 2],
      ['a2', 9],
    ]);
  });

  it('keeps ids small integers (below 2^30) through many reuses of one slot, and each differs from the last', () => {
    const env = new Environment();
    const h: Handler = { fire() {} };
    let previous = -1;
    for (let i = 0; i < 5000; i++) {
      const id = env.scheduleCancellable(1, h);
      expect(Number.isInteger(id) && id >= 0 && id < 2 ** 30).toBe(true);
      expect(id).not.toBe(previous);
      previous = id;
      env.run();
    }
  });

  it('refuses more than 2^20 pending events with a RangeError', () => {
    const env = new Environment();
    const h: Handler = { fire() {} };
    for (let i = 0; i < 2 ** 20; i++) env.schedule(i, h);
    expect(() => env.schedule(0, h)).toThrow(RangeError);
  });
});
