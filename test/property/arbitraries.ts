// Random *valid* scenario files, as users write them (bare numbers for distributions, optional fields
// left out, presets by name, policies that extend presets or each other), small enough that every
// point of a scenario simulates in milliseconds. The property tests resolve them through
// loadScenarioValue, so validation is exercised too: a generated scenario it refuses is a failure.

import fc from 'fast-check';
import { makeSampler } from '../../sim/dist/index.js';
import { type PresetName, presetNames, presets } from '../../sim/policies/registry.js';
import type { DistSpec } from '../../sim/types/index.js';

/** A distribution field as written in a scenario file: a bare number is a fixed value. */
export type DistJson =
  | number
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'lognormal'; median: number; sigma: number }
  | { dist: 'empirical'; values: number[]; weights: number[] };

/** A policy entry as written in a scenario file: a preset's name, or an object extending one. */
export type PolicyJson = string | ({ name: string; extends: string } & Partial<PolicyAxes>);

interface PolicyAxes {
  zeroAt: 'under-lock' | 'after-unlock' | 'on-free' | 'background' | 'never';
  honorNeedZero: boolean;
  dirtyTracking: 'span' | 'exact' | 'none';
  freshIsZero: boolean;
  zeroerThreads: number;
  chunkBytes: number;
  reuseOrder: 'dirty-first' | 'clean-first';
}

/** A cache level as written in a scenario file. */
export interface CacheLevelJson {
  name: string;
  bytes: number;
  shared: boolean;
  coreGBps: number;
  totalGBps?: number;
  remoteGBps?: number;
}

/** A scenario file's JSON value: plain data, so fast-check prints a failing one in full. */
export interface ScenarioJson {
  name: string;
  title?: string;
  description?: string;
  cores: number[];
  policies: PolicyJson[];
  machine: {
    memory: {
      coreClearGBps: number;
      totalClearGBps: number;
      pageBytes: number;
      pageFaultNs?: number;
      caches?: CacheLevelJson[];
    };
    lock?: {
      kind?: 'fifo' | 'ticket' | 'futex';
      acquireNs?: number;
      handoffNs?: number;
      migrateNs?: number;
      perWaiterNs?: number;
      spinNs?: number;
      wakeNs?: number;
      wakeLatencyNs?: number;
    };
  };
  workload: {
    workNs: DistJson;
    sizeBytes: DistJson;
    needZeroFraction?: number;
    liveBlocksPerCore?: number;
  };
  heap: {
    allocHoldNs?: DistJson;
    freeHoldNs?: DistJson;
    smallMaxBytes: number;
    smallAllocNs?: number;
    spanBytes: number;
    initialDirtyBytes?: number;
    maxFreeBytes?: number | null;
    reuseOrder?: 'lifo' | 'fifo' | 'address';
  };
  run: { allocationsPerCore: number; warmupFraction?: number; replications: number; seed?: number };
}

const MiB = 1024 * 1024;
const maxSizeBytes = 64 * MiB;

/**
 * Zeroing threads clear dirty memory one chunk per event, so a page-sized chunk over gigabytes of
 * freed memory would take millions of events. A background policy's chunk is widened (staying a
 * page multiple) until its chunks over all the memory that can become dirty stay under this.
 */
export const maxZeroerChunks = 40_000;

/** 0, or whole nanoseconds up to maxNs. */
const durationNs = (maxNs: number) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max: maxNs }));

/** Block sizes from 1 B to 64 MiB, spread evenly over the powers of two in between. */
export const sizeBytesArb = fc
  .tuple(fc.integer({ min: 0, max: 26 }), fc.integer({ min: 0, max: 1023 }))
  .map(([exponent, fraction]) => Math.min(maxSizeBytes, Math.floor(2 ** exponent * (1 + fraction / 1024))));

