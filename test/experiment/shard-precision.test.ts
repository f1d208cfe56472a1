/**
 * Shards of a --precision study (sim/experiment/shard.ts, shard-merge.ts): each point runs whole in one
 * shard, so its batches are those of the unsharded run; the merged results equal runStudy's exactly,
 * timeline included; the fingerprint names --precision and --max-replications; and a shard whose point
 * stopped short of the stopping rule is refused. Seed 7; tolerance: exact equality (the same runs).
 */
import { describe, expect, it } from 'vitest';
import { plainStudy, runOptions, runStudy, studyPlans, summariseStudy } from '../../sim/experiment/run.js';
import { runShard, shardAssignment } from '../../sim/experiment/shard.js';
import { parseShardFile, shardFileText, studyFingerprint } from '../../sim/experiment/shard-file.js';
import { mergeShards, type ReadShard } from '../../sim/experiment/shard-merge.js';
import { policy, scenario } from '../model/helpers.js';

const small = scenario({
  cores: [1, 3],
  policies: [policy('go1.0-under-lock'), policy('go1.1-after-unlock')],
  workload: { workNs: { dist: 'exponential', mean: 2000 } },
  run: { allocationsPerCore: 150, replications: 2, seed: 7 },
} as never);
const precise = { ...plainStudy(small), precision: { target: 0.002, maxReplications: 8 } };
const options = runOptions(small, { jobs: 1, toolVersion: '0.1.0' });

/** Runs the study's n shards and reads each back through its file text, as `zerosim merge` does. */
async function shardFiles(n: number): Promise<ReadShard[]> {
  const read: ReadShard[] = [];
  for (let k = 1; k <= n; k++) {
    const file = `shard-${k}-of-${n}.json`;
    read.push({
      file,
      shard: parseShardFile(shardFileText(await runShard(precise, { k, n }, options)), file),
    });
  }
  return read;
}

describe('shards of a --precision study', () => {
  it('put each point whole, every replication it may take, in one shard', () => {
    const plans = studyPlans(precise);
    const shardOf = shardAssignment(precise, plans, 3);
    for (const p of plans.keys()) {
      const ks = Array.from({ length: precise.precision.maxReplications }, (_, r) => shardOf(p, r));
      expect(new Set(ks).size).toBe(1);
    }
    // four points on three shards: none empty
    expect(new Set(plans.map((_, p) => shardOf(p, 0))).size).toBe(3);
  });

  it('merge to the unsharded results, timeline included, for N = 1, 2 and 3', async () => {
    const whole = await runStudy(precise, options);
    // the points stop at different counts (8 at the cap, 4, 8 at the cap, 8 on target): the merge
    // checks each against the stopping rule
    expect(new Set(whole.points.map((p) => p.replications)).size).toBeGreaterThan(1);
    expect(whole.timeline).toBeDefined();
    for (const n of [1, 2, 3]) {
      const merged = mergeShards(await shardFiles(n), 'parts', '0.1.0');
      expect(summariseStudy(merged.study, merged.done, merged.options)).toEqual(whole);
    }
  });

  it('refuses a shard whose point stopped before the stopping rule does', async () => {
    const read = await shardFiles(2);
    const longest = read[0].shard.done.reduce((a, b) => (b.task.replication > a.task.replication ? b : a));
    // keep only its first batch: what a shard that stopped the point early would hold
    read[0].shard.done = read[0].shard.done.filter(
      (r) =>
        !(
          r.task.cores === longest.task.cores &&
          r.task.policy === longest.task.policy &&
          r.task.replication >= 2
        ),
    );
    expect(longest.task.replication).toBeGreaterThanOrEqual(2);
    expect(() => mergeShards(read, 'parts', '0.1.0')).toThrow(
      /^shard-1-of-2\.json: replications: not those zerosim assigns to shard 1 of 2/,
    );
  });

  it('have a fingerprint of their own for each --precision and --max-replications, and keep them in the file', () => {
    const summary = { toolVersion: '0.1.0', targetAllocsPerSec: undefined };
    const studies = [
      plainStudy(small),
      precise,
      { ...precise, precision: { target: 0.003, maxReplications: 8 } },
      { ...precise, precision: { target: 0.002, maxReplications: 9 } },
      { ...precise, timeline: false },
    ];
    const prints = studies.map((s) => studyFingerprint(s, summary, 2));
    expect(new Set(prints).size).toBe(studies.length);
    const text = shardFileText({
      shard: { k: 2, n: 2 },
      study: precise,
      options: summary,
      totalTasks: 8,
      done: [],
    });
    const read = parseShardFile(text, 'f.json');
    expect(read.study.precision).toEqual(precise.precision);
    expect(read.study.timeline).toBe(true);
    expect(read.fingerprint).toBe(prints[1]);
  });
});
