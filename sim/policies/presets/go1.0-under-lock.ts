// Go before commit c1c851b (2012): MHeap_Alloc cleared every reused span while holding the heap lock.

import type { PolicySpec } from '../../types/index.js';

export const go10UnderLock: PolicySpec = Object.freeze({
  name: 'go1.0-under-lock',
  description: 'before c1c851b: clears under the heap lock, span tracking, ignores zeroed',
  zeroAt: 'under-lock',
  // Go 1.0 ignored `zeroed`: every dirty span was cleared, needed or not.
  honorNeedZero: false,
  dirtyTracking: 'span',
  freshIsZero: true,
  zeroerThreads: 0,
  // 0 = unchunked: Go 1.0 cleared a span in a single memclr call, one non-preemptible stretch.
  chunkBytes: 0,
  reuseOrder: 'dirty-first',
});
