// Never clears anything: an unsafe lower bound on allocation cost, for reference only.

import type { PolicySpec } from '../../types/index.js';

export const noZero: PolicySpec = Object.freeze({
  name: 'no-zero',
  description: 'never clears; an unsafe lower bound for reference',
  zeroAt: 'never',
  honorNeedZero: true,
  // irrelevant when nothing is cleared
  dirtyTracking: 'span',
  freshIsZero: true,
  zeroerThreads: 0,
  chunkBytes: 262144,
  reuseOrder: 'dirty-first',
});
