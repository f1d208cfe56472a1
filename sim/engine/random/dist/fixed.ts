// A constant: the degenerate distribution that always returns its value and consumes no randomness.

import type { DistImpl, SpecOf } from './types.js';
import { formatNumber } from './types.js';

export const fixed: DistImpl<SpecOf<'fixed'>> = {
  name: 'fixed',
  make({ value }) {
    return { sample: () => value, mean: value, variance: 0, drawsPerSample: 0 };
  },
  describe: ({ value }) => `fixed ${formatNumber(value)}`,
};
