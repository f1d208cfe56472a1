// The seed commit c1c851b: release the heap lock first, then clear only dirty spans the caller wants zeroed.

import type { PolicySpec } from '../../types/index.js';

export const go11AfterUnlock: PolicySpec = Object.freeze({
  name: 'go1.1-after-unlock',
  description: 'the seed commit c1c851b: clears after unlock, honours zeroed, span tracking',
  zeroAt: 'after-unlock',
  honorNeedZero: true,
  dirtyTracking: 'span',
  freshIsZero: true,
  zeroerThreads: 0,
  // Go clears large objects in 256 KiB chunks so that it can be preempted between them.
  chunkBytes: 262144,
  reuseOrder: 'dirty-first',
});
