// Dedicated zeroing threads clean dirty free memory; an allocation that still gets dirty memory
// clears it inline after unlock.
import type { ZeroAtRule } from '../plan-types.js';

export const background: ZeroAtRule = {
  allocClearAt: 'after-unlock',
  clearOnFree: false,
  zeroerThreads: true,
  mva: { notProductForm: 'background clearing is not a product-form station here' },
};
