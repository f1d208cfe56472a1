// No tracking: every allocated byte is cleared, even clean or fresh ones.
import type { TrackingRule } from '../plan-types.js';

export const none: TrackingRule = {
  clearBytes: (sizeBytes) => sizeBytes,
  clearTouchesFresh: () => true,
};
