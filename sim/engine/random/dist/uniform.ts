// The continuous uniform distribution on [min, max], one uniform per sample.

import type { Rng } from '../rng.js';
import type { DistImpl, SpecOf } from './types.js';
import { formatNumber } from './types.js';

export const uniform: DistImpl<SpecOf<'uniform'>> = {
  name: 'uniform',
  make({ min, max }) {
    const width = max - min;
    return {
      sample: (rng: Rng) => min + width * rng.next(),
      mean: (min + max) / 2,
      variance: (width * width) / 12,
      drawsPerSample: 1,
    };
  },
  describe: ({ min, max }) => `uniform on [${formatNumber(min)}, ${formatNumber(max)}]`,
};
