// The exponential distribution (memoryless think times), sampled by inversion from one uniform (with
// sim/math's log, which has the same bits in every JavaScript engine).

import { z } from 'zod';
import { logOneMinus } from '../math/index.js';
import type { UniformSource } from '../types/index.js';
import type { DistFamily } from './family.js';
import { formatNumber } from './family.js';

export const exponential: DistFamily<'exponential'> = {
  name: 'exponential',
  schema: (kit) => kit.object({ dist: z.literal('exponential'), mean: kit.positive() }),
  make({ mean }) {
    return {
      // u is in [0, 1), so 1 − u is in (0, 1] and the log is finite. `0 − log` rather than `−log`
      // so that u = 0 yields +0, not −0. logOneMinus(u) is log(1 − u), bit for bit, without the
      // memory round trip log() makes to read a double's words.
      sample: (source: UniformSource) => mean * (0 - logOneMinus(source.next())),
      mean,
      variance: mean * mean,
      drawsPerSample: 1,
    };
  },
  mean: ({ mean }) => mean,
  scale: ({ mean }, f) => ({ dist: 'exponential', mean: mean * f }),
  describe: ({ mean }) => `exponential, mean ${formatNumber(mean)}`,
  format: ({ mean }, unit) => `exponential, mean ${unit(mean)}`,
};
