// The lognormal distribution (heavy-ish right tail, e.g. request sizes), parameterised by median and
// log-scale sigma and sampled as median·exp(sigma·Z) with Z standard normal.

import { z } from 'zod';
import { cos, exp, log } from '../math/index.js';
import type { UniformSource } from '../types/index.js';
import type { DistFamily } from './family.js';
import { formatNumber } from './family.js';

const TWO_PI = 2 * Math.PI;

/**
 * A standard normal by Box–Muller, cosine branch only. Dropping the sine branch wastes half the
 * work but means no cached spare: every sample consumes exactly two uniforms, which keeps streams
 * aligned across runs (common random numbers). 1 − u1 is in (0, 1], so the log is finite.
 */
export function standardNormal(source: UniformSource): number {
  const radius = Math.sqrt(-2 * log(1 - source.next()));
  return radius * cos(TWO_PI * source.next());
}

export const lognormal: DistFamily<'lognormal'> = {
  name: 'lognormal',
  schema: (kit) =>
    kit.object({ dist: z.literal('lognormal'), median: kit.positive(), sigma: kit.nonNegative() }),
  make({ median, sigma }) {
    // With mu = ln(median): E = e^{mu + s²/2}, Var = (e^{s²} − 1)·e^{2mu + s²}.
    const spread = exp(sigma * sigma);
    return {
      sample: (source: UniformSource) => median * exp(sigma * standardNormal(source)),
      mean: median * Math.sqrt(spread),
      variance: (spread - 1) * median * median * spread,
      drawsPerSample: 2,
    };
  },
  mean: ({ median, sigma }) => median * Math.sqrt(exp(sigma * sigma)),
  // scaling X scales its median; sigma, on the log scale, is the shape
  scale: ({ median, sigma }, f) => ({ dist: 'lognormal', median: median * f, sigma }),
  describe: ({ median, sigma }) => `lognormal, median ${formatNumber(median)}, sigma ${formatNumber(sigma)}`,
  format: ({ median, sigma }, unit) => `lognormal, median ${unit(median)}, σ ${sigma}`,
};
