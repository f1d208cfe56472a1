// Bad input through the real CLI, one test per kind of mistake: exit code 2, exactly one stderr line per
// problem of the form `FILE: json.path: what is wrong (expected …)`, and never a stack trace.
//
// Already covered exactly elsewhere, and not repeated here:
// - a trailing comma, a missing comma, truncated JSON: validate.test.ts, errors.test.ts
// - an empty `cores` list (`a.json: cores: got []`): errors.test.ts
// - a zero core count, in a file and in --cores: validate.test.ts, errors.test.ts
// - an unknown preset name in `policies` and in --policies: validate.test.ts, errors.test.ts
// - empirical weights that are all 0, and warmupFraction = 1: validate.test.ts
// - `report` on results from another tool, a newer major version, without scenario or points, on a
//   list, or on broken JSON: errors.test.ts

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeResults } from './fixtures.js';
import { lines, packageRoot, scratchDir, stackFrame, writeFile, zerosim } from './helpers.js';

const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

const presetList =
  'go1.0-under-lock, go1.1-after-unlock, exact-dirty, go1.24-regression, zero-on-free, background-zeroer, no-zero';

/** Runs zerosim in `dir` and expects bad input: exit 2, no stack trace; returns the stderr lines. */
function badInput(args: string[], dir: string): string[] {
  const result = zerosim(args, dir);
  expect(result.stderr).not.toMatch(stackFrame);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  return lines(result.stderr);
}

/**
 * Expects exactly `expected` on stderr (in any order: one line per problem), each line naming `source`
 * first and saying what was expected.
 */
function expectProblems(args: string[], dir: string, source: string, expected: string[]): void {
  const got = badInput(args, dir);
  expect([...got].sort()).toEqual([...expected].sort());
  for (const line of got) {
    expect(line.startsWith(`${source}: `)).toBe(true);
    expect(line).toMatch(/ \(expected .+\)$/);
  }
}

