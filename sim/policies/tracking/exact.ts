// Exact tracking (jemalloc's per-page dirty bits): only dirty bytes are cleared, plus fresh bytes when
// fresh memory is not trusted to be zero.
import type { TrackingRule } from '../plan-types.js';

export const exact: TrackingRule = {
  clearBytes: (_sizeBytes, taken, freshIsZero) => taken.dirtyBytes + (freshIsZero ? 0 : taken.freshBytes),
  clearTouchesFresh: (_taken, freshIsZero) => !freshIsZero,
};
