/**
 * The fully resolved scenario (every default filled in), the contract of CONTRACTS.md in
 * TypeScript: fields may be added, never renamed or removed. Every layer reads these shapes, so
 * they live at the bottom and import nothing above them.
 */

import type { DistSpec } from './dist.js';

/** Where a policy clears: the names of the zeroAt rules (sim/policies/zero-at/), in the order messages list them. */
export const zeroAtNames = ['under-lock', 'after-unlock', 'on-free', 'background', 'never'] as const;
export type ZeroAt = (typeof zeroAtNames)[number];

/** How a policy knows what is dirty: the names of the tracking rules (sim/policies/tracking/). */
export const dirtyTrackingNames = ['span', 'exact', 'none'] as const;
export type DirtyTracking = (typeof dirtyTrackingNames)[number];

/** Which free pool an allocation draws from first (fresh OS memory always comes last). */
export const reuseOrderNames = ['dirty-first', 'clean-first'] as const;
export type ReuseOrder = (typeof reuseOrderNames)[number];

/** A zeroing policy, fully resolved: presets and scenario-defined variants look the same. */
export interface PolicySpec {
  name: string;
  description: string;
  /** the preset (or scenario policy) this one extends; absent for presets */
  extends?: string;
  zeroAt: ZeroAt;
  honorNeedZero: boolean;
  dirtyTracking: DirtyTracking;
  freshIsZero: boolean;
  /** `background` only: dedicated zeroing threads */
  zeroerThreads: number;
  /** clears run in pieces of this many bytes; the longest non-preemptible stretch follows from it */
  chunkBytes: number;
  reuseOrder: ReuseOrder;
}

/**
 * How the heap lock hands itself on (MODEL.md, "Lock kinds"): `fifo` is today's FIFO hand-off,
 * `ticket` a ticket spinlock, `futex` glibc's pthread mutex (spin-then-park when spinNs > 0). The
 * lock registry (sim/engine/locks) is keyed by them.
 */
export const lockKindNames = ['fifo', 'ticket', 'futex'] as const;
export type LockKind = (typeof lockKindNames)[number];

/** Every cost field is present for every kind; a kind ignores the fields of other kinds. */
export interface LockSpec {
  kind: LockKind;
  acquireNs: number;
  /** fifo, ticket: added to a grant that passes the lock straight to a waiter */
  handoffNs: number;
  /** every kind: added to a grant to a different core than the last holder */
  migrateNs: number;
  /** ticket: added to a hand-off per other core still waiting */
  perWaiterNs: number;
  /** futex: how long a core that finds the lock held spins before it sleeps */
  spinNs: number;
  /** futex: what a releaser pays after unlocking when cores sleep */
  wakeNs: number;
  /** futex: from the end of the wake call until the woken sleeper runs */
  wakeLatencyNs: number;
}

/**
 * One cache level a clear can hit (MODEL.md, "Cache levels"). A block is in a private level when this
 * core wrote it last and has written at most `bytes` since; in a shared level, when all writers
 * together have written at most `bytes` since.
 */
export interface CacheLevelSpec {
  name: string;
  bytes: number;
  /** shared by every core (one processor-shared pool) or one per core (no contention) */
  shared: boolean;
  /** one clear's rate in this level, GB/s */
  coreGBps: number;
  /** shared levels only (required there): the pool's total, GB/s */
  totalGBps?: number;
  /**
   * private levels only: one clear's rate, GB/s, for bytes another core wrote last and still holds in
   * its own copy of this level (a cache-to-cache transfer); absent: such bytes come from the first
   * shared level that holds them, or DRAM
   */
  remoteGBps?: number;
}

export interface MemorySpec {
  coreClearGBps: number;
  totalClearGBps: number;
  pageBytes: number;
  pageFaultNs: number;
  /** levels from the core outwards; empty: every clear streams to DRAM */
  caches: CacheLevelSpec[];
}

export interface MachineSpec {
  memory: MemorySpec;
  lock: LockSpec;
}

/**
 * The order of free extents within the dirty and within the clean ones (read only with cache levels):
 * the last freed first (a free list), the first freed first, or the lowest address first.
 */
export const heapReuseOrderNames = ['lifo', 'fifo', 'address'] as const;
export type HeapReuseOrder = (typeof heapReuseOrderNames)[number];

export interface WorkloadSpec {
  workNs: DistSpec;
  sizeBytes: DistSpec;
  needZeroFraction: number;
  liveBlocksPerCore: number;
}

export interface HeapSpec {
  allocHoldNs: DistSpec;
  freeHoldNs: DistSpec;
  smallMaxBytes: number;
  smallAllocNs: number;
  spanBytes: number;
  initialDirtyBytes: number;
  /**
   * free memory (dirty + clean) the heap keeps; bytes freed beyond it go back to the OS and return
   * as fresh memory that faults again (a scavenger). null: keep everything.
   */
  maxFreeBytes: number | null;
  /** which free extent goes first within dirty or clean ones; read only with cache levels */
  reuseOrder: HeapReuseOrder;
}

export interface RunSpec {
  allocationsPerCore: number;
  warmupFraction: number;
  replications: number;
  seed: number;
  /** a run whose estimated events exceed this is refused up front */
  maxEvents: number;
}

export interface Scenario {
  name: string;
  title: string;
  description: string;
  cores: number[];
  policies: PolicySpec[];
  machine: MachineSpec;
  /** the machine.json the machine was read from (a `machine` string, or --machine), as given */
  machineSource?: string;
  workload: WorkloadSpec;
  heap: HeapSpec;
  run: RunSpec;
}
