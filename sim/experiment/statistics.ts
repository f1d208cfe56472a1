// Means and t-based 95% confidence half-widths over independent replications.
import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { MeanCI } from '../types/index.js';
import { tQuantile975 } from './t-quantile.js';

export function meanCI(xs: readonly number[]): MeanCI {
  if (xs.length === 0) return { mean: 0, ci95: 0 };
  const m = mean(xs as number[]);
  if (xs.length < 2) return { mean: m, ci95: 0 };
  const sd = sampleStandardDeviation(xs as number[]);
  return { mean: m, ci95: (tQuantile975(xs.length - 1) * sd) / Math.sqrt(xs.length) };
}

export function meanOf(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : mean(xs as number[]);
}
