// The error summary of a set of predicted rows: how many, the median and the largest |errorPct|.

import type { ErrorSummary } from '../types/calibration.js';
import { median } from './rows.js';

export function errorSummary(rows: readonly { errorPct: number }[]): ErrorSummary {
  if (rows.length === 0) return { rows: 0, medianAbsErrorPct: null, maxAbsErrorPct: null };
  const abs = rows.map((r) => Math.abs(r.errorPct));
  return { rows: rows.length, medianAbsErrorPct: median(abs), maxAbsErrorPct: Math.max(...abs) };
}
