// A discrete distribution over listed values with relative weights (e.g. a measured size mix),
// sampled by inverting its cumulative table with one uniform.

import type { Rng } from '../rng.js';
import type { DistImpl, Sampler, SpecOf } from './types.js';
import { formatNumber } from './types.js';

export const empirical: DistImpl<SpecOf<'empirical'>> = {
  name: 'empirical',
  make({ values, weights }) {
    if (values.length !== weights.length) {
      throw new RangeError(`empirical: ${values.length} values but ${weights.length} weights`);
    }
    if (values.length === 0) throw new RangeError('empirical: no values');
    let totalWeight = 0;
    for (const w of weights) {
      if (!(w >= 0 && Number.isFinite(w)))
        throw new RangeError(`empirical: weight ${w} is not finite and >= 0`);
      totalWeight += w;
    }
    if (!(totalWeight > 0)) throw new RangeError('empirical: weights sum to 0');

    // cumulative[i] = P(index <= i). The running sum is formed in the same order as totalWeight, so
    // it reaches exactly 1 at the last positive weight: trailing zero weights can never be drawn.
    const cumulative = new Float64Array(values.length);
    const valueTable = Float64Array.from(values);
    let runningWeight = 0;
    let mean = 0;
    for (let i = 0; i < values.length; i++) {
      runningWeight += weights[i];
      cumulative[i] = runningWeight / totalWeight;
      mean += (weights[i] / totalWeight) * values[i];
    }
    let variance = 0;
    for (let i = 0; i < values.length; i++) {
      variance += (weights[i] / totalWeight) * (values[i] - mean) ** 2;
    }
    const last = values.length - 1;

    const sampler: Sampler = {
      sample(rng: Rng) {
        // The first index whose cumulative probability exceeds u. A zero-weight index i > 0 shares
        // its cumulative value with i − 1, which is found first; index 0 has cumulative 0 <= u.
        const u = rng.next();
        let lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cumulative[mid] > u) hi = mid;
          else lo = mid + 1;
        }
        return valueTable[lo];
      },
      mean,
      variance,
      drawsPerSample: 1,
    };
    return sampler;
  },
  describe(spec) {
    const { values, weights } = spec;
    const n = values.length;
    if (n <= 4) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      const parts = values.map((v, i) => `${formatNumber(v)} (${formatNumber((100 * weights[i]) / total)}%)`);
      return `empirical: ${parts.join(', ')}`;
    }
    return `empirical over ${n} values, mean ${formatNumber(empirical.make(spec).mean)}`;
  },
};
