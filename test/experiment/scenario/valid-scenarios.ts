// Valid scenario files, shared by the loader's tests (load-valid) and the JSON Schema's (json-schema),
// so that every valid fixture is also checked against the printed schema.

// CONTRACTS.md's example scenario, comments removed
export const contractsExample = `{
  "name": "go-2012-huge-blocks",
  "title": "Huge blocks: zeroing under vs after the heap lock",
  "description": "free text, shown in the report (escaped)",
  "cores": [1, 2, 4, 8, 16, 32, 64],
  "policies": ["go1.0-under-lock", "go1.1-after-unlock",
               {"name": "my-variant", "extends": "go1.1-after-unlock", "dirtyTracking": "exact"}],
  "machine": {
    "memory": { "coreClearGBps": 20, "totalClearGBps": 60, "pageBytes": 4096, "pageFaultNs": 1500 },
    "lock":   { "acquireNs": 20, "handoffNs": 200 }
  },
  "workload": {
    "workNs":    { "dist": "exponential", "mean": 20000 },
    "sizeBytes": { "dist": "fixed", "value": 16777216 },
    "needZeroFraction": 1.0,
    "liveBlocksPerCore": 2
  },
  "heap": {
    "allocHoldNs": { "dist": "fixed", "value": 700 },
    "freeHoldNs":  { "dist": "fixed", "value": 200 },
    "smallMaxBytes": 32768, "smallAllocNs": 20, "spanBytes": 65536,
    "initialDirtyBytes": 0
  },
  "run": { "allocationsPerCore": 20000, "warmupFraction": 0.1, "replications": 5, "seed": 1 }
}`;

/** Only the two required fields, cores unsorted. */
export const minimal = '{"name": "tiny", "cores": [8, 1, 2]}';

/** A bare number wherever a distribution goes. */
export const bareNumbers =
  '{"name": "n", "cores": [1], "workload": {"workNs": 0, "sizeBytes": 4096}, "heap": {"allocHoldNs": 700.5, "freeHoldNs": 0}}';

/** Every distribution family once. */
export const everyFamily = {
  name: 'd',
  cores: [1],
  workload: {
    workNs: { dist: 'uniform', min: 0, max: 10 },
    sizeBytes: { dist: 'empirical', values: [4096, 1048576], weights: [3, 0] },
  },
  heap: {
    allocHoldNs: { dist: 'lognormal', median: 700, sigma: 0 },
    freeHoldNs: { dist: 'exponential', mean: 0.5 },
  },
};

/** Zero wherever zero means something. */
export const zeros = {
  name: 'zeros',
  cores: [1],
  machine: { memory: { pageFaultNs: 0 }, lock: { acquireNs: 0, handoffNs: 0 } },
  workload: { needZeroFraction: 0 },
  heap: { smallMaxBytes: 0, smallAllocNs: 0, initialDirtyBytes: 0, maxFreeBytes: 0 },
  run: { warmupFraction: 0, seed: 0 },
};

/** Policies that extend policies defined later in the list, a stand-alone policy and a preset. */
export const policyChain = {
  name: 'p',
  cores: [1],
  policies: [
    { name: 'b', extends: 'a', chunkBytes: 0, description: 'b, unchunked' },
    { name: 'a', extends: 'background-zeroer', zeroerThreads: 4 },
    {
      name: 'scratch',
      zeroAt: 'on-free',
      honorNeedZero: false,
      dirtyTracking: 'none',
      freshIsZero: false,
      zeroerThreads: 0,
      chunkBytes: 8192,
      reuseOrder: 'clean-first',
    },
    'no-zero',
  ],
} as const;

/** Every fixture above as the text of a scenario file, by name. */
export const validScenarioTexts: Readonly<Record<string, string>> = {
  contractsExample,
  minimal,
  bareNumbers,
  everyFamily: JSON.stringify(everyFamily),
  zeros: JSON.stringify(zeros),
  policyChain: JSON.stringify(policyChain),
};
