// Clear on free (Linux init_on_free, snmalloc scrub): freed memory returns clean. Memory still dirty at
// allocation (a warm heap's initial dirt) is cleared after unlock, so no allocation is ever unsafe.
import type { ZeroAtRule } from '../plan-types.js';

export const onFree: ZeroAtRule = {
  allocClearAt: 'after-unlock',
  clearOnFree: true,
  zeroerThreads: false,
  mva: { notProductForm: 'on-free clearing is not a product-form station here' },
};
