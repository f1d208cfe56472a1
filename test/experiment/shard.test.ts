// Shards of a study (sim/experiment/shard.ts, shard-file.ts): every task in exactly one shard, parts
// balanced by estimated events, the same assignment every time; shard files bring every number back.

import { describe, expect, it } from 'vitest';
import type { TaskResult } from '../../sim/experiment/points.js';
import { loadScenarioText } from '../../sim/experiment/scenario/index.js';
import { assignShards, parseShardFlag, studyTasks } from '../../sim/experiment/shard.js';
import { parseShardFile, shardFileText } from '../../sim/experiment/shard-file.js';
import type { ReplicationResult } from '../../sim/model/replication.js';

const scenario = loadScenarioText(
  JSON.stringify({
    name: 'grid',
    cores: [1, 2, 4, 8, 16],
    policies: ['go1.0-under-lock', 'go1.1-after-unlock', 'background-zeroer'],
    run: { replications: 3 },
  }),
  'grid.json',
);
const study = { scenario, vary: [], sensitivity: false };

describe('assignShards', () => {
  const tasks = studyTasks(study);

  it.each([1, 2, 3, 7, 100])('puts every task in exactly one of %i shards, the same way twice', (n) => {
    const shardOf = assignShards(tasks, n);
    expect(shardOf).toHaveLength(tasks.length);
    expect(shardOf.every((k) => Number.isInteger(k) && k >= 1 && k <= n)).toBe(true);
    expect(assignShards(studyTasks(study), n)).toEqual(shardOf);
  });

  it('balances the shards by estimated events: none above the mean by more than the largest task', () => {
    // greedy longest-first: the last task put on the fullest shard went to the least loaded one, so the
    // fullest exceeds the mean by at most that task's cost
    const cost = (i: number) => tasks[i].task.cores * tasks[i].scenario.run.allocationsPerCore;
    const n = 4;
    const shardOf = assignShards(tasks, n);
    const load = new Array<number>(n).fill(0);
    shardOf.forEach((k, i) => {
      load[k - 1] += cost(i);
    });
    const mean = load.reduce((a, b) => a + b, 0) / n;
    expect(Math.max(...load) - mean).toBeLessThanOrEqual(Math.max(...tasks.map((_, i) => cost(i))));
  });

  it('leaves shards empty when there are more shards than tasks', () => {
    const shardOf = assignShards(tasks, tasks.length + 5);
    expect(new Set(shardOf).size).toBe(tasks.length);
  });
});

describe('shard files', () => {
  it('bring back -0, NaN and ±Infinity exactly, and refuse a changed study', () => {
    const odd = { allocsPerSec: -0, bytesPerSec: Number.NaN, lockUtilization: Number.POSITIVE_INFINITY };
    const done = [
      { task: studyTasks(study)[0].task, result: odd as unknown as ReplicationResult },
    ] as TaskResult[];
    const run = {
      shard: { k: 1, n: 2 },
      study,
      options: { toolVersion: '0.1.0', targetAllocsPerSec: undefined },
      totalTasks: 45,
      done,
    };
    const text = shardFileText(run);
    const read = parseShardFile(text, 'shard-1-of-2.json');
    expect(Object.is(read.done[0].result.allocsPerSec, -0)).toBe(true);
    expect(read.done[0].result.bytesPerSec).toBeNaN();
    expect(read.done[0].result.lockUtilization).toBe(Number.POSITIVE_INFINITY);
    expect(shardFileText(read)).toBe(text);
    expect(() => parseShardFile(text.replace('"replications":3', '"replications":4'), 'f.json')).toThrow(
      /f\.json: fingerprint: /,
    );
  });
});

describe('parseShardFlag', () => {
  it('reads K/N and refuses K outside 1 … N', () => {
    expect(parseShardFlag('2/5')).toEqual({ k: 2, n: 5 });
    expect(parseShardFlag(undefined)).toBeNull();
    for (const bad of ['0/1', '3/2', '1', '1/2/3', ''])
      expect(() => parseShardFlag(bad)).toThrow(/^--shard: got /);
  });
});
