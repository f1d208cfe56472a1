/**
 * --precision's stopping rule, checked against the replications themselves: each point ran exactly
 * the batches (of the scenario's replications count) up to the first whose allocs/s CI half-width
 * was within target × mean, or the cap; replication r has its usual seed, so the point's mean is that
 * of replications 0 … n−1 run alone. Seed 7; tolerance: exact equality (the same runs).
 */
import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../../sim/experiment/points.js';
import { followsStoppingRule, meetsTarget } from '../../sim/experiment/precision.js';
import { plainStudy, runOptions, runStudy } from '../../sim/experiment/run.js';
import { meanCI } from '../../sim/experiment/statistics.js';
import { modelConfig } from '../../sim/model/config.js';
import { runReplication } from '../../sim/model/replication.js';
import { policy, scenario } from '../model/helpers.js';

const small = scenario({
  cores: [1, 3],
  policies: [policy('go1.0-under-lock'), policy('go1.1-after-unlock')],
  workload: { workNs: { dist: 'exponential', mean: 2000 } },
  run: { allocationsPerCore: 150, replications: 2, seed: 7 },
} as never);
const precision = { target: 0.004, maxReplications: 8 };

describe('--precision', () => {
  it('stops each point at the first batch that meets the target, or at the cap', async () => {
    const results = await runStudy({ ...plainStudy(small), precision }, runOptions(small, { jobs: 1 }));
    let stoppedEarly = 0;
    for (const p of results.points) {
      const spec = small.policies.find((q) => q.name === p.policy)!;
      const x = Array.from(
        { length: p.replications },
        (_, r) =>
          runReplication(modelConfig(small, spec, p.cores, replicationSeed(small.run.seed, p.cores, r)))
            .allocsPerSec,
      );
      expect(p.allocsPerSec).toEqual(meanCI(x));
      expect(p.precision?.reached).toBe(meetsTarget(x, precision.target));
      // every earlier batch boundary missed the target
      for (let n = 2; n < p.replications; n += 2)
        expect(meetsTarget(x.slice(0, n), precision.target)).toBe(false);
      if (p.precision?.reached) stoppedEarly += p.replications < precision.maxReplications ? 1 : 0;
      else expect(p.replications).toBe(precision.maxReplications);
    }
    // the study has both kinds: points that stopped early and points that ran on
    expect(stoppedEarly).toBeGreaterThan(0);
    expect(results.points.some((p) => p.replications > 2)).toBe(true);
  });

  it('caps the first batch at --max-replications', async () => {
    const results = await runStudy(
      {
        ...plainStudy({ ...small, run: { ...small.run, replications: 5 } }),
        precision: { target: 1e-6, maxReplications: 3 },
      },
      runOptions(small, { jobs: 1 }),
    );
    for (const p of results.points) expect([p.replications, p.precision?.reached]).toEqual([3, false]);
  });

  it('tells replications the stopping rule runs from those it does not (what a merge checks)', () => {
    const rule = { target: 0.01, maxReplications: 6 };
    // two equal values: a CI of 0, on target after the first batch of 2, and not a replication more
    expect(followsStoppingRule([100, 100], 2, rule)).toBe(true);
    expect(followsStoppingRule([100, 100, 100, 100], 2, rule)).toBe(false);
    // 100 and 200 (half-width ≈ 635, far off target) need the next batch: 2 alone stopped too soon
    expect(followsStoppingRule([100, 200], 2, rule)).toBe(false);
    expect(followsStoppingRule([100, 200, 150, 150], 2, rule)).toBe(false);
    // never on target: the rule runs to the cap, in batches of 2 (4 is not one of its stops)
    expect(followsStoppingRule([100, 200, 100, 200, 100, 200], 2, rule)).toBe(true);
    expect(followsStoppingRule([100, 200, 100, 200, 100], 2, rule)).toBe(false);
    // a last batch cut short by the cap: 4 + min(4, 6 − 4)
    expect(followsStoppingRule([100, 200, 100, 200, 100, 200], 4, rule)).toBe(true);
  });
});
