// The lognormal distribution (heavy-ish right tail, e.g. request sizes), parameterised by median and
// log-scale sigma and sampled as median·exp(sigma·Z) with Z standard normal.

import type { Rng } from '../rng.js';
import type { DistImpl, SpecOf } from './types.js';
import { formatNumber } from './types.js';

const TWO_PI = 2 * Math.PI;

/**
 * A standard normal by Box–Muller, cosine branch only. Dropping the sine branch wastes half the
 * work but means no cached spare: every sample consumes exactly two uniforms, which keeps streams
 * aligned across runs (common random numbers). 1 − u1 is in (0, 1], so the log is finite.
 */
export function standardNormal(rng: Rng): number {
  const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
  return radius * Math.cos(TWO_PI * rng.next());
}

export const lognormal: DistImpl<SpecOf<'lognormal'>> = {
  name: 'lognormal',
  make({ median, sigma }) {
    // With mu = ln(median): E = e^{mu + s²/2}, Var = (e^{s²} − 1)·e^{2mu + s²}.
    const spread = Math.exp(sigma * sigma);
    return {
      sample: (rng: Rng) => median * Math.exp(sigma * standardNormal(rng)),
      mean: median * Math.sqrt(spread),
      variance: (spread - 1) * median * median * spread,
      drawsPerSample: 2,
    };
  },
  describe: ({ median, sigma }) => `lognormal, median ${formatNumber(median)}, sigma ${formatNumber(sigma)}`,
};
