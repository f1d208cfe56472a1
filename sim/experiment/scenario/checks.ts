// Rules that span several fields, checked on the resolved scenario (so inherited and default values count).

import { zeroAtRules } from '../../policies/zero-at/index.js';
import type { Scenario } from '../../types/index.js';
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
