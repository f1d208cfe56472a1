// Running a study in-process: options defaulted once, progress counted per replication, an abort
// rejecting with its reason, and a plain study giving the results.json shape.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { plainStudy, runOptions, runStudy } from '../../sim/experiment/run.js';
import { policy, scenario } from '../model/helpers.js';

const small = scenario({
  cores: [1, 2],
  policies: [policy('go1.0-under-lock'), policy('no-zero')],
  run: { allocationsPerCore: 100, replications: 2 },
});

describe('runOptions', () => {
  it('fills in every option a caller leaves out', () => {
    const options = runOptions(small);
    expect(options).toMatchObject({
      jobs: availableParallelism(),
      toolVersion: '0.0.0',
      targetAllocsPerSec: undefined,
      budgetSource: 'test',
    });
    expect(options.signal.aborted).toBe(false);
    expect(() => options.onProgress(1, 2)).not.toThrow();
    expect(runOptions(small, { jobs: 3, budgetSource: '--max-events' })).toMatchObject({
      jobs: 3,
      budgetSource: '--max-events',
    });
  });
});

describe('runStudy', () => {
  it('returns the results.json shape, reporting progress once per replication', async () => {
    const seen: Array<[number, number]> = [];
    const results = await runStudy(
      plainStudy(small),
      runOptions(small, {
        jobs: 1,
        toolVersion: '1.2.3',
        onProgress: (done, total) => seen.push([done, total]),
      }),
    );
    // a plain study also records the report's timeline (replication 0, first policy, most cores)
    expect(Object.keys(results)).toEqual(['tool', 'scenario', 'points', 'usl', 'capacity', 'timeline']);
    expect(results.tool).toEqual({ name: 'zerosim', version: '1.2.3' });
    expect(results.points.map((p) => `${p.policy}@${p.cores}×${p.replications}`)).toEqual([
      'go1.0-under-lock@1×2',
      'go1.0-under-lock@2×2',
      'no-zero@1×2',
      'no-zero@2×2',
    ]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((done) => [done, 8]));
  });

  it('gives the same results for any --jobs', async () => {
    const run = async (jobs: number) =>
      JSON.stringify(await runStudy(plainStudy(small), runOptions(small, { jobs })));
    expect(await run(3)).toBe(await run(1));
  });

  it('stops with the reason of the signal when aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const options = runOptions(small, {
      jobs: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(reason),
    });
    await expect(runStudy(plainStudy(small), options)).rejects.toBe(reason);
  });
});
