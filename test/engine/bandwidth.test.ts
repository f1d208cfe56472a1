// Exact traces of processor-sharing bandwidth with a per-transfer cap, and its accounting.
import { describe, expect, it } from 'vitest';
import { Bandwidth } from '../../sim/engine/bandwidth.js';
import { Environment, type Handler } from '../../sim/engine/environment.js';

describe('Bandwidth (processor sharing with caps)', () => {
  it('finishes three overlapping capped transfers at hand-computed times', () => {
    // total 10 B/ns, cap 4 B/ns. A = 40 B at t=0, B = 30 B at t=2, C = 10 B at t=4.
    //  0–2:  A alone at 4 → A has 32 left.
    //  2–4:  two at min(4, 10/2) = 4 → A 24, B 22 left.
    //  4–7:  three at min(4, 10/3) = 10/3; C's 10 B take 3 ns → C done at 7; A 14, B 12 left.
    //  7–10: two at 4 → B done at 10; A 2 left.
    // 10–10.5: A alone at 4 → A done at 10.5.
    const env = new Environment();
    const bw = new Bandwidth(env, { totalGBps: 10, perJobGBps: 4 });
    const log: Array<[string, number]> = [];
    const done: Handler = { fire: (tag) => log.push([String.fromCharCode(tag), env.now]) };
    const starter = (bytes: number, name: string): Handler => ({
      fire: () => bw.start(bytes, done, name.charCodeAt(0)),
    });
    env.schedule(0, starter(40, 'A'));
    env.schedule(2, starter(30, 'B'));
    env.schedule(4, starter(10, 'C'));
    env.run();
    expect(log.map(([n]) => n)).toEqual(['C', 'B', 'A']);
    expect(log[0][1]).toBeCloseTo(7, 12);
    expect(log[1][1]).toBeCloseTo(10, 12);
    expect(log[2][1]).toBeCloseTo(10.5, 12);
    // 3 starts + 3 completions; the completions rescheduled on each start never fired.
    expect(env.events).toBe(6);
    // Bytes delivered = ∫ active·rate dt = 80 B over 10.5 ns of 10 B/ns capacity.
    expect(bw.utilization.integral(env.now) * 10).toBeCloseTo(80, 9);
  });

  it('never gives one transfer more than its cap or all of them more than the total', () => {
    const env = new Environment();
    const bw = new Bandwidth(env, { totalGBps: 60, perJobGBps: 20 });
    for (let j = 1; j <= 64; j++) {
      expect(bw.rateWith(j)).toBeLessThanOrEqual(20);
      expect(j * bw.rateWith(j)).toBeLessThanOrEqual(60 + 1e-12);
    }
    expect(bw.rateWith(2)).toBe(20);
    expect(bw.rateWith(4)).toBe(15);
  });

  it('finishes equal transfers started together at the same instant, in start order', () => {
    const env = new Environment();
    const bw = new Bandwidth(env, { totalGBps: 3, perJobGBps: 3 });
    const log: Array<[number, number]> = [];
    const done: Handler = { fire: (tag) => log.push([tag, env.now]) };
    env.schedule(0, {
      fire: () => {
        for (const t of [1, 2, 3]) bw.start(9, done, t);
      },
    });
    env.run();
    // 27 B at 3 B/ns in all → 9 ns.
    expect(log).toEqual([
      [1, 9],
      [2, 9],
      [3, 9],
    ]);
  });

  it('lets a finishing client start the next transfer at once', () => {
    const env = new Environment();
    const bw = new Bandwidth(env, { totalGBps: 4, perJobGBps: 2 });
    const log: Array<[number, number]> = [];
    let chunks = 0;
    const chunker: Handler = {
      fire: (tag) => {
        log.push([tag, env.now]);
        if (++chunks < 3) bw.start(8, chunker, tag + 1);
      },
    };
    env.schedule(0, { fire: () => bw.start(8, chunker, 0) });
    env.run();
    expect(log).toEqual([
      [0, 4],
      [1, 8],
      [2, 12],
    ]);
  });
});
