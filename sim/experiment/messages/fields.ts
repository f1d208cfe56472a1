// What each scenario field means, in words, for the JSON Schema that `zerosim schema` prints (editors
// show it on hover). Keyed by dot path; `policies.FIELD` is a field of a policy object. Units and
// defaults are not written here: json-schema.ts adds them from the field's name and the defaults.

export const scenarioSchemaTitle = 'zerosim scenario';

export const scenarioSchemaDescription =
  'A zerosim scenario: the machine, workload, heap and policies to simulate, and how long to run. ' +
  'Every field except name and cores has a default. zerosim also checks what this schema cannot say: ' +
  'each policy is listed once and extends a known policy without a cycle, a uniform max is at least ' +
  'its min, and an empirical distribution has one weight per value, with a positive sum.';

/** Each field's meaning by dot path; `presets` are the preset names a policies entry may give. */
export function scenarioFieldDocs(presets: readonly string[]): Readonly<Record<string, string>> {
  return {
    $schema: 'the JSON Schema this file follows, for editors; zerosim ignores it',
    name: 'lower-case letters, digits and "-"; names the output folder',
    title: 'shown in the report; defaults to the name',
    description: 'free text shown in the report',
    cores: 'the core counts to simulate, each a distinct integer',
    policies: `the zeroing policies to compare: presets (${presets.join(', ')}), or objects that define a policy`,
    'policies.name': 'the policy’s name in tables and charts',
    'policies.extends':
      'the preset or scenario policy this one starts from; every field it omits is taken from there',
    'policies.description': 'shown in the report',
    'policies.zeroAt': 'where dirty bytes are cleared',
    'policies.honorNeedZero': 'skip clearing when the caller does not need zeroed memory',
    'policies.dirtyTracking':
      'how dirtiness is known: span clears a whole allocation when any byte is dirty, exact only its dirty bytes, none clears everything',
    'policies.freshIsZero':
      'fresh OS memory counts as clean; false writes it, paying its page faults and its clear',
    'policies.zeroerThreads': 'for zeroAt background: dedicated threads that clear dirty free memory',
    'policies.chunkBytes': 'clears run in pieces of this size (0: in one piece)',
    'policies.reuseOrder': 'which free pool an allocation draws from first',
    machine: 'the simulated machine',
    'machine.memory': 'clear bandwidth and page faults',
    'machine.memory.coreClearGBps': 'the clear bandwidth one core reaches alone (1 GB/s = 1 byte/ns)',
    'machine.memory.totalClearGBps': 'the clear bandwidth all cores share (processor sharing)',
    'machine.memory.pageBytes': 'the page size',
    'machine.memory.pageFaultNs': 'the cost of the first touch of a fresh page, on the touching core',
    'machine.memory.caches':
      'cache levels from the core outwards, private ones first, each larger than the one before; a clear runs at the rate of the first level that holds its bytes, the rest at DRAM’s; empty: every clear streams to DRAM',
    'machine.memory.caches.name': 'the level’s name in results (letters, digits, _ and -; not dram)',
    'machine.memory.caches.bytes':
      'the level holds a byte while its writer (private) or all writers (shared) have written at most this since',
    'machine.memory.caches.shared': 'one level for all cores (a processor-shared pool) or one per core',
    'machine.memory.caches.coreGBps': 'one clear’s rate in this level',
    'machine.memory.caches.totalGBps':
      'shared levels only, and required there: the rate all clears in it share',
    'machine.memory.caches.remoteGBps':
      'private levels only: one clear’s rate for bytes another core wrote last and still holds in its copy of the level (a cache-to-cache transfer); absent: those bytes come from a shared level or DRAM',
    'machine.lock': 'the heap lock',
    'machine.lock.kind': 'how the lock hands itself on',
    'machine.lock.acquireNs': 'an uncontended acquire plus release',
    'machine.lock.handoffNs': 'extra cost to a waiting core when the lock passes to it',
    workload: 'what each core does in its loop: work, allocate, free',
    'workload.workNs': 'mutator work between allocations',
    'workload.sizeBytes': 'the size of each allocation',
    'workload.needZeroFraction': 'the share of allocations whose caller needs zeroed memory',
    'workload.liveBlocksPerCore':
      'each core keeps this many most recent blocks alive; 0: a block goes back to the heap right after its allocation, before the next work',
    heap: 'the allocator',
    'heap.allocHoldNs': 'lock hold time of a large allocation (span search and bookkeeping)',
    'heap.freeHoldNs': 'lock hold time of a free; 0: freeing takes no lock',
    'heap.smallMaxBytes':
      'allocations up to this size come from a per-core cache; 0: every allocation takes the large path',
    'heap.smallAllocNs': 'the cost of a small allocation from the per-core cache',
    'heap.spanBytes': 'a per-core cache refills with a span of this size through the large path',
    'heap.initialDirtyBytes': 'dirty free memory at the start (a warm heap)',
    'heap.maxFreeBytes':
      'free memory the heap keeps; bytes freed beyond it go back to the OS; null keeps all',
    'heap.reuseOrder':
      'with cache levels: the order of free extents within the dirty and within the clean ones (lifo: the last freed first)',
    run: 'how long and how often to simulate each point',
    'run.allocationsPerCore': 'each replication runs until cores × this many allocations completed',
    'run.warmupFraction': 'the share of simulated time dropped as warm-up',
    'run.replications': 'independent replications per point, for confidence intervals',
    'run.seed': 'the scenario seed; every point’s streams derive from it, the core count and the replication',
    'run.maxEvents': 'runs whose estimated event count exceeds this are refused up front',
  };
}

/** A distribution field: a bare number or one of the family objects. */
export const distributionFieldDoc = 'a number (always that value) or {"dist": family, ...parameters}';

/** A family object's parameters; `unit` is the field's unit, e.g. " [ns]", or "". */
export function distParamDoc(family: string, param: string, unit: string): string | undefined {
  const docs: Record<string, string> = {
    'fixed.value': `always this value${unit}`,
    'exponential.mean': `the mean${unit}`,
    'uniform.min': `the lowest value${unit}`,
    'uniform.max': `the highest value${unit}, at least min`,
    'lognormal.median': `the median${unit}`,
    'lognormal.sigma': 'the standard deviation of the logarithm',
    'empirical.values': `the values drawn${unit}`,
    'empirical.weights': 'relative weights, one per value, summing to more than 0',
  };
  return docs[`${family}.${param}`];
}
