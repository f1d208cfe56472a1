// The ± of the closed-form parameters: refit them on resampled measurements, each row's value drawn
// from its own repeats (rows without repeats keep their value), and take the standard deviation.
// Seeded, so the same file always gives the same ±.

import { makeRng } from '../engine/random/rng.js';
import type { InputRow } from './read.js';

export const BOOTSTRAP_RESAMPLES = 200;
const BOOTSTRAP_SEED = 20121;

/** One SD of each named number `refit` returns, over resamples of the rows' values. */
export function bootstrapSd(
  rows: readonly InputRow[],
  refit: (rows: InputRow[]) => Record<string, number>,
  resamples = BOOTSTRAP_RESAMPLES,
): Record<string, number> {
  const rng = makeRng(BOOTSTRAP_SEED);
  const samples: Record<string, number>[] = [];
  for (let b = 0; b < resamples; b++) {
    const resampled = rows.map((r) => {
      const reps = (r.row.repeats as unknown[] | undefined)?.filter(
        (v): v is number => typeof v === 'number' && v > 0,
      );
      if (reps === undefined || reps.length === 0) return r;
      const measured = reps[Math.floor(rng.next() * reps.length)];
      return { ...r, measured };
    });
    samples.push(refit(resampled));
  }
  const out: Record<string, number> = {};
  for (const key of Object.keys(samples[0] ?? {})) {
    const values = samples.map((s) => s[key]).filter(Number.isFinite);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    out[key] = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
  }
  return out;
}
