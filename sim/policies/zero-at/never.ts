// Never clear: an unsafe lower bound for reference. Fresh pages still fault on first touch.
import type { ZeroAtRule } from '../plan-types.js';

export const never: ZeroAtRule = {
  allocClearAt: 'none',
  clearOnFree: false,
  zeroerThreads: false,
  mva: 'none',
};
