// Clear under the heap lock, as Go's MHeap_Alloc did before c1c851b.
import type { ZeroAtRule } from '../plan-types.js';

export const underLock: ZeroAtRule = {
  allocClearAt: 'under-lock',
  clearOnFree: false,
  zeroerThreads: false,
  // the clear lengthens the lock's service: the machine repairman, when that service is exponential
  mva: 'lock',
};
