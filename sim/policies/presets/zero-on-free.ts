// Zero on free (Linux init_on_free, snmalloc scrubbing): the freeing core clears the block outside the lock.

import type { PolicySpec } from '../../types/index.js';

export const zeroOnFree: PolicySpec = Object.freeze({
  name: 'zero-on-free',
  description: 'the freeing core clears the block outside the lock, as Linux init_on_free and snmalloc do',
  zeroAt: 'on-free',
  // only initialDirtyBytes can be dirty at allocation time; honouring zeroed there skips unneeded clears
  honorNeedZero: true,
  dirtyTracking: 'span',
  freshIsZero: true,
  zeroerThreads: 0,
  chunkBytes: 262144,
  reuseOrder: 'dirty-first',
});
