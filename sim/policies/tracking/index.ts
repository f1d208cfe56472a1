// Every dirty-tracking scheme and its rule, keyed by the names in sim/types; a name without an entry
// is a compile error.
import type { DirtyTracking } from '../../types/index.js';
import type { TrackingRule } from '../plan-types.js';
import { exact } from './exact.js';
import { none } from './none.js';
import { span } from './span.js';

export const trackingRules: Readonly<Record<DirtyTracking, TrackingRule>> = { span, exact, none };
