// Points and their tasks: the expansion order, seeds shared across policies (common random numbers), and
// replications grouped back into points by what each task is, whatever order they finish in.
import { describe, expect, it } from 'vitest';
import {
  expandPoints,
  groupByPoint,
  pointKey,
  replicationSeed,
  type TaskResult,
  taskInputs,
  type Variant,
} from '../../sim/experiment/points.js';
import type { ReplicationResult } from '../../sim/model/replication.js';
import { policy, scenario } from '../model/helpers.js';

const base = scenario({
  cores: [1, 4],
  policies: [policy('go1.0-under-lock'), policy('go1.1-after-unlock')],
  run: { replications: 3, seed: 9 },
});
const variants: Variant[] = [
  { scenario: base, vary: { 'workload.needZeroFraction': 0.5 } },
  { scenario: base, vary: { 'workload.needZeroFraction': 1 } },
];

/** A stand-in result that says which task it came from. */
const fake = (done: TaskResult['task']): TaskResult => ({
  task: done,
  result: { events: pointKey(done).length * 100 + done.replication } as unknown as ReplicationResult,
});

describe('expandPoints', () => {
  it('lists points variant × policy × cores, each with replications 0 … n−1', () => {
    const points = expandPoints(variants);
    expect(points.map((p) => [p.vary?.['workload.needZeroFraction'], p.policy, p.cores])).toEqual([
      [0.5, 0, 1],
      [0.5, 0, 4],
      [0.5, 1, 1],
      [0.5, 1, 4],
      [1, 0, 1],
      [1, 0, 4],
      [1, 1, 1],
      [1, 1, 4],
    ]);
    for (const p of points) expect(p.tasks.map((t) => t.replication)).toEqual([0, 1, 2]);
    expect(taskInputs(points)).toHaveLength(8 * 3);
  });

  it('derives seeds from (scenario seed, cores, replication), not the policy', () => {
    const [first, , second] = expandPoints([{ scenario: base }]);
    expect(first.cores).toBe(second.cores);
    expect(first.tasks.map((t) => t.seed)).toEqual(second.tasks.map((t) => t.seed));
    expect(first.tasks[2].seed).toBe(replicationSeed(9, 1, 2));
    // the base scenario's tasks carry no varied values
    expect('vary' in first.tasks[0]).toBe(false);
  });
});

describe('groupByPoint', () => {
  it('finds each point its own replications, in replication order, however they finished', () => {
    const points = expandPoints(variants);
    const done = taskInputs(points).map(({ task }) => fake(task));
    const shuffled = [...done].reverse();
    shuffled.push(shuffled.splice(3, 1)[0]);
    const inOrder = groupByPoint(points, done);
    const outOfOrder = groupByPoint(points, shuffled);
    for (const p of points) {
      const key = pointKey(p);
      expect(outOfOrder.get(p)).toEqual(inOrder.get(p));
      expect(inOrder.get(p)?.map((r) => r.events)).toEqual([0, 1, 2].map((r) => key.length * 100 + r));
    }
  });

  it('refuses, as a bug, a point with a replication missing or twice', () => {
    const points = expandPoints([{ scenario: base }]);
    const done = taskInputs(points).map(({ task }) => fake(task));
    expect(() => groupByPoint(points, done.slice(1))).toThrow(/2 of 3 replications/);
    expect(() => groupByPoint(points, [done[0], ...done.slice(0, -1)])).toThrow(/replications/);
  });
});
