// What-if grids and sensitivity studies, in-process: the grid is complete, every point carries its
// values, bad axes are refused, and the tornado ranks the binding resource first.
import { describe, expect, it } from 'vitest';
import { runOptions, runStudy } from '../../sim/experiment/run.js';
import { InputError } from '../../sim/experiment/scenario/index.js';
import { parseVary } from '../../sim/experiment/vary.js';
import type { Scenario, VaryAxis } from '../../sim/types/index.js';
import { policy, scenario } from '../model/helpers.js';

const small = (overrides: object = {}): Scenario =>
  scenario({
    cores: [1, 4],
    policies: [policy('go1.0-under-lock'), policy('go1.1-after-unlock')],
    run: { allocationsPerCore: 200, replications: 2 },
    ...overrides,
  } as never);

/** The study `zerosim whatif` runs, on one thread. */
const runWhatif = (scenario: Scenario, vary: readonly VaryAxis[], sensitivity = false) =>
  runStudy({ scenario, vary, sensitivity }, runOptions(scenario));

describe('what-if grids', () => {
  it('a two-field what-if produces the full grid, crossed with cores and policies', async () => {
    const sc = small();
    const axes = parseVary(
      ['machine.memory.totalClearGBps=30,60,120', 'workload.needZeroFraction=0.5,1'],
      sc,
    );
    const results = await runWhatif(sc, axes);
    // 3 × 2 combinations × 2 policies × 2 core counts
    expect(results.points).toHaveLength(24);
    expect(results.whatif?.vary).toEqual(axes);
    const seen = new Set(results.points.map((p) => `${JSON.stringify(p.vary)}|${p.policy}|${p.cores}`));
    expect(seen.size).toBe(24);
    for (const p of results.points) {
      expect(Object.keys(p.vary ?? {})).toEqual([
        'machine.memory.totalClearGBps',
        'workload.needZeroFraction',
      ]);
    }
    // more bandwidth never lowers after-unlock throughput at 4 cores (common random numbers)
    const x = (gbps: number) =>
      results.points.find(
        (p) =>
          p.policy === 'go1.1-after-unlock' &&
          p.cores === 4 &&
          p.vary?.['machine.memory.totalClearGBps'] === gbps &&
          p.vary?.['workload.needZeroFraction'] === 1,
      )!.allocsPerSec.mean;
    expect(x(60)).toBeGreaterThan(x(30));
  });

  it('varies a policy field in every policy with policy.FIELD', () => {
    const axes = parseVary(['policy.dirtyTracking=span,exact'], small());
    expect(axes).toEqual([{ path: 'policy.dirtyTracking', values: ['span', 'exact'] }]);
  });

  it('refuses paths that do not exist, non-leaf paths, bad values and invalid variants, one line each', async () => {
    const sc = small();
    const problems = (flags: string[]) => {
      try {
        parseVary(flags, sc);
        return [];
      } catch (error) {
        return (error as InputError).problems;
      }
    };
    expect(problems(['machine.memory.totalClearGbps=1,2'])[0]).toMatch(
      /^--vary: machine\.memory\.totalClearGbps: no such field in the scenario \(expected /,
    );
    expect(problems(['workload.sizeBytes=1,2'])[0]).toMatch(
      /^--vary: workload\.sizeBytes: is not a single value/,
    );
    expect(problems(['machine.memory.totalClearGBps=a,2'])[0]).toBe(
      '--vary: machine.memory.totalClearGBps: got "a" (expected numbers)',
    );
    expect(problems(['nonsense'])[0]).toMatch(/^--vary: got "nonsense" \(expected PATH=V1,V2/);
    expect(problems(['cores=1,2'])).toHaveLength(1);
    await expect(runWhatif(sc, parseVary(['workload.needZeroFraction=0.5,2'], sc))).rejects.toThrow(
      InputError,
    );
  });
});

describe('sensitivity (tornado)', () => {
  const top = async (sc: Scenario, name: string) => {
    const results = await runWhatif(sc, [], true);
    const rows = results.sensitivity!.rows.filter((r) => r.policy === name);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    return rows;
  };

  it('puts total bandwidth first on a bandwidth-bound scenario', async () => {
    // zero-on-free clears every freed 16 MiB block outside the lock at 64 cores: far past the 60 GB/s
    // bandwidth bound, lock nearly idle. (It clears whether or not callers need zeroed memory, so
    // needZeroFraction, which scales the bytes to clear exactly as bandwidth scales their rate for
    // policies that honour it, does not tie with bandwidth here.)
    const sc = small({
      cores: [64],
      policies: [policy('zero-on-free')],
      workload: { sizeBytes: { dist: 'fixed', value: 16 * 1048576 } },
    });
    const rows = await top(sc, 'zero-on-free');
    expect(rows[0].path).toBe('machine.memory.totalClearGBps');
    // ±50% bandwidth moves throughput by about ±50%: effect ≈ (1.5 − 0.5) = 1
    expect(rows[0].effect).toBeGreaterThan(0.8);
  });

  it('puts the lock hold first on a lock-bound scenario', async () => {
    // 4 KiB blocks with 5 µs of span search under the lock and 2 µs of work: the lock saturates.
    const sc = small({
      cores: [64],
      policies: [policy('go1.1-after-unlock')],
      workload: { sizeBytes: { dist: 'fixed', value: 65536 }, workNs: { dist: 'exponential', mean: 2000 } },
      heap: { allocHoldNs: { dist: 'fixed', value: 5000 }, smallMaxBytes: 0 },
    });
    const rows = await top(sc, 'go1.1-after-unlock');
    expect(rows[0].path).toBe('heap.allocHoldNs');
    expect(rows[0].effect).toBeLessThan(0); // a longer hold lowers throughput
  });
});

describe('what-if over policy fields and nullable fields', () => {
  it('varies a field of preset policies, keeping their names, and runs', async () => {
    const sc = small({ cores: [2] });
    const results = await runWhatif(sc, parseVary(['policy.dirtyTracking=span,none'], sc));
    expect(results.points.map((p) => `${p.policy} ${p.vary?.['policy.dirtyTracking']}`)).toEqual([
      'go1.0-under-lock span',
      'go1.1-after-unlock span',
      'go1.0-under-lock none',
      'go1.1-after-unlock none',
    ]);
  });

  it('varies heap.maxFreeBytes, whose default is null', () => {
    expect(parseVary(['heap.maxFreeBytes=0,1048576'], small())).toEqual([
      { path: 'heap.maxFreeBytes', values: [0, 1048576] },
    ]);
  });
});
