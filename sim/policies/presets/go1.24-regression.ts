// The Go 1.24 regression: fresh OS memory was not trusted to be zero, so it was written (faults plus clears).

import type { PolicySpec } from '../../types/index.js';

export const go124Regression: PolicySpec = Object.freeze({
  name: 'go1.24-regression',
  description: 'after unlock, fresh memory not trusted to be zero: faults plus clears on every fresh page',
  zeroAt: 'after-unlock',
  honorNeedZero: true,
  dirtyTracking: 'span',
  // the regression itself: fresh pages count as dirty, so they fault and are cleared
  freshIsZero: false,
  zeroerThreads: 0,
  chunkBytes: 262144,
  reuseOrder: 'dirty-first',
});
