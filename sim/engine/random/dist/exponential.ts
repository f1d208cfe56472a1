// The exponential distribution (memoryless think times), sampled by inversion from one uniform.

import type { Rng } from '../rng.js';
import type { DistImpl, SpecOf } from './types.js';
import { formatNumber } from './types.js';

export const exponential: DistImpl<SpecOf<'exponential'>> = {
  name: 'exponential',
  make({ mean }) {
    return {
      // u is in [0, 1), so 1 − u is in (0, 1] and the log is finite. `0 − log` rather than `−log`
      // so that u = 0 yields +0, not −0.
      sample: (rng: Rng) => mean * (0 - Math.log(1 - rng.next())),
      mean,
      variance: mean * mean,
      drawsPerSample: 1,
    };
  },
  describe: ({ mean }) => `exponential, mean ${formatNumber(mean)}`,
};