/** Every distribution family (and the bare-number form) over `value`; means and medians from `positive`. */
function distribution(value: fc.Arbitrary<number>, positive: fc.Arbitrary<number>, maxSigma: number) {
  return fc.oneof(
    value,
    value.map((v): DistJson => ({ dist: 'fixed', value: v })),
    positive.map((mean): DistJson => ({ dist: 'exponential', mean })),
    fc
      .tuple(value, value)
      .map(([a, b]): DistJson => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
    fc
      .tuple(positive, fc.integer({ min: 0, max: maxSigma * 20 }))
      .map(([median, sigma20]): DistJson => ({ dist: 'lognormal', median, sigma: sigma20 / 20 })),
    fc
      .array(fc.tuple(value, fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 4 })
      .map((pairs): DistJson => {
        const weights = pairs.map(([, w]) => w);
        // zero weights are allowed, as long as the sum is positive
        if (!weights.some((w) => w > 0)) weights[weights.length - 1] = 1;
        return { dist: 'empirical', values: pairs.map(([v]) => v), weights };
      }),
  );
}

const workNsArb = distribution(durationNs(50_000), fc.integer({ min: 1, max: 50_000 }), 2);
const holdNsArb = distribution(durationNs(2_000), fc.integer({ min: 1, max: 2_000 }), 1);
/** a free hold of exactly 0 means freeing takes no lock: give that case its own weight */
const freeHoldNsArb = fc.oneof(
  fc.constant<DistJson>(0),
  fc.constant<DistJson>({ dist: 'fixed', value: 0 }),
  holdNsArb,
);
const sizeDistArb = distribution(sizeBytesArb, sizeBytesArb, 1);

/** The distribution's mean, for bounding the work of zeroing threads. */
export function meanOf(d: DistJson): number {
  return typeof d === 'number' ? d : makeSampler(d as DistSpec).mean;
}

const gbps = (maxTenths: number) => fc.integer({ min: 1, max: maxTenths }).map((tenths) => tenths / 10);

/**
 * Up to two private then up to two shared levels, sizes growing outwards from 4 KiB to 256 MiB (so
 * blocks from 1 B to 64 MiB hit, split over and miss them), rates independent of DRAM's.
 */
const cachesArb = fc
  .record({
    privateLevels: fc.integer({ min: 0, max: 2 }),
    sharedLevels: fc.integer({ min: 0, max: 2 }),
    sizes: fc.uniqueArray(fc.integer({ min: 4096, max: 256 * MiB }), { minLength: 4, maxLength: 4 }),
    rates: fc.array(gbps(4000), { minLength: 4, maxLength: 4 }),
    totals: fc.array(gbps(8000), { minLength: 4, maxLength: 4 }),
    // a private level's rate for another core's bytes, or none
    remotes: fc.array(fc.option(gbps(4000), { nil: undefined }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ privateLevels, sharedLevels, sizes, rates, totals, remotes }): CacheLevelJson[] => {
    const bytes = [...sizes].sort((a, b) => a - b);
    return Array.from({ length: privateLevels + sharedLevels }, (_, i) => {
      const shared = i >= privateLevels;
      const level: CacheLevelJson = { name: `l${i + 1}`, bytes: bytes[i], shared, coreGBps: rates[i] };
      if (shared) level.totalGBps = totals[i];
      else if (remotes[i] !== undefined) level.remoteGBps = remotes[i];
      return level;
    });
  });

const machineArb = fc.record({
  memory: fc.record(
    {
      // independent ranges, so the total is often below one core's rate
      coreClearGBps: gbps(1000),
      totalClearGBps: gbps(2000),
      pageBytes: fc.constantFrom(4096, 65536),
      pageFaultNs: durationNs(5_000),
      caches: cachesArb,
    },
    { requiredKeys: ['coreClearGBps', 'totalClearGBps', 'pageBytes'] },
  ),
  // every kind draws every cost field: a kind ignores the fields of others
  lock: fc.record(
    {
      kind: fc.constantFrom<'fifo' | 'ticket' | 'futex'>('fifo', 'ticket', 'futex'),
      acquireNs: durationNs(200),
      handoffNs: durationNs(1_000),
      migrateNs: durationNs(500),
      perWaiterNs: durationNs(200),
      spinNs: durationNs(5_000),
      wakeNs: durationNs(3_000),
      wakeLatencyNs: durationNs(10_000),
    },
    { requiredKeys: [] },
  ),
});

const workloadArb = fc.record(
  {
    workNs: workNsArb,
    sizeBytes: sizeDistArb,
    needZeroFraction: fc.oneof(
      fc.constant(0),
      fc.constant(1),
      fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
    ),
    liveBlocksPerCore: fc.integer({ min: 1, max: 8 }),
  },
  { requiredKeys: ['workNs', 'sizeBytes'] },
);

const heapGenes = fc.record({
  optional: fc.record(
    {
      allocHoldNs: fc.oneof(fc.constant<DistJson>({ dist: 'fixed', value: 0 }), holdNsArb),
      freeHoldNs: freeHoldNsArb,
      smallAllocNs: durationNs(100),
      initialDirtyBytes: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 256 * MiB }),
        fc.constant(2 ** 40),
      ),
      maxFreeBytes: fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 1, max: 1024 * MiB })),
      reuseOrder: fc.constantFrom<'lifo' | 'fifo' | 'address'>('lifo', 'fifo', 'address'),
    },
    { requiredKeys: [] },
  ),
  // 0: every allocation takes the large path
  smallMaxBytes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 65536 })),
  spanFactor: fc.integer({ min: 1, max: 16 }),
  spanExtraBytes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4096 })),
});

const customPolicyGenes = fc.record({
  base: fc.constantFrom(...presetNames),
  /** extend the custom policy before this one instead of `base` */
  extendsPrevious: fc.boolean(),
  axes: fc.record(
    {
      zeroAt: fc.constantFrom<PolicyAxes['zeroAt']>(
        'under-lock',
        'after-unlock',
        'on-free',
        'background',
        'never',
      ),
      honorNeedZero: fc.boolean(),
      dirtyTracking: fc.constantFrom<PolicyAxes['dirtyTracking']>('span', 'exact', 'none'),
      freshIsZero: fc.boolean(),
      reuseOrder: fc.constantFrom<PolicyAxes['reuseOrder']>('dirty-first', 'clean-first'),
      zeroerThreads: fc.integer({ min: 1, max: 3 }),
      /** chunkBytes in pages; 0 is one unchunked clear */
      chunkPages: fc.constantFrom(0, 1, 2, 4, 16, 64),
    },
    { requiredKeys: [] },
  ),
});

