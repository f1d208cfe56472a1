// jemalloc-style exact dirty tracking: after unlock, clear only the pages that are actually dirty.

import type { PolicySpec } from '../../types/index.js';

export const exactDirty: PolicySpec = Object.freeze({
  name: 'exact-dirty',
  description: 'after unlock, clears only the dirty pages, as jemalloc does',
  zeroAt: 'after-unlock',
  honorNeedZero: true,
  dirtyTracking: 'exact',
  freshIsZero: true,
  zeroerThreads: 0,
  chunkBytes: 262144,
  reuseOrder: 'dirty-first',
});
