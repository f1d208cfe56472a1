// A constant: the degenerate distribution that always returns its value and consumes no randomness.

import { z } from 'zod';
import type { DistFamily } from './family.js';
import { formatNumber } from './family.js';

export const fixed: DistFamily<'fixed'> = {
  name: 'fixed',
  schema: (kit) => kit.object({ dist: z.literal('fixed'), value: kit.value }),
  make({ value }) {
    return { sample: () => value, mean: value, variance: 0, drawsPerSample: 0 };
  },
  mean: ({ value }) => value,
  scale: ({ value }, f) => ({ dist: 'fixed', value: value * f }),
  describe: ({ value }) => `fixed ${formatNumber(value)}`,
  format: ({ value }, unit) => unit(value),
};
