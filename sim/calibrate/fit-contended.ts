// The contended lock costs, fitted by the simulator itself: every multi-thread lock and alloc fit row
// is simulated with trial values, and the sum of squared log errors is minimised. The parameters are
// data: a new lock cost (migrateNs, wakeNs, spinNs, ...) is fitted by listing it here.

import { curvatureSd, minimise } from './optimise.js';
import { type FitState, predictRow } from './predict.js';
import type { InputRow } from './read.js';

export interface ContendedParameter {
  /** the field of machine.lock */
  key: string;
  /** the largest value searched, ns */
  max: number;
}

export const CONTENDED_PARAMETERS: readonly ContendedParameter[] = [{ key: 'handoffNs', max: 100000 }];

/** A lock model the fit can use: fixed lock fields (its kind) and the costs it fits. */
export interface LockModel {
  name: string;
  fixed: Record<string, string | number>;
  params: readonly ContendedParameter[];
}

/**
 * The lock models, best first: the fit uses the first the model accepts. The harnesses measure a
 * pthread (futex, non-spinning) or Atomics mutex, so `futex` with its wake costs and the line's
 * migration comes first once the model has it; today's FIFO lock with its hand-off is the fallback.
 */
export const LOCK_MODELS: readonly LockModel[] = [
  {
    name: 'futex',
    fixed: { kind: 'futex' },
    params: [
      { key: 'migrateNs', max: 100000 },
      { key: 'wakeNs', max: 100000 },
      { key: 'wakeLatencyNs', max: 100000 },
      { key: 'spinNs', max: 100000 },
    ],
  },
  { name: 'fifo', fixed: {}, params: CONTENDED_PARAMETERS },
];

/** The first lock model whose fields the model accepts (with every fitted cost set to 1 ns). */
export function chooseLockModel(
  lock: Record<string, number | string>,
  accepts: (lock: Record<string, number | string>) => boolean,
): LockModel {
  const found = LOCK_MODELS.find((m) =>
    accepts({ ...lock, ...m.fixed, ...Object.fromEntries(m.params.map((p) => [p.key, 1])) }),
  );
  return found ?? LOCK_MODELS[LOCK_MODELS.length - 1];
}

export interface ContendedFit {
  values: Record<string, number>;
  /** one SD from the objective's curvature; null where undetermined */
  plusMinus: Record<string, number | null>;
  rows: number;
}

/** Sum of squared log errors of the rows under the state with these lock values. */
function objective(rows: readonly InputRow[], state: FitState, params: readonly ContendedParameter[]) {
  return (p: number[]) => {
    const lock = { ...state.lock };
    params.forEach((param, i) => {
      lock[param.key] = p[i];
    });
    const trial = { ...state, lock };
    let sum = 0;
    for (const r of rows) sum += Math.log(predictRow(r, trial).value / r.measured) ** 2;
    return sum;
  };
}

/** The residual variance of one log error: from the fit when rows outnumber parameters, else from the repeats. */
function logVariance(rows: readonly InputRow[], sum: number, params: number): number {
  if (rows.length > params) return sum / (rows.length - params);
  const vars = rows.map((r) => {
    const reps = (r.row.repeats as number[] | undefined)?.filter((v) => v > 0) ?? [];
    if (reps.length < 2) return 0;
    const logs = reps.map(Math.log);
    const m = logs.reduce((s, v) => s + v, 0) / logs.length;
    return logs.reduce((s, v) => s + (v - m) ** 2, 0) / (logs.length - 1) / logs.length;
  });
  return vars.reduce((s, v) => s + v, 0) / Math.max(1, vars.length);
}

export function fitContended(
  rows: readonly InputRow[],
  state: FitState,
  params: readonly ContendedParameter[] = CONTENDED_PARAMETERS,
  onStep?: () => void,
): ContendedFit {
  const contended = rows.filter(
    (r) => r.use === 'fit' && r.row.threads > 1 && (r.row.bench === 'lock' || r.row.bench === 'alloc'),
  );
  if (contended.length === 0) {
    return {
      values: Object.fromEntries(params.map((p) => [p.key, Number(state.lock[p.key] ?? 0)])),
      plusMinus: Object.fromEntries(params.map((p) => [p.key, null])),
      rows: 0,
    };
  }
  const base = objective(contended, state, params);
  const f = (p: number[]) => {
    onStep?.();
    return base(p);
  };
  const best = minimise(f, params);
  const sigma2 = logVariance(contended, base(best), params.length);
  const sd = curvatureSd(base, best, sigma2);
  return {
    values: Object.fromEntries(params.map((p, i) => [p.key, best[i]])),
    plusMinus: Object.fromEntries(params.map((p, i) => [p.key, sd[i]])),
    rows: contended.length,
  };
}
