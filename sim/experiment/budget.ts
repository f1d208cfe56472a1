/**
 * The event budget: a study's events are estimated before it runs, and a study over the budget is
 * refused up front. The estimate is meant to be an upper one:
 * - a core's allocation cycle is at most 9 events (work, hold, two fault steps and a clear under or
 *   after the lock, a clear on free, the free's hold), a small-object allocation 2 plus its share of
 *   refills; 9 covers both; a lock kind that schedules its own events (futex) adds its share;
 * - a zeroing thread takes one event per chunk it clears, and can clear no more than the memory that
 *   ever becomes dirty (initial dirt plus every freed block), nor more than it can clear at full rate
 *   while the cores run, if every core's allocations ran one after another;
 * - with cache levels, a clear runs level by level, one event per level more than without: the three
 *   clears of a cycle and each zeroing chunk take that many more, and clears run at most at the
 *   fastest level's rate.
 */

import { makeSampler } from '../dist/index.js';
import { clearCaps, soloRateGBps } from '../engine/bandwidth.js';
import { lockKinds } from '../engine/locks/index.js';
import { zeroerThreads } from '../policies/plan.js';
import type { PolicySpec, Scenario } from '../types/index.js';

const EVENTS_PER_ALLOCATION = 9;
/** a page-fault clear, an allocation's clear and a clear on free */
const CLEARS_PER_ALLOCATION = 3;
/** lock acquisitions per allocation at most: the allocation's (or its refill's) and the free's */
const ACQUISITIONS_PER_ALLOCATION = 2;

/** The most one acquisition can add to a cycle: every grant cost, a spin, a wake and its latency. */
function lockGrantNs(lock: Scenario['machine']['lock'], cores: number): number {
  return (
    lock.acquireNs +
    lock.handoffNs +
    lock.migrateNs +
    lock.perWaiterNs * cores +
    lock.spinNs +
    lock.wakeNs +
    lock.wakeLatencyNs
  );
}

function zeroerEvents(scenario: Scenario, policy: PolicySpec, cores: number): number {
  if (zeroerThreads(policy) === 0) return 0;
  const { machine, workload, heap, run } = scenario;
  const allocations = cores * run.allocationsPerCore;
  const sizeBytes = makeSampler(workload.sizeBytes).mean;
  const chunkBytes = policy.chunkBytes > 0 ? policy.chunkBytes : machine.memory.pageBytes;
  const soloGBps = fastestClearGBps(scenario);
  // the longest the run can take: every cycle of every core in turn, clears at the solo rate
  const cycleNs =
    makeSampler(workload.workNs).mean +
    makeSampler(heap.allocHoldNs).mean +
    makeSampler(heap.freeHoldNs).mean +
    2 * lockGrantNs(machine.lock, cores) +
    (2 * sizeBytes) / soloGBps +
    (sizeBytes / machine.memory.pageBytes) * machine.memory.pageFaultNs;
  const horizonNs = allocations * cycleNs;
  const byDirt = (heap.initialDirtyBytes + allocations * sizeBytes) / chunkBytes;
  const byTime = (zeroerThreads(policy) * horizonNs * soloGBps) / chunkBytes;
  // plus one partial chunk per free, when the thread wakes for a little new dirt
  return (Math.min(byDirt, byTime) + allocations) * (1 + machine.memory.caches.length);
}

/** The fastest a lone clear runs: DRAM's solo rate, or a cache level's. */
function fastestClearGBps(scenario: Scenario): number {
  const { memory } = scenario.machine;
  let gbps = soloRateGBps(clearCaps(memory));
  for (const level of memory.caches) gbps = Math.max(gbps, level.coreGBps);
  return gbps;
}

/** Estimated events of one replication of (policy, cores). */
export function estimatePointEvents(scenario: Scenario, policy: PolicySpec, cores: number): number {
  const { caches } = scenario.machine.memory;
  const perAllocation =
    EVENTS_PER_ALLOCATION +
    ACQUISITIONS_PER_ALLOCATION * lockKinds[scenario.machine.lock.kind].eventsPerAcquisition +
    CLEARS_PER_ALLOCATION * caches.length;
  return cores * scenario.run.allocationsPerCore * perAllocation + zeroerEvents(scenario, policy, cores);
}

export function estimateEvents(scenario: Scenario): number {
  let events = 0;
  for (const policy of scenario.policies) {
    for (const cores of scenario.cores) events += estimatePointEvents(scenario, policy, cores);
  }
  return events * scenario.run.replications;
}
