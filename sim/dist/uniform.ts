// The continuous uniform distribution on [min, max], one uniform per sample.

import { z } from 'zod';
import type { UniformSource } from '../types/index.js';
import type { DistFamily } from './family.js';
import { formatNumber } from './family.js';
import * as messages from './messages.js';

export const uniform: DistFamily<'uniform'> = {
  name: 'uniform',
  schema: (kit) => kit.object({ dist: z.literal('uniform'), min: kit.value, max: kit.value }),
  check: ({ min, max }) =>
    max < min
      ? {
          key: 'max',
          input: max,
          what: messages.uniformMaxBelowMin(min, max),
          expected: messages.expectedUniformOrder,
        }
      : undefined,
  make({ min, max }) {
    const width = max - min;
    return {
      sample: (source: UniformSource) => min + width * source.next(),
      mean: (min + max) / 2,
      variance: (width * width) / 12,
      drawsPerSample: 1,
    };
  },
  mean: ({ min, max }) => (min + max) / 2,
  scale: ({ min, max }, f) => ({ dist: 'uniform', min: min * f, max: max * f }),
  describe: ({ min, max }) => `uniform on [${formatNumber(min)}, ${formatNumber(max)}]`,
  format: ({ min, max }, unit) => `uniform, ${unit(min)} to ${unit(max)}`,
};
