// The sitting's plan: which points each bench measures, in the C program's order, and what it leaves
// out on one CPU. The C and JS harness tests check that both harnesses measure exactly this plan.

import { describe, expect, it } from 'vitest';
import { measurementPlan, osThreads, resolveOptions } from '../../sim/calibrate/plan.js';

const KiB = 1024;
const MiB = 1024 * KiB;

describe('measurementPlan', () => {
  it('measures clear-remote at the clear sizes and every thread count, right after clear', () => {
    const plan = measurementPlan(resolveOptions({ quick: true, threads: [1, 2] }, 2));
    expect([...new Set(plan.map((m) => m.bench))]).toEqual([
      'clear',
      'clear-remote',
      'lock',
      'fault',
      'alloc',
    ]);
    const remote = plan.filter((m) => m.bench === 'clear-remote');
    expect(remote.map((m) => [m.blockBytes, m.threads])).toEqual(
      [64 * KiB, MiB, 16 * MiB, 256 * MiB].flatMap((b) => [
        [b, 1],
        [b, 2],
      ]),
    );
    // threads 1: two OS threads taking turns; T ≥ 2: T at once
    expect(remote.map(osThreads)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
  });

  it("keeps today's lock points (holdNs 0), then holds 1 µs and 10 µs × work × threads up to 2", () => {
    const lock = (quick: boolean) =>
      measurementPlan(resolveOptions({ quick, benches: ['lock'], threads: [1, 2, 4] }, 4)).map((m) => [
        m.holdNs,
        m.workNs,
        m.threads,
      ]);
    const today = (works: number[]) => works.flatMap((w) => [1, 2, 4].map((t) => [0, w, t]));
    const held = (works: number[]) =>
      [1000, 10000].flatMap((h) => works.flatMap((w) => [1, 2].map((t) => [h, w, t])));
    expect(lock(false)).toEqual([...today([0, 100, 1000, 10000]), ...held([0, 2000, 10000])]);
    expect(lock(true)).toEqual([...today([0, 1000]), ...held([0, 2000])]);
  });

  it('leaves clear-remote out on one CPU, with a note, and only when it was asked for', () => {
    const one = resolveOptions({}, 1);
    expect(one.benches).toEqual(['clear', 'lock', 'fault', 'alloc']);
    expect(one.notes).toEqual([
      'zerosim calibrate: clear-remote skipped: it needs 2 CPUs and this process may use 1',
    ]);
    expect(resolveOptions({ benches: ['lock'] }, 1).notes).toEqual([]);
    expect(resolveOptions({}, 2).benches).toContain('clear-remote');
    expect(resolveOptions({}, 2).notes).toEqual([]);
  });
});
