// Valid scenarios resolve to exactly the expected Scenario: every default filled in, policies expanded.

import { describe, expect, it } from 'vitest';
import { loadScenarioText, loadScenarioValue } from '../../../sim/experiment/scenario/index.js';
import { presets } from '../../../sim/policies/registry.js';
import type { Scenario } from '../../../sim/types/index.js';
import {
  bareNumbers,
  contractsExample,
  everyFamily,
  minimal,
  policyChain,
  zeros,
} from './valid-scenarios.js';

/** The defaults of CONTRACTS.md's example, written out once so that a changed default is noticed. */
function expectedMinimal(): Scenario {
  return {
    name: 'tiny',
    title: 'tiny',
    description: '',
    cores: [1, 2, 8],
    policies: [
      { ...presets['go1.0-under-lock'] },
      { ...presets['go1.1-after-unlock'] },
      { ...presets['exact-dirty'] },
      { ...presets['no-zero'] },
    ],
    machine: {
      memory: { coreClearGBps: 20, totalClearGBps: 60, pageBytes: 4096, pageFaultNs: 1500, caches: [] },
      lock: {
        kind: 'fifo',
        acquireNs: 20,
        handoffNs: 200,
        migrateNs: 0,
        perWaiterNs: 0,
        spinNs: 0,
        wakeNs: 0,
        wakeLatencyNs: 0,
      },
    },
    workload: {
      workNs: { dist: 'exponential', mean: 20000 },
      sizeBytes: { dist: 'fixed', value: 16777216 },
      needZeroFraction: 1,
      liveBlocksPerCore: 2,
    },
    heap: {
      allocHoldNs: { dist: 'fixed', value: 700 },
      freeHoldNs: { dist: 'fixed', value: 200 },
      smallMaxBytes: 32768,
      smallAllocNs: 20,
      spanBytes: 65536,
      initialDirtyBytes: 0,
      maxFreeBytes: null,
      reuseOrder: 'lifo',
    },
    run: { allocationsPerCore: 20000, warmupFraction: 0.1, replications: 5, seed: 1, maxEvents: 2e9 },
  };
}

describe('loadScenarioText on valid input', () => {
  it('fills every default into a minimal scenario and sorts the core counts', () => {
    expect(loadScenarioText(minimal, 'tiny.json')).toEqual(expectedMinimal());
  });

  it('resolves the example of CONTRACTS.md, including a policy that extends a preset', () => {
    const scenario = loadScenarioText(contractsExample, 'example.json');
    const defaults = expectedMinimal();
    expect(scenario).toEqual({
      ...defaults,
      name: 'go-2012-huge-blocks',
      title: 'Huge blocks: zeroing under vs after the heap lock',
      description: 'free text, shown in the report (escaped)',
      cores: [1, 2, 4, 8, 16, 32, 64],
      policies: [
        { ...presets['go1.0-under-lock'] },
        { ...presets['go1.1-after-unlock'] },
        {
          ...presets['go1.1-after-unlock'],
          name: 'my-variant',
          extends: 'go1.1-after-unlock',
          description: 'go1.1-after-unlock with dirtyTracking=exact',
          dirtyTracking: 'exact',
        },
      ],
    });
  });

  it('reads a bare number as a fixed distribution, wherever a distribution goes', () => {
    const scenario = loadScenarioText(bareNumbers, 'n.json');
    expect(scenario.workload.workNs).toEqual({ dist: 'fixed', value: 0 });
    expect(scenario.workload.sizeBytes).toEqual({ dist: 'fixed', value: 4096 });
    expect(scenario.heap.allocHoldNs).toEqual({ dist: 'fixed', value: 700.5 });
    expect(scenario.heap.freeHoldNs).toEqual({ dist: 'fixed', value: 0 });
  });

  it('accepts every distribution family and keeps its parameters', () => {
    const scenario = loadScenarioText(JSON.stringify(everyFamily), 'd.json');
    expect(scenario.workload).toMatchObject(everyFamily.workload);
    expect(scenario.heap).toMatchObject(everyFamily.heap);
  });

  it('accepts zero where zero means something', () => {
    const scenario = loadScenarioText(JSON.stringify(zeros), 'zeros.json');
    expect(scenario.heap.smallMaxBytes).toBe(0);
    expect(scenario.heap.maxFreeBytes).toBe(0);
    expect(scenario.run.seed).toBe(0);
  });

  it('resolves policies that extend policies defined later in the list, and stand-alone policies', () => {
    const scenario = loadScenarioText(JSON.stringify(policyChain), 'p.json');
    const background = presets['background-zeroer'];
    expect(scenario.policies).toEqual([
      {
        ...background,
        name: 'b',
        extends: 'a',
        description: 'b, unchunked',
        zeroerThreads: 4,
        chunkBytes: 0,
      },
      {
        ...background,
        name: 'a',
        extends: 'background-zeroer',
        description: 'background-zeroer with zeroerThreads=4',
        zeroerThreads: 4,
      },
      { ...policyChain.policies[2], description: 'defined in the scenario' },
      { ...presets['no-zero'] },
    ]);
  });

  it('loads a resolved scenario back to itself, so saved results can be re-run', () => {
    const scenario = loadScenarioText(contractsExample, 'example.json');
    const again = loadScenarioValue(JSON.parse(JSON.stringify(scenario)), 'results.json');
    expect(again).toEqual(scenario);
    const minimal = loadScenarioText('{"name": "tiny", "cores": [1]}', 'tiny.json');
    expect(loadScenarioValue(JSON.parse(JSON.stringify(minimal)), 'results.json')).toEqual(minimal);
  });

  it('gives every scenario its own objects', () => {
    const first = loadScenarioText('{"name": "a", "cores": [1]}', 'a.json');
    first.workload.workNs = { dist: 'fixed', value: 1 };
    first.policies[0].chunkBytes = 4096;
    first.machine.memory.pageBytes = 1;
    const second = loadScenarioText('{"name": "a", "cores": [1]}', 'a.json');
    expect(second).toEqual({ ...expectedMinimal(), name: 'a', title: 'a', cores: [1] });
    expect(presets['go1.0-under-lock'].chunkBytes).toBe(0);
  });

  it('ignores a leading byte-order mark', () => {
    expect(loadScenarioText('\uFEFF{"name": "bom", "cores": [1]}', 'bom.json').name).toBe('bom');
  });
});
