// Span tracking (the seed's first-word mark, later Go's span.needzero): if any taken byte is dirty,
// the whole allocation is cleared, clean and fresh parts included.
import type { TrackingRule } from '../plan-types.js';

export const span: TrackingRule = {
  clearBytes: (sizeBytes, taken, freshIsZero) =>
    taken.dirtyBytes > 0 || (!freshIsZero && taken.freshBytes > 0) ? sizeBytes : 0,
  clearTouchesFresh: (taken, freshIsZero) => taken.dirtyBytes > 0 || !freshIsZero,
};
