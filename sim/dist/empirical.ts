// A discrete distribution over listed values with relative weights (e.g. a measured size mix),
// sampled by inverting its cumulative table with one uniform.

import { z } from 'zod';
import type { SpecOf, UniformSource } from '../types/index.js';
import type { DistFamily, Sampler } from './family.js';
import { formatNumber } from './family.js';
import * as messages from './messages.js';

type Empirical = SpecOf<'empirical'>;

/** The sum of the weights; throws a RangeError unless they are one per value, finite, >= 0, not all 0. */
function totalWeightOf({ values, weights }: Empirical): number {
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
  return totalWeight;
}

function meanOf({ values, weights }: Empirical, totalWeight: number): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += (weights[i] / totalWeight) * values[i];
  return mean;
}

export const empirical: DistFamily<'empirical'> = {
  name: 'empirical',
  schema: (kit) =>
    kit.object({
      dist: z.literal('empirical'),
      values: kit.list(kit.value),
      weights: kit.list(kit.nonNegative()),
    }),
  check({ values, weights }) {
    // empty lists are already reported by their own minimum length
    if (values.length === 0 || weights.length === 0) return undefined;
    if (weights.length !== values.length) {
      return {
        key: 'weights',
        input: weights,
        what: messages.weightCountMismatch(weights.length, values.length),
        expected: messages.expectedOneWeightPerValue,
      };
    }
    const sum = weights.reduce((total, w) => total + w, 0);
    return sum > 0
      ? undefined
      : {
          key: 'weights',
          input: weights,
          what: messages.weightsSum(sum),
          expected: messages.expectedPositiveWeightSum,
        };
  },
  make(spec) {
    const { values, weights } = spec;
    const totalWeight = totalWeightOf(spec);
    // cumulative[i] = P(index <= i). The running sum is formed in the same order as totalWeight, so
    // it reaches exactly 1 at the last positive weight: trailing zero weights can never be drawn.
    const cumulative = new Float64Array(values.length);
    const valueTable = Float64Array.from(values);
    let runningWeight = 0;
    for (let i = 0; i < values.length; i++) {
      runningWeight += weights[i];
      cumulative[i] = runningWeight / totalWeight;
    }
    const mean = meanOf(spec, totalWeight);
    let variance = 0;
    for (let i = 0; i < values.length; i++) {
      variance += (weights[i] / totalWeight) * (values[i] - mean) ** 2;
    }
    const last = values.length - 1;

    const sampler: Sampler = {
      sample(source: UniformSource) {
        // The first index whose cumulative probability exceeds u. A zero-weight index i > 0 shares
        // its cumulative value with i − 1, which is found first; index 0 has cumulative 0 <= u.
        const u = source.next();
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
  mean: (spec) => meanOf(spec, totalWeightOf(spec)),
  // scaling X scales its values; the weights are the shape
  scale: ({ values, weights }, f) => ({ dist: 'empirical', values: values.map((v) => v * f), weights }),
  describe(spec) {
    const { values, weights } = spec;
    const n = values.length;
    if (n <= 4) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      const parts = values.map((v, i) => `${formatNumber(v)} (${formatNumber((100 * weights[i]) / total)}%)`);
      return `empirical: ${parts.join(', ')}`;
    }
    return `empirical over ${n} values, mean ${formatNumber(empirical.mean(spec))}`;
  },
  format: ({ values, weights }, unit) =>
    `empirical: ${values.map((v, i) => `${unit(v)} (w ${weights[i]})`).join(', ')}`,
};
