// Invalid scenarios: each case gives exactly the expected problem lines, all of them at once, as an
// InputError (never a plain Error, never only the first problem).

import { describe, expect, it } from 'vitest';
import { InputError, loadScenarioText } from '../../../sim/experiment/scenario/index.js';

/** The problem lines for `text`, failing the test if it loads. */
function problems(text: string, file = 's.json'): string[] {
  try {
    loadScenarioText(text, file);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('the scenario loaded, but it should not have');
}

/** A scenario with the given fields added to a valid minimum. */
function withFields(fields: Record<string, unknown>): string {
  return JSON.stringify({ name: 'x', cores: [1], ...fields });
}

const presetList =
  'go1.0-under-lock, go1.1-after-unlock, exact-dirty, go1.24-regression, zero-on-free, background-zeroer, no-zero';
const families = '"fixed", "exponential", "uniform", "lognormal", "empirical"';
const distExpected = 'a number, or a distribution such as {"dist": "exponential", "mean": 20000}';

describe('loadScenarioText on malformed JSON', () => {
  it.each([
    [
      'an empty file',
      '',
      'line 1, column 1: invalid JSON: unexpected end of text (expected a value: an object, list, string, number, true, false or null)',
    ],
    [
      'a trailing comma',
      '{"name": "x",\n "cores": [1],\n}',
      'line 3, column 1: invalid JSON: unexpected "}" (expected a property name in double quotes; JSON allows no trailing comma)',
    ],
    [
      'a comment',
      '{"name": "x", // the name\n "cores": [1]}',
      'line 1, column 15: invalid JSON: unexpected "/": JSON has no comments (expected a property name in double quotes; JSON allows no trailing comma)',
    ],
    [
      'a missing comma',
      '{\n  "name": "x"\n  "cores": [1]\n}',
      'line 3, column 3: invalid JSON: unexpected "\\"" (expected "," or "}")',
    ],
    [
      'single quotes',
      "{'name': 'x'}",
      `line 1, column 2: invalid JSON: unexpected "'": JSON strings use double quotes (expected a property name in double quotes; JSON allows no trailing comma)`,
    ],
    [
      'an unclosed list',
      '{"name": "x", "cores": [1, 2',
      'line 1, column 29: invalid JSON: unexpected end of text (expected "," or "]")',
    ],
    [
      'NaN, which JSON lacks',
      '{"name": "x", "cores": [NaN]}',
      'line 1, column 25: invalid JSON: unexpected "N" (expected a value: an object, list, string, number, true, false or null)',
    ],
    [
      'text after the object',
      '{"name": "x", "cores": [1]} {}',
      'line 1, column 29: invalid JSON: unexpected "{" (expected the end of the text after the top-level value)',
    ],
    [
      'an unterminated string',
      '{"name": "x\n", "cores": [1]}',
      'line 1, column 12: invalid JSON: unexpected control character U+000a (expected a closing double quote on the same line)',
    ],
  ])('locates %s', (_, text, line) => {
    expect(problems(text)).toEqual([`s.json: ${line}`]);
  });
});

describe('loadScenarioText on wrong shapes and values', () => {
  it.each([
    [
      'a list at the top',
      '[1, 2]',
      ['s.json: (top level): got [1,2] (expected a scenario object with at least "name" and "cores")'],
    ],
    [
      'missing name and cores',
      '{}',
      [
        's.json: name: missing (expected lowercase letters, digits and "-", e.g. "go-2012-huge-blocks")',
        's.json: cores: missing (expected a non-empty list of core counts, e.g. [1, 2, 4])',
      ],
    ],
    [
      'a bad name',
      '{"name": "Huge Blocks", "cores": [1]}',
      [
        's.json: name: got "Huge Blocks" (expected lowercase letters, digits and "-", e.g. "go-2012-huge-blocks")',
      ],
    ],
    [
      'empty cores',
      '{"name": "x", "cores": []}',
      ['s.json: cores: got [] (expected a non-empty list of core counts, e.g. [1, 2, 4])'],
    ],
    [
      '0, fractional, too many and quoted cores',
      '{"name": "x", "cores": [0, 1.5, 65537, "4"]}',
      [
        's.json: cores[0]: got 0 (expected an integer from 1 to 65536)',
        's.json: cores[1]: got 1.5 (expected an integer from 1 to 65536)',
        's.json: cores[2]: got 65537 (expected an integer from 1 to 65536)',
        's.json: cores[3]: got "4" (expected an integer from 1 to 65536)',
      ],
    ],
    [
      'duplicate cores',
      '{"name": "x", "cores": [1, 4, 2, 4]}',
      ['s.json: cores[3]: 4 is listed twice, first at cores[1] (expected each core count once)'],
    ],
    [
      'a string title and a numeric description',
      withFields({ title: 3, description: ['a'] }),
      ['s.json: title: got 3 (expected a string)', 's.json: description: got ["a"] (expected a string)'],
    ],
    [
      'wrong types in machine',
      withFields({ machine: { memory: { coreClearGBps: '20', totalClearGBps: true }, lock: [] } }),
      [
        's.json: machine.memory.coreClearGBps: got "20" (expected a number > 0)',
        's.json: machine.memory.totalClearGBps: got true (expected a number > 0)',
        's.json: machine.lock: got [] (expected an object)',
      ],
    ],
    [
      'an unknown lock kind',
      withFields({ machine: { lock: { kind: 'mcs' } } }),
      ['s.json: machine.lock.kind: got "mcs" (expected one of "fifo", "ticket", "futex")'],
    ],
    [
      'negative and NaN-like values',
      withFields({
        machine: {
          memory: { coreClearGBps: 0, pageBytes: 4096.5, pageFaultNs: -1 },
          lock: { acquireNs: 'NaN', handoffNs: 'Infinity' },
        },
        workload: { needZeroFraction: 1.5, liveBlocksPerCore: -1 },
        heap: { smallMaxBytes: -1, spanBytes: 0, initialDirtyBytes: -4096, maxFreeBytes: 'all' },
      }),
      [
        's.json: machine.memory.coreClearGBps: got 0 (expected a number > 0)',
        's.json: machine.memory.pageBytes: got 4096.5 (expected an integer >= 1)',
        's.json: machine.memory.pageFaultNs: got -1 (expected a number >= 0)',
        's.json: machine.lock.acquireNs: got "NaN" (expected a number >= 0)',
        's.json: machine.lock.handoffNs: got "Infinity" (expected a number >= 0)',
        's.json: workload.needZeroFraction: got 1.5 (expected a number in [0, 1])',
        's.json: workload.liveBlocksPerCore: got -1 (expected an integer >= 0)',
        's.json: heap.smallMaxBytes: got -1 (expected an integer >= 0)',
        's.json: heap.spanBytes: got 0 (expected an integer >= 1)',
        's.json: heap.initialDirtyBytes: got -4096 (expected an integer >= 0)',
        's.json: heap.maxFreeBytes: got "all" (expected an integer >= 0, or null to keep all free memory)',
      ],
    ],
    [
      'a number too large for JSON doubles',
      '{"name": "x", "cores": [1], "run": {"maxEvents": 1e999}}',
      ['s.json: run.maxEvents: got Infinity (expected an integer >= 1)'],
    ],
    [
      'run settings out of range',
      withFields({ run: { allocationsPerCore: 0, warmupFraction: 1, replications: 1, seed: 4294967296 } }),
      [
        's.json: run.allocationsPerCore: got 0 (expected an integer >= 1)',
        's.json: run.warmupFraction: got 1 (expected a number in [0, 1))',
        's.json: run.replications: got 1 (expected an integer >= 2: a 95% confidence interval needs two replications)',
        's.json: run.seed: got 4294967296 (expected an integer from 0 to 4294967295)',
      ],
    ],
    [
      'a negative seed and fractional replications',
      withFields({ run: { seed: -1, replications: 2.5 } }),
      [
        's.json: run.replications: got 2.5 (expected an integer >= 2: a 95% confidence interval needs two replications)',
        's.json: run.seed: got -1 (expected an integer from 0 to 4294967295)',
      ],
    ],
    [
      'unknown keys, with suggestions',
      withFields({ polices: [], workload: { sizeByte: 1, foo: 2 } }),
      [
        's.json: workload.sizeByte: unknown key; did you mean "sizeBytes"? (expected one of workNs, sizeBytes, needZeroFraction, liveBlocksPerCore)',
        's.json: workload.foo: unknown key (expected one of workNs, sizeBytes, needZeroFraction, liveBlocksPerCore)',
        's.json: polices: unknown key; did you mean "policies"? (expected one of name, title, description, cores, policies, machine, machineSource, workload, heap, run, $schema)',
      ],
    ],
  ])('reports %s', (_, text, lines) => {
    expect(problems(text)).toEqual(lines);
  });
});

describe('loadScenarioText on bad distributions', () => {
  it.each([
    ['a string', { workNs: 'NaN' }, [`s.json: workload.workNs: got "NaN" (expected ${distExpected})`]],
    ['a negative bare number', { workNs: -1 }, ['s.json: workload.workNs: got -1 (expected a number >= 0)']],
    ['a zero size', { sizeBytes: 0 }, ['s.json: workload.sizeBytes: got 0 (expected a number > 0)']],
    [
      'a missing parameter',
      { workNs: { dist: 'exponential' } },
      ['s.json: workload.workNs.mean: missing (expected a number > 0)'],
    ],
    [
      'a missing dist',
      { workNs: { mean: 5 } },
      [`s.json: workload.workNs.dist: missing (expected "dist" to be one of ${families})`],
    ],
    [
      'an unknown family',
      { workNs: { dist: 'normal', mean: 5 } },
      [`s.json: workload.workNs.dist: got "normal" (expected "dist" to be one of ${families})`],
    ],
    [
      'a parameter of another family',
      { workNs: { dist: 'fixed', value: 1, mean: 2 } },
      ['s.json: workload.workNs.mean: unknown key (expected one of dist, value)'],
    ],
    [
      'a negative mean',
      { workNs: { dist: 'exponential', mean: -20000 } },
      ['s.json: workload.workNs.mean: got -20000 (expected a number > 0)'],
    ],
    [
      'a zero uniform size',
      { sizeBytes: { dist: 'uniform', min: 0, max: 10 } },
      ['s.json: workload.sizeBytes.min: got 0 (expected a number > 0)'],
    ],
    [
      'uniform min above max',
      { workNs: { dist: 'uniform', min: 10, max: 5 } },
      ['s.json: workload.workNs.max: max 5 is below min 10 (expected max >= min)'],
    ],
    [
      'a negative lognormal sigma',
      { workNs: { dist: 'lognormal', median: 100, sigma: -0.5 } },
      ['s.json: workload.workNs.sigma: got -0.5 (expected a number >= 0)'],
    ],
    [
      'weights summing to 0',
      { sizeBytes: { dist: 'empirical', values: [1, 2], weights: [0, 0] } },
      [
        's.json: workload.sizeBytes.weights: the weights sum to 0 (expected weights >= 0 with a positive sum)',
      ],
    ],
    [
      'a negative weight',
      { sizeBytes: { dist: 'empirical', values: [1, 2], weights: [2, -1] } },
      ['s.json: workload.sizeBytes.weights[1]: got -1 (expected a number >= 0)'],
    ],
    [
      'weights and values of different lengths',
      { sizeBytes: { dist: 'empirical', values: [1, 2, 3], weights: [1, 1] } },
      ['s.json: workload.sizeBytes.weights: 2 weights for 3 values (expected one weight per value)'],
    ],
    [
      'no values',
      { sizeBytes: { dist: 'empirical', values: [], weights: [] } },
      [
        's.json: workload.sizeBytes.values: got [] (expected a list of at least 1 item)',
        's.json: workload.sizeBytes.weights: got [] (expected a list of at least 1 item)',
      ],
    ],
  ])('reports %s', (_, workload, lines) => {
    expect(problems(withFields({ workload }))).toEqual(lines);
  });
});

describe('loadScenarioText on bad policies', () => {
  it.each([
    ['an empty list', [], ['s.json: policies: got [] (expected a non-empty list of policies)']],
    [
      'an unknown preset, with a suggestion',
      ['go1.1-afterunlock'],
      [
        `s.json: policies[0]: unknown policy "go1.1-afterunlock"; did you mean "go1.1-after-unlock"? (expected a preset (${presetList}), or an object with "name" and "extends" for anything else)`,
      ],
    ],
    [
      'a policy extending itself',
      [{ name: 'mine', extends: 'mine' }],
      [
        's.json: policies[0].extends: "mine" extends itself (expected a chain of "extends" that ends at a preset)',
      ],
    ],
    [
      'a cycle of extends, reported once',
      ['no-zero', { name: 'b', extends: 'c' }, { name: 'a', extends: 'b' }, { name: 'c', extends: 'a' }],
      [
        's.json: policies[1].extends: extends goes round in a cycle: b -> c -> a -> b (expected a chain of "extends" that ends at a preset)',
      ],
    ],
    [
      'an unknown base',
      [
        { name: 'mine', extends: 'exact' },
        { name: 'other', extends: 'no-zero' },
      ],
      [
        `s.json: policies[0].extends: unknown policy "exact" (expected a preset (${presetList}), or a policy of this scenario (mine, other))`,
      ],
    ],
    [
      'a duplicate',
      ['exact-dirty', { name: 'exact-dirty', extends: 'no-zero' }],
      [
        's.json: policies[1].name: "exact-dirty" is listed twice, first at policies[0] (expected each policy once)',
      ],
    ],
    [
      'a preset name reused',
      [{ name: 'no-zero', extends: 'exact-dirty' }],
      [
        's.json: policies[0].name: "no-zero" is already a preset (expected a new name for a policy that extends a preset)',
      ],
    ],
    [
      'an object without extends or all axes',
      [{ name: 'mine', dirtyTracking: 'exact' }],
      [
        's.json: policies[0].extends: missing, and zeroAt, honorNeedZero, freshIsZero, zeroerThreads, chunkBytes, reuseOrder are not given either (expected "extends" naming a policy to inherit from, or a value for every axis)',
      ],
    ],
    [
      'bad axis values and an unknown key, next to reference problems',
      [
        3,
        {
          name: 'Mine',
          extends: 'no-zero',
          zeroAt: 'later',
          honorNeedZero: 'yes',
          chunkBytes: -1,
          zeroAtt: 1,
        },
        'nope',
      ],
      [
        's.json: policies[0]: got 3 (expected a preset name, or a policy such as {"name": "my-variant", "extends": "go1.1-after-unlock", "dirtyTracking": "exact"})',
        's.json: policies[1].name: got "Mine" (expected lowercase letters, digits, "." and "-", e.g. "my-variant")',
        's.json: policies[1].zeroAt: got "later" (expected one of "under-lock", "after-unlock", "on-free", "background", "never")',
        's.json: policies[1].honorNeedZero: got "yes" (expected true or false)',
        's.json: policies[1].chunkBytes: got -1 (expected an integer >= 0)',
        's.json: policies[1].zeroAtt: unknown key; did you mean "zeroAt"? (expected one of name, extends, description, zeroAt, honorNeedZero, dirtyTracking, freshIsZero, zeroerThreads, chunkBytes, reuseOrder)',
        `s.json: policies[2]: unknown policy "nope" (expected a preset (${presetList}), or an object with "name" and "extends" for anything else)`,
      ],
    ],
  ])('reports %s', (_, policies, lines) => {
    expect(problems(withFields({ policies }))).toEqual(lines);
  });
});

describe('loadScenarioText on rules spanning fields', () => {
  it('checks chunk sizes against the page size, including inherited ones', () => {
    const text = withFields({
      machine: { memory: { pageBytes: 2097152 } },
      policies: [
        'go1.0-under-lock',
        'go1.1-after-unlock',
        { name: 'mine', extends: 'no-zero', chunkBytes: 4194304 },
      ],
    });
    expect(problems(text)).toEqual([
      's.json: policies[1].chunkBytes: 262144 is not a multiple of machine.memory.pageBytes (2097152) (expected 0 for one unchunked clear, or a multiple of the page size)',
    ]);
  });

  it('needs a zeroing thread for background zeroing', () => {
    const text = withFields({ policies: [{ name: 'idle', extends: 'background-zeroer', zeroerThreads: 0 }] });
    expect(problems(text)).toEqual([
      's.json: policies[0].zeroerThreads: got 0 (expected an integer >= 1 when zeroAt is "background")',
    ]);
  });

  it('needs a span to hold a small object', () => {
    expect(problems(withFields({ heap: { smallMaxBytes: 131072 } }))).toEqual([
      's.json: heap.spanBytes: 65536 is smaller than heap.smallMaxBytes (131072) (expected a span that holds at least one small object)',
    ]);
    expect(
      loadScenarioText(withFields({ heap: { smallMaxBytes: 131072, spanBytes: 131072 } }), 's.json').heap
        .spanBytes,
    ).toBe(131072);
  });
});

describe('loadScenarioText on cache levels', () => {
  const l2 = { name: 'l2', bytes: 1048576, shared: false, coreGBps: 100 };
  const l3 = { name: 'l3', bytes: 33554432, shared: true, coreGBps: 50, totalGBps: 200 };
  const caches = (levels: unknown[], heap: object = {}) =>
    problems(withFields({ machine: { memory: { caches: levels } }, heap }));

  it('accepts levels in order, and an unknown heap.reuseOrder is refused', () => {
    const valid = loadScenarioText(withFields({ machine: { memory: { caches: [l2, l3] } } }), 's.json');
    expect(valid.machine.memory.caches).toEqual([l2, l3]);
    expect(caches([l2], { reuseOrder: 'random' })).toEqual([
      's.json: heap.reuseOrder: got "random" (expected one of "lifo", "fifo", "address")',
    ]);
  });

  it('refuses a level not larger than the one before it', () => {
    expect(caches([l2, { ...l3, bytes: 1048576 }])).toEqual([
      's.json: machine.memory.caches[1].bytes: 1048576 is not larger than caches[0].bytes (1048576) (expected each level larger than the one before it, from the core outwards)',
    ]);
  });

  it('refuses a private level after a shared one', () => {
    expect(caches([{ ...l3, bytes: 524288 }, l2])).toEqual([
      's.json: machine.memory.caches[1].shared: a private level after the shared level caches[0] (expected private levels first, then shared ones, from the core outwards)',
    ]);
  });

  it('wants totalGBps on shared levels only', () => {
    const { totalGBps: _, ...noTotal } = l3;
    expect(caches([{ ...l2, totalGBps: 100 }, noTotal])).toEqual([
      's.json: machine.memory.caches[0].totalGBps: a private level has no total: each core has its own (expected totalGBps on every shared level, and only there)',
      's.json: machine.memory.caches[1].totalGBps: missing on a shared level (expected totalGBps on every shared level, and only there)',
    ]);
  });

  it('refuses repeated names, the name dram, unknown keys and missing fields', () => {
    expect(caches([l2, { ...l3, name: 'l2' }, { ...l3, name: 'dram', bytes: 67108864 }])).toEqual([
      's.json: machine.memory.caches[1].name: "l2" is the name of caches[0] already (expected a distinct name for each level, other than "dram")',
      's.json: machine.memory.caches[2].name: got "dram" (expected a distinct name for each level, other than "dram")',
    ]);
    expect(caches([{ ...l2, name: '2nd level' }])).toEqual([
      's.json: machine.memory.caches[0].name: got "2nd level" (expected a name of letters, digits, "_" and "-" that starts with a letter, e.g. "l2")',
    ]);
    const lines = caches([{ name: 'l1', bytes: 32768, shared: false, coreGbps: 200 }]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^s\.json: machine\.memory\.caches\[0\]\.coreGBps: /);
    expect(lines[1]).toMatch(
      /^s\.json: machine\.memory\.caches\[0\]\.coreGbps: unknown key; did you mean "coreGBps"\?/,
    );
  });
});

describe('InputError', () => {
  it('collects problems from every section at once and names the file in each line', () => {
    const lines = problems(
      '{"name": "ok", "cores": [0], "workload": {"workNs": -1}, "run": {"seed": 0.5}, "extra": 1}',
      'dir/my scenario.json',
    );
    expect(lines).toEqual([
      'dir/my scenario.json: cores[0]: got 0 (expected an integer from 1 to 65536)',
      'dir/my scenario.json: workload.workNs: got -1 (expected a number >= 0)',
      'dir/my scenario.json: run.seed: got 0.5 (expected an integer from 0 to 4294967295)',
      'dir/my scenario.json: extra: unknown key (expected one of name, title, description, cores, policies, machine, machineSource, workload, heap, run, $schema)',
    ]);
  });

  it('is an Error whose message is the problem lines', () => {
    try {
      loadScenarioText('{}', 'a.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect(error).toBeInstanceOf(Error);
      expect((error as InputError).message).toBe((error as InputError).problems.join('\n'));
    }
  });
});
