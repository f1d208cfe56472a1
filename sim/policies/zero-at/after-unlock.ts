// Clear on the allocating core after the heap lock is released, as Go has since c1c851b.
import type { ZeroAtRule } from '../plan-types.js';

export const afterUnlock: ZeroAtRule = {
  allocClearAt: 'after-unlock',
  clearOnFree: false,
  zeroerThreads: false,
  // a processor-sharing station after unlock, insensitive to the size distribution: lock + PS
  mva: 'ps',
};