const policyGenes = fc
  .record({
    presets: fc.subarray([...presetNames]),
    customs: fc.array(customPolicyGenes, { maxLength: 2 }),
  })
  .filter((p) => p.presets.length + p.customs.length > 0);

const runArb = fc.record(
  {
    allocationsPerCore: fc.integer({ min: 20, max: 150 }),
    warmupFraction: fc.integer({ min: 0, max: 50 }).map((p) => p / 100),
    replications: fc.constant(2),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  },
  { requiredKeys: ['allocationsPerCore', 'replications'] },
);

const textArb = fc.record(
  {
    title: fc.string({ maxLength: 20 }),
    description: fc.string({ maxLength: 40 }),
  },
  { requiredKeys: [] },
);

type ResolvedAxes = PolicyAxes;
type PolicyGenes = typeof policyGenes extends fc.Arbitrary<infer T> ? T : never;

/** The policy list: presets, then custom policies; background chunks widened as maxZeroerChunks says. */
function buildPolicies(genes: PolicyGenes, pageBytes: number, dirtyVolumeBytes: number): PolicyJson[] {
  const minChunk = Math.ceil(dirtyVolumeBytes / maxZeroerChunks / pageBytes) * pageBytes;
  const tooFine = (axes: ResolvedAxes) =>
    axes.zeroAt === 'background' && Math.max(axes.chunkBytes, pageBytes) < minChunk;

  const entries: PolicyJson[] = genes.presets.map((name) =>
    tooFine(presets[name]) ? { name: `${name}-coarse`, extends: name, chunkBytes: minChunk } : name,
  );
  const resolved = new Map<string, ResolvedAxes>();
  genes.customs.forEach((gene, i) => {
    const name = `custom-${i + 1}`;
    const base = i > 0 && gene.extendsPrevious ? `custom-${i}` : gene.base;
    const inherited = resolved.get(base) ?? presets[base as PresetName];
    const { chunkPages, zeroerThreads, ...axes } = gene.axes;
    const entry: Exclude<PolicyJson, string> = { name, extends: base, ...axes };
    if (chunkPages !== undefined) entry.chunkBytes = chunkPages * pageBytes;
    const zeroAt = axes.zeroAt ?? inherited.zeroAt;
    // a background policy needs a zeroing thread; elsewhere the count is ignored but still valid
    if (zeroerThreads !== undefined) entry.zeroerThreads = zeroerThreads;
    else if (zeroAt === 'background' && inherited.zeroerThreads < 1) entry.zeroerThreads = 1;
    const spec: ResolvedAxes = {
      zeroAt,
      honorNeedZero: entry.honorNeedZero ?? inherited.honorNeedZero,
      dirtyTracking: entry.dirtyTracking ?? inherited.dirtyTracking,
      freshIsZero: entry.freshIsZero ?? inherited.freshIsZero,
      zeroerThreads: entry.zeroerThreads ?? inherited.zeroerThreads,
      chunkBytes: entry.chunkBytes ?? inherited.chunkBytes,
      reuseOrder: entry.reuseOrder ?? inherited.reuseOrder,
    };
    if (tooFine(spec)) {
      entry.chunkBytes = minChunk;
      spec.chunkBytes = minChunk;
    }
    resolved.set(name, spec);
    entries.push(entry);
  });
  return entries;
}

/** A valid scenario file's JSON value. */
export const scenarioJsonArb: fc.Arbitrary<ScenarioJson> = fc
  .record({
    name: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/),
    text: textArb,
    // one core is where a bound that charges contention costs to every acquisition breaks: draw it often
    cores: fc.oneof(
      fc.uniqueArray(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 3 }),
      fc.uniqueArray(fc.integer({ min: 2, max: 64 }), { maxLength: 2 }).map((more) => [1, ...more]),
    ),
    policies: policyGenes,
    machine: machineArb,
    workload: workloadArb,
    heap: heapGenes,
    run: runArb,
  })
  .map(({ name, text, cores, policies, machine, workload, heap, run }): ScenarioJson => {
    const { smallMaxBytes, spanFactor, spanExtraBytes, optional } = heap;
    const spanBytes = Math.max(1, smallMaxBytes) * spanFactor + spanExtraBytes;
    // all the memory that can become dirty: the warm heap plus everything freed, with room for tails
    const allocations = Math.max(...cores) * run.allocationsPerCore;
    const dirtyVolumeBytes =
      (optional.initialDirtyBytes ?? 0) + 2 * allocations * Math.max(meanOf(workload.sizeBytes), spanBytes);
    return {
      name,
      ...text,
      cores,
      policies: buildPolicies(policies, machine.memory.pageBytes, dirtyVolumeBytes),
      machine,
      workload,
      heap: { ...optional, smallMaxBytes, spanBytes },
      run,
    };
  });
