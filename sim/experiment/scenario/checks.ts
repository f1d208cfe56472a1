// Rules that span several fields, checked on the resolved scenario (so inherited and default values count).

import { zeroAtRules } from '../../policies/zero-at/index.js';
import type { CacheLevelSpec, Scenario } from '../../types/index.js';
import * as messages from '../messages.js';
import type { Problem } from './errors.js';

export function crossFieldProblems(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const { heap } = scenario;
  if (heap.smallMaxBytes > 0 && heap.spanBytes < heap.smallMaxBytes) {
    problems.push({
      path: ['heap', 'spanBytes'],
      what: messages.spanSmallerThanSmallMax(heap.spanBytes, heap.smallMaxBytes),
      expected: messages.expectedSpanHoldsSmallObject,
    });
  }
  problems.push(...cacheProblems(scenario.machine.memory.caches));
  const { pageBytes } = scenario.machine.memory;
  scenario.policies.forEach((policy, index) => {
    // a zeroAt that runs zeroing threads needs at least one
    if (zeroAtRules[policy.zeroAt].zeroerThreads && policy.zeroerThreads < 1) {
      problems.push({
        path: ['policies', index, 'zeroerThreads'],
        what: messages.got(policy.zeroerThreads),
        expected: messages.expectedBackgroundThreads,
      });
    }
    if (policy.chunkBytes % pageBytes !== 0) {
      problems.push({
        path: ['policies', index, 'chunkBytes'],
        what: messages.chunkNotPageMultiple(policy.chunkBytes, pageBytes),
        expected: messages.expectedChunkBytes,
      });
    }
  });
  return problems;
}

/**
 * Cache levels run from the core outwards: private levels, then shared ones, each larger than the one
 * before (a reuse distance that fits a level fits every level after it). Only shared levels have a
 * total, and every shared level needs one: a private level is one per core, so it has no pool. Only
 * private levels have a remote rate: a shared level's bytes are every core's own.
 */
function cacheProblems(caches: readonly CacheLevelSpec[]): Problem[] {
  const problems: Problem[] = [];
  const at = (index: number, field: string) => ['machine', 'memory', 'caches', index, field];
  let firstShared = -1;
  caches.forEach((level, index) => {
    const first = caches.findIndex((l) => l.name === level.name);
    if (first !== index || level.name === 'dram') {
      problems.push({
        path: at(index, 'name'),
        what: first !== index ? messages.duplicateCacheName(level.name, first) : messages.got(level.name),
        expected: messages.expectedDistinctCacheNames,
      });
    }
    if (index > 0 && level.bytes <= caches[index - 1].bytes) {
      problems.push({
        path: at(index, 'bytes'),
        what: messages.cacheNotLarger(level.bytes, index - 1, caches[index - 1].bytes),
        expected: messages.expectedCacheBytesIncreasing,
      });
    }
    if (level.shared && firstShared < 0) firstShared = index;
    if (!level.shared && firstShared >= 0) {
      problems.push({
        path: at(index, 'shared'),
        what: messages.privateAfterShared(firstShared),
        expected: messages.expectedPrivateFirst,
      });
    }
    if (level.shared !== (level.totalGBps !== undefined)) {
      problems.push({
        path: at(index, 'totalGBps'),
        what: level.shared ? messages.sharedWithoutTotal : messages.privateWithTotal,
        expected: messages.expectedTotalOnSharedOnly,
      });
    }
    if (level.shared && level.remoteGBps !== undefined) {
      problems.push({
        path: at(index, 'remoteGBps'),
        what: messages.sharedWithRemote,
        expected: messages.expectedRemoteOnPrivateOnly,
      });
    }
  });
  return problems;
}