describe('malformed JSON', () => {
  it('locates comments, single quotes, NaN, an empty file and trailing text by line and column', () => {
    const dir = scratchDir();
    writeFile(dir, 'comment.json', '{"name": "c",\n  // the cores\n  "cores": [1]}');
    writeFile(dir, 'quotes.json', "{'name': 'q', 'cores': [1]}");
    writeFile(dir, 'nan.json', '{"name": "n", "cores": [NaN]}');
    writeFile(dir, 'empty.json', '');
    writeFile(dir, 'two.json', '{"name": "t", "cores": [1]} {}');
    const files = ['comment.json', 'quotes.json', 'nan.json', 'empty.json', 'two.json'];
    const got = badInput(['validate', ...files], dir);
    expect(got).toEqual([
      'comment.json: line 2, column 3: invalid JSON: unexpected "/": JSON has no comments (expected a property name in double quotes; JSON allows no trailing comma)',
      `quotes.json: line 1, column 2: invalid JSON: unexpected "'": JSON strings use double quotes (expected a property name in double quotes; JSON allows no trailing comma)`,
      'nan.json: line 1, column 25: invalid JSON: unexpected "N" (expected a value: an object, list, string, number, true, false or null)',
      'empty.json: line 1, column 1: invalid JSON: unexpected end of text (expected a value: an object, list, string, number, true, false or null)',
      'two.json: line 1, column 29: invalid JSON: unexpected "{" (expected the end of the text after the top-level value)',
    ]);
  });

  it('is refused by run as well, before anything is written', () => {
    const dir = scratchDir();
    writeFile(dir, 'comment.json', '{"name": "c", /* one core */ "cores": [1]}');
    expect(badInput(['run', 'comment.json', '--out', 'out'], dir)).toEqual([
      'comment.json: line 1, column 15: invalid JSON: unexpected "/": JSON has no comments (expected a property name in double quotes; JSON allows no trailing comma)',
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('wrong types', () => {
  it('names every field whose JSON type is wrong, at every level', () => {
    const dir = scratchDir();
    writeFile(dir, 'types.json', {
      name: 42,
      title: 7,
      cores: '1,2',
      policies: 'no-zero',
      machine: { memory: [], lock: { acquireNs: '20' } },
      workload: { liveBlocksPerCore: '2', needZeroFraction: true, workNs: 'fast' },
      heap: { maxFreeBytes: 'none', smallMaxBytes: null },
      run: { seed: true, allocationsPerCore: [100] },
    });
    writeFile(dir, 'items.json', {
      name: 'items',
      cores: [1, '2'],
      policies: [7, { name: 'mine', extends: 'no-zero', honorNeedZero: 'yes', zeroerThreads: '1' }],
      heap: { freeHoldNs: { dist: 'fixed', value: '0' } },
    });
    expectProblems(['validate', 'types.json'], dir, 'types.json', [
      'types.json: name: got 42 (expected lowercase letters, digits and "-", e.g. "go-2012-huge-blocks")',
      'types.json: title: got 7 (expected a string)',
      'types.json: cores: got "1,2" (expected a non-empty list of core counts, e.g. [1, 2, 4])',
      'types.json: policies: got "no-zero" (expected a non-empty list of policies)',
      'types.json: machine.memory: got [] (expected an object)',
      'types.json: machine.lock.acquireNs: got "20" (expected a number >= 0)',
      'types.json: workload.workNs: got "fast" (expected a number, or a distribution such as {"dist": "exponential", "mean": 20000})',
      'types.json: workload.needZeroFraction: got true (expected a number in [0, 1])',
      'types.json: workload.liveBlocksPerCore: got "2" (expected an integer >= 0)',
      'types.json: heap.smallMaxBytes: got null (expected an integer >= 0)',
      'types.json: heap.maxFreeBytes: got "none" (expected an integer >= 0, or null to keep all free memory)',
      'types.json: run.allocationsPerCore: got [100] (expected an integer >= 1)',
      'types.json: run.seed: got true (expected an integer from 0 to 4294967295)',
    ]);
    expectProblems(['validate', 'items.json'], dir, 'items.json', [
      'items.json: cores[1]: got "2" (expected an integer from 1 to 65536)',
      'items.json: policies[0]: got 7 (expected a preset name, or a policy such as {"name": "my-variant", "extends": "go1.1-after-unlock", "dirtyTracking": "exact"})',
      'items.json: policies[1].honorNeedZero: got "yes" (expected true or false)',
      'items.json: policies[1].zeroerThreads: got "1" (expected an integer >= 0)',
      'items.json: heap.freeHoldNs.value: got "0" (expected a number >= 0)',
    ]);
  });
});

describe('negative and NaN-like values', () => {
  it('refuses negative numbers, ±1e999 (Infinity once parsed) and "NaN"/"Infinity" strings', () => {
    const dir = scratchDir();
    writeFile(
      dir,
      'neg.json',
      `{"name": "neg", "cores": [1],
 "machine": {"memory": {"coreClearGBps": 1e999, "totalClearGBps": -60, "pageBytes": -4096, "pageFaultNs": -1},
             "lock": {"acquireNs": -20, "handoffNs": -1e999}},
 "workload": {"workNs": -5, "sizeBytes": {"dist": "fixed", "value": -4096}, "needZeroFraction": "NaN",
              "liveBlocksPerCore": -2},
 "heap": {"allocHoldNs": {"dist": "exponential", "mean": -700}, "smallAllocNs": "Infinity",
          "initialDirtyBytes": -1, "maxFreeBytes": -1},
 "run": {"seed": -1, "allocationsPerCore": -100, "warmupFraction": -0.1, "replications": -2, "maxEvents": -1}}`,
    );
    expectProblems(['run', 'neg.json'], dir, 'neg.json', [
      'neg.json: machine.memory.coreClearGBps: got Infinity (expected a number > 0)',
      'neg.json: machine.memory.totalClearGBps: got -60 (expected a number > 0)',
      'neg.json: machine.memory.pageBytes: got -4096 (expected an integer >= 1)',
      'neg.json: machine.memory.pageFaultNs: got -1 (expected a number >= 0)',
      'neg.json: machine.lock.acquireNs: got -20 (expected a number >= 0)',
      'neg.json: machine.lock.handoffNs: got -Infinity (expected a number >= 0)',
      'neg.json: workload.workNs: got -5 (expected a number >= 0)',
      'neg.json: workload.sizeBytes.value: got -4096 (expected a number > 0)',
      'neg.json: workload.needZeroFraction: got "NaN" (expected a number in [0, 1])',
      'neg.json: workload.liveBlocksPerCore: got -2 (expected an integer >= 0)',
      'neg.json: heap.allocHoldNs.mean: got -700 (expected a number > 0)',
      'neg.json: heap.smallAllocNs: got "Infinity" (expected a number >= 0)',
      'neg.json: heap.initialDirtyBytes: got -1 (expected an integer >= 0)',
      'neg.json: heap.maxFreeBytes: got -1 (expected an integer >= 0, or null to keep all free memory)',
      'neg.json: run.allocationsPerCore: got -100 (expected an integer >= 1)',
      'neg.json: run.warmupFraction: got -0.1 (expected a number in [0, 1))',
      'neg.json: run.replications: got -2 (expected an integer >= 2: a 95% confidence interval needs two replications)',
      'neg.json: run.seed: got -1 (expected an integer from 0 to 4294967295)',
      'neg.json: run.maxEvents: got -1 (expected an integer >= 1)',
    ]);
  });
});

describe('core counts', () => {
  // an empty list and a 0 are covered in errors.test.ts and validate.test.ts
  it('refuses fractional, too large and repeated core counts, and a missing list', () => {
    const dir = scratchDir();
    writeFile(dir, 'cores.json', { name: 'cores', cores: [2.5, 0.5, 65537, -4] });
    // in a separate file: next to a fractional entry, a repeated one goes unreported (zod's int check
    // aborts the list), although schema.ts means to report every problem at once
    writeFile(dir, 'twice.json', { name: 'twice', cores: [2, 4, 2, 0] });
    writeFile(dir, 'none.json', { name: 'none' });
    expectProblems(['validate', 'cores.json'], dir, 'cores.json', [
      'cores.json: cores[0]: got 2.5 (expected an integer from 1 to 65536)',
      'cores.json: cores[1]: got 0.5 (expected an integer from 1 to 65536)',
      'cores.json: cores[2]: got 65537 (expected an integer from 1 to 65536)',
      'cores.json: cores[3]: got -4 (expected an integer from 1 to 65536)',
    ]);
    expectProblems(['validate', 'twice.json'], dir, 'twice.json', [
      'twice.json: cores[2]: 2 is listed twice, first at cores[0] (expected each core count once)',
      'twice.json: cores[3]: got 0 (expected an integer from 1 to 65536)',
    ]);
    expectProblems(['validate', 'none.json'], dir, 'none.json', [
      'none.json: cores: missing (expected a non-empty list of core counts, e.g. [1, 2, 4])',
    ]);
  });

  it('refuses a fractional --cores value', () => {
    const dir = scratchDir();
    writeFile(dir, 's.json', { name: 's', cores: [1] });
    expectProblems(['run', 's.json', '--cores', '1.5'], dir, '--cores', [
      '--cores: got 1.5 (expected an integer from 1 to 65536)',
    ]);
  });
});

describe('unknown policies and unknown keys', () => {
  it('refuses an unknown policy to extend, suggesting the closest name', () => {
    const dir = scratchDir();
    writeFile(dir, 'ext.json', {
      name: 'ext',
      cores: [1],
      policies: [
        'no-zero',
        { name: 'mine', extends: 'go1.1-after-unlok' },
        { name: 'other', extends: 'minr' },
      ],
    });
    expectProblems(['run', 'ext.json'], dir, 'ext.json', [
      `ext.json: policies[1].extends: unknown policy "go1.1-after-unlok"; did you mean "go1.1-after-unlock"? (expected a preset (${presetList}), or a policy of this scenario (mine, other))`,
      `ext.json: policies[2].extends: unknown policy "minr"; did you mean "mine"? (expected a preset (${presetList}), or a policy of this scenario (mine, other))`,
    ]);
  });

  it('refuses unknown keys at every level, with the known keys and a suggestion', () => {
    const dir = scratchDir();
    writeFile(dir, 'keys.json', {
      name: 'keys',
      cores: [1],
      polices: ['no-zero'],
      machine: { memory: { coreClearGbps: 20 }, locks: {} },
      workload: { sizeBytes: { dist: 'fixed', value: 4096, mean: 4096 } },
      policies: [{ name: 'mine', extends: 'no-zero', zeroat: 'never' }],
      run: { replication: 3 },
    });
    expectProblems(['validate', 'keys.json'], dir, 'keys.json', [
      'keys.json: polices: unknown key; did you mean "policies"? (expected one of name, title, description, cores, policies, machine, machineSource, workload, heap, run, $schema)',
      'keys.json: machine.memory.coreClearGbps: unknown key; did you mean "coreClearGBps"? (expected one of coreClearGBps, totalClearGBps, pageBytes, pageFaultNs, caches)',
      'keys.json: machine.locks: unknown key; did you mean "lock"? (expected one of memory, lock)',
      'keys.json: workload.sizeBytes.mean: unknown key (expected one of dist, value)',
      'keys.json: policies[0].zeroat: unknown key; did you mean "zeroAt"? (expected one of name, extends, description, zeroAt, honorNeedZero, dirtyTracking, freshIsZero, zeroerThreads, chunkBytes, reuseOrder)',
      'keys.json: run.replication: unknown key; did you mean "replications"? (expected one of allocationsPerCore, warmupFraction, replications, seed, maxEvents)',
    ]);
  });
});

describe('cache levels', () => {
  it('refuses levels out of order, a size that does not grow and unknown keys, one line each', () => {
    const dir = scratchDir();
    writeFile(dir, 'caches.json', {
      name: 'caches',
      cores: [1],
      machine: {
        memory: {
          caches: [
            { name: 'l3', bytes: 33554432, shared: true, coreGBps: 50, totalGBps: 200 },
            { name: 'l2', bytes: 1048576, shared: false, coreGBps: 100, ways: 16 },
          ],
        },
      },
    });
    expectProblems(['validate', 'caches.json'], dir, 'caches.json', [
      'caches.json: machine.memory.caches[1].ways: unknown key (expected one of name, bytes, shared, coreGBps, totalGBps, remoteGBps)',
    ]);
    writeFile(dir, 'order.json', {
      name: 'order',
      cores: [1],
      machine: {
        memory: {
          caches: [
            { name: 'l3', bytes: 33554432, shared: true, coreGBps: 50, totalGBps: 200 },
            { name: 'l2', bytes: 1048576, shared: false, coreGBps: 100 },
          ],
        },
      },
    });
    expectProblems(['run', 'order.json'], dir, 'order.json', [
      'order.json: machine.memory.caches[1].bytes: 1048576 is not larger than caches[0].bytes (33554432) (expected each level larger than the one before it, from the core outwards)',
      'order.json: machine.memory.caches[1].shared: a private level after the shared level caches[0] (expected private levels first, then shared ones, from the core outwards)',
    ]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    writeFile(dir, 'remote.json', {
      name: 'remote',
      cores: [1],
      machine: {
        memory: {
          caches: [
            { name: 'l2', bytes: 1048576, shared: false, coreGBps: 100, remoteGBps: 60 },
            { name: 'l3', bytes: 33554432, shared: true, coreGBps: 50, totalGBps: 200, remoteGBps: 40 },
          ],
        },
      },
    });
    expectProblems(['validate', 'remote.json'], dir, 'remote.json', [
      'remote.json: machine.memory.caches[1].remoteGBps: a shared level holds every core’s bytes alike (expected remoteGBps on private levels only)',
    ]);
  });
});

describe('extends that never reaches a preset', () => {
  it('refuses a policy extending itself and a cycle, reporting the cycle once', () => {
    const dir = scratchDir();
    writeFile(dir, 'loop.json', {
      name: 'loop',
      cores: [1],
      policies: [
        'no-zero',
        { name: 'self', extends: 'self' },
        { name: 'a', extends: 'b' },
        { name: 'b', extends: 'c' },
        { name: 'c', extends: 'a', dirtyTracking: 'exact' },
      ],
    });
    expectProblems(['validate', 'loop.json'], dir, 'loop.json', [
      'loop.json: policies[1].extends: "self" extends itself (expected a chain of "extends" that ends at a preset)',
      'loop.json: policies[2].extends: extends goes round in a cycle: a -> b -> c -> a (expected a chain of "extends" that ends at a preset)',
    ]);
  });
});

describe('distributions', () => {
  it('refuses a missing parameter of every family, a missing or unknown "dist", and max below min', () => {
    const dir = scratchDir();
    writeFile(dir, 'dist.json', {
      name: 'dist',
      cores: [1],
      workload: {
        workNs: { dist: 'exponential' },
        sizeBytes: { dist: 'uniform', min: 4096 },
      },
      heap: { allocHoldNs: { dist: 'lognormal', median: 700 }, freeHoldNs: { dist: 'fixed' } },
    });
    writeFile(dir, 'dist2.json', {
      name: 'dist2',
      cores: [1],
      workload: { workNs: { mean: 20000 }, sizeBytes: { dist: 'empirical', values: [4096, 65536] } },
      heap: {
        allocHoldNs: { dist: 'normal', mean: 700 },
        freeHoldNs: { dist: 'uniform', min: 300, max: 200 },
      },
    });
    expectProblems(['validate', 'dist.json'], dir, 'dist.json', [
      'dist.json: workload.workNs.mean: missing (expected a number > 0)',
      'dist.json: workload.sizeBytes.max: missing (expected a number > 0)',
      'dist.json: heap.allocHoldNs.sigma: missing (expected a number >= 0)',
      'dist.json: heap.freeHoldNs.value: missing (expected a number >= 0)',
    ]);
    const families = '"fixed", "exponential", "uniform", "lognormal", "empirical"';
    expectProblems(['validate', 'dist2.json'], dir, 'dist2.json', [
      `dist2.json: workload.workNs.dist: missing (expected "dist" to be one of ${families})`,
      'dist2.json: workload.sizeBytes.weights: missing (expected a list [...])',
      `dist2.json: heap.allocHoldNs.dist: got "normal" (expected "dist" to be one of ${families})`,
      'dist2.json: heap.freeHoldNs.max: max 200 is below min 300 (expected max >= min)',
    ]);
  });

  // all-zero weights are covered in validate.test.ts
  it('refuses negative weights, weights with no positive sum, and weights that do not match the values', () => {
    const dir = scratchDir();
    writeFile(dir, 'weights.json', {
      name: 'weights',
      cores: [1],
      workload: {
        workNs: { dist: 'empirical', values: [100, 200, 300], weights: [-1, 2, 0] },
        sizeBytes: { dist: 'empirical', values: [4096, 65536], weights: [-3, 1] },
      },
      heap: {
        allocHoldNs: { dist: 'empirical', values: [700, 800], weights: [1] },
        freeHoldNs: { dist: 'empirical', values: [], weights: [] },
      },
    });
    const got = badInput(['validate', 'weights.json'], dir);
    expect(got).toHaveLength(6);
    expect(got).toEqual(
      expect.arrayContaining([
        'weights.json: workload.workNs.weights[0]: got -1 (expected a number >= 0)',
        'weights.json: workload.sizeBytes.weights[0]: got -3 (expected a number >= 0)',
        'weights.json: heap.allocHoldNs.weights: 1 weights for 2 values (expected one weight per value)',
        'weights.json: heap.freeHoldNs.values: got [] (expected a list of at least 1 item)',
        'weights.json: heap.freeHoldNs.weights: got [] (expected a list of at least 1 item)',
      ]),
    );
    // [-1, 2, 0] sums to 1: only the negative weight is wrong. [-3, 1] sums to -2, which is not positive
    // either.
    expect(got.filter((line) => line.startsWith('weights.json: workload.workNs.weights:'))).toEqual([]);
    expect(got.filter((line) => line.startsWith('weights.json: workload.sizeBytes.weights:'))).toEqual([
      'weights.json: workload.sizeBytes.weights: the weights sum to -2 (expected weights >= 0 with a positive sum)',
    ]);
    for (const line of got) expect(line).toMatch(/^weights\.json: \S+: .+ \(expected .+\)$/);
  });
});

describe('warmupFraction', () => {
  // warmupFraction = 1 in a file is covered in validate.test.ts
  it('refuses a warm-up fraction above 1 in a file, and values >= 1 given by --vary', () => {
    const dir = scratchDir();
    writeFile(dir, 'warm.json', { name: 'warm', cores: [1], run: { warmupFraction: 1.5 } });
    expectProblems(['run', 'warm.json'], dir, 'warm.json', [
      'warm.json: run.warmupFraction: got 1.5 (expected a number in [0, 1))',
    ]);
    writeFile(dir, 'tiny.json', {
      name: 'tiny',
      cores: [1],
      policies: ['no-zero'],
      run: { allocationsPerCore: 20, replications: 2 },
    });
    // a what-if variant is checked like a file; its lines name the variant instead of the file
    const got = badInput(['whatif', 'tiny.json', '--vary', 'run.warmupFraction=0.5,1,1.5', '--quiet'], dir);
    expect(got).toEqual([
      '--vary run.warmupFraction=1: run.warmupFraction: got 1 (expected a number in [0, 1))',
      '--vary run.warmupFraction=1.5: run.warmupFraction: got 1.5 (expected a number in [0, 1))',
    ]);
    expect(existsSync(join(dir, 'out', 'tiny-whatif', 'results.json'))).toBe(false);
  });
});

describe('--vary paths', () => {
  // a single unknown path is covered by a pattern in whatif.test.ts; these are the exact lines
  it('refuses paths that do not exist or are not single values, one line each, naming the flag', () => {
    const dir = scratchDir();
    writeFile(dir, 'tiny.json', {
      name: 'tiny',
      cores: [1],
      policies: ['no-zero'],
      run: { allocationsPerCore: 20, replications: 2 },
    });
    const noSuchField = (path: string) =>
      `--vary: ${path}: no such field in the scenario (expected a dot path under machine, workload, heap or run, such as workload.needZeroFraction, or policy.FIELD such as policy.dirtyTracking)`;
    const vary = [
      'machine.memory.bandwidth=1,2',
      'cores=1,2',
      'policy.nope=1',
      'policy.name=x',
      'run.seed.value=1',
      'workload.sizeBytes=1,2',
    ];
    expectProblems(['whatif', 'tiny.json', ...vary.flatMap((v) => ['--vary', v]), '--quiet'], dir, '--vary', [
      noSuchField('machine.memory.bandwidth'),
      noSuchField('cores'),
      noSuchField('policy.nope'),
      noSuchField('policy.name'),
      noSuchField('run.seed.value'),
      '--vary: workload.sizeBytes: is not a single value (expected a path to a number, boolean or name, such as workload.sizeBytes.value or workload.sizeBytes.mean for a distribution)',
    ]);
  });
});

describe('results files given to report', () => {
  // other tools, newer major versions, missing sections, lists and broken JSON: errors.test.ts
  it('refuses results whose tool or version is not an object or a version string', () => {
    const dir = scratchDir();
    writeFile(dir, 'noversion.json', { ...fakeResults(), tool: { name: 'zerosim' } });
    writeFile(dir, 'numeric.json', { ...fakeResults(), tool: { name: 'zerosim', version: 1 } });
    const ours = `(expected results from zerosim ${version.startsWith('0.') ? version.split('.').slice(0, 2).join('.') : version.split('.')[0]}.x or older; this is zerosim ${version})`;
    expectProblems(['report', 'noversion.json'], dir, 'noversion.json', [
      `noversion.json: tool.version: missing ${ours}`,
    ]);
    expectProblems(['report', 'numeric.json'], dir, 'numeric.json', [
      `numeric.json: tool.version: got 1 ${ours}`,
    ]);

    // a tool that is a string, not an object: the line names `tool` (it currently calls it "missing")
    writeFile(dir, 'string.json', { ...fakeResults(), tool: 'zerosim' });
    const got = badInput(['report', 'string.json'], dir);
    expect(got).toEqual([
      expect.stringMatching(/^string\.json: tool: .+ \(expected a results\.json written by zerosim run\)$/),
    ]);
  });

  it('refuses results that claim to be zerosim’s but whose points and scenario are not', () => {
    const dir = scratchDir();
    writeFile(dir, 'fake.json', {
      tool: { name: 'zerosim', version },
      scenario: { name: 'fake' },
      points: [{ policy: 'no-zero' }],
    });
    const got = badInput(['report', 'fake.json', '--out', 'out'], dir);
    expect(got.length).toBeGreaterThan(0);
    for (const line of got) expect(line).toMatch(/^fake\.json: \S+: .+ \(expected .+\)$/);
    expect(existsSync(join(dir, 'out', 'report.html'))).toBe(false);
  });
});

describe('the event budget', () => {
  const study = {
    name: 'big-study',
    cores: [1, 2],
    run: { allocationsPerCore: 100, replications: 2 },
  };
  // 4 default policies × (1 + 2) cores × 100 allocations × 2 replications × 9 events = 2.16e4
  const overBudget = (estimate: string, budget: string) =>
    new RegExp(
      String.raw`^(big\.json: run\.maxEvents|--max-events): the study would take about ${estimate} events, over the budget of ${budget} \(expected .*--max-events\)$`,
    );

  it('refuses a run over --max-events up front, giving the estimate, and writes no results', () => {
    const dir = scratchDir();
    writeFile(dir, 'big.json', study);
    const got = badInput(['run', 'big.json', '--max-events', '1000', '--out', 'out', '--quiet'], dir);
    expect(got).toEqual([expect.stringMatching(overBudget(String.raw`2\.16e\+4`, String.raw`1\.00e\+3`))]);
    expect(existsSync(join(dir, 'out', 'results.json'))).toBe(false);
  });

  it('refuses a run over the scenario’s own run.maxEvents, and a what-if grid over the budget in total', () => {
    const dir = scratchDir();
    writeFile(dir, 'big.json', { ...study, run: { ...study.run, maxEvents: 1000 } });
    expect(badInput(['run', 'big.json', '--quiet'], dir)).toEqual([
      expect.stringMatching(overBudget(String.raw`2\.16e\+4`, String.raw`1\.00e\+3`)),
    ]);
    // two values of one field: twice the events of the scenario
    const whatif = ['whatif', 'big.json', '--vary', 'machine.memory.totalClearGBps=30,60', '--quiet'];
    expect(badInput(whatif, dir)).toEqual([
      expect.stringMatching(overBudget(String.raw`4\.32e\+4`, String.raw`1\.00e\+3`)),
    ]);
  });

  it('refuses a study that would take hours at once, under the default budget', () => {
    const dir = scratchDir();
    writeFile(dir, 'big.json', {
      name: 'big-study',
      cores: [1, 64],
      run: { allocationsPerCore: 10_000_000 },
    });
    const started = Date.now();
    // 4 policies × 65 cores × 1e7 allocations × 5 replications × 9 events = 1.17e11 > 2e9
    expect(badInput(['run', 'big.json', '--quiet'], dir)).toEqual([
      expect.stringMatching(overBudget(String.raw`1\.17e\+11`, String.raw`2\.00e\+9`)),
    ]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
