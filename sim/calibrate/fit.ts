/**
 * The calibration fit, measured rows in, a Calibration out (pure: no file system):
 *
 *   rows ─closed forms (clear, 1-thread lock, fault, 1-thread alloc)─▶ ─bootstrap ±─▶
 *     ─simulate the multi-thread fit rows, minimise squared log error (hand-off)─▶ ─curvature ±─▶
 *     ─predict every row (fit and check)─▶ ─summarise errors─▶ Calibration
 */
import type { CalibratedRow, Calibration, FittedParameter } from '../types/calibration.js';
import { bootstrapSd } from './bootstrap.js';
import { closedNumbers, fitClosed } from './fit-closed.js';
import { chooseLockModel, fitContended, LOCK_MODELS } from './fit-contended.js';
import { calibrateMessages } from './fit-messages.js';
import { modelAccepts } from './loop-scenario.js';
import { type FitState, fittedMachine, predictRow } from './predict.js';
import type { InputRow } from './read.js';
import { valueField } from './rows.js';
import { errorSummary } from './summary.js';

export interface FitOptions {
  source: string;
  toolVersion: string;
  /** (stage, done, total): for a progress line */
  onProgress?: (stage: string, done: number, total: number) => void;
  resamples?: number;
  /** fit the work stretch per thread count from the long-work lock rows (a loaded host) */
  stretchByThreads?: boolean;
  /** a LOCK_MODELS name to fit instead of the best the model accepts (tests of each model) */
  lockModel?: string;
}

const FROM: Record<string, string> = {
  'machine.memory.coreClearGBps': 'clear rows, largest block sizes, fewest threads',
  'machine.memory.totalClearGBps': 'clear rows, largest block sizes, most threads',
  'machine.memory.pageFaultNs': 'fault rows, fewest threads, less one page cleared at the DRAM rate',
  'machine.lock.acquireNs': '1-thread lock rows (1/opsPerSec − work)',
  'harness.workStretch': "1-thread lock rows: wall ns of the harness's busy work per ns asked",
  'heap.allocHoldNs': '1-thread alloc rows with zeroAt never (half the pop and push)',
  'heap.freeHoldNs': '1-thread alloc rows with zeroAt never (half the pop and push)',
  'calibrate.clearOverheadNs': '1-thread clearing alloc rows: a clear in the loop over the clear rows',
  'machine.lock.handoffNs': 'multi-thread lock and alloc fit rows, simulated',
};

function unitOf(name: string): string {
  if (name.endsWith('GBps')) return 'GB/s';
  if (name.endsWith('Ns')) return 'ns';
  return 'ns/ns';
}

export const UNCERTAINTY_NOTE =
  "± is one standard deviation. Closed-form parameters: bootstrap, refitting on resamples that draw each row's value from its own repeats. Simulated parameters: the curvature of the summed squared log error at the optimum (residual variance from the rows, or from the repeats when rows do not outnumber parameters); none where the objective is flat.";

export function calibrate(rows: readonly InputRow[], options: FitOptions): Calibration {
  const progress = options.onProgress;
  // 1. closed forms, and their ± by bootstrap with the levels kept as grouped
  progress?.('closed-form fit', 0, 1);
  const byThreads = options.stretchByThreads ?? false;
  const closed = fitClosed(rows, undefined, byThreads);
  const closedSd = bootstrapSd(
    rows,
    (r) => closedNumbers(fitClosed(r, closed.clear.levelSizes, byThreads)),
    options.resamples,
  );
  // 2. the model's features: caches when it accepts them
  const state: FitState = {
    ...closed,
    lock: { acquireNs: closed.lockSingle.acquireNs, handoffNs: 0 },
    caches: false,
  };
  state.caches = closed.clear.caches.length > 0 && modelAccepts(fittedMachine(state, true));
  // 3. contended lock costs by simulation in the loop, for the best lock model the model accepts
  const lockModel =
    LOCK_MODELS.find((m) => m.name === options.lockModel) ??
    chooseLockModel(state.lock, (lock) => modelAccepts({ ...fittedMachine(state, false), lock }));
  Object.assign(state.lock, lockModel.fixed);
  let steps = 0;
  const contended = fitContended(rows, state, lockModel.params, () =>
    progress?.('fitting lock costs, simulations', ++steps, 0),
  );
  Object.assign(state.lock, contended.values);
  // 4. predict every row
  const out: CalibratedRow[] = rows.map((input, i) => {
    progress?.('predicting rows', i + 1, rows.length);
    const p = predictRow(input, state);
    return {
      ...input.row,
      use: input.use,
      threads: input.row.threads,
      line: input.line,
      measured: input.measured,
      unit: valueField(input.row.bench),
      predicted: p.value,
      errorPct: (100 * (p.value - input.measured)) / input.measured,
      predictedBy: p.by,
    };
  });
  // 5. parameters with their ±
  const parameters: FittedParameter[] = Object.entries(closedNumbers(closed)).map(([name, value]) => ({
    name,
    value,
    plusMinus: closedSd[name] ?? null,
    unit: unitOf(name),
    from:
      FROM[name] ??
      (name.startsWith('harness.workStretch@')
        ? 'lock rows of that thread count, longest work'
        : name.endsWith('.remoteGBps')
          ? "clear-remote rows of this level's sizes, one clear at a time"
          : 'clear rows of this level'),
    uncertainty: 'bootstrap',
  }));
  for (const p of lockModel.params) {
    const name = `machine.lock.${p.key}`;
    parameters.push({
      name,
      value: contended.values[p.key],
      plusMinus: contended.plusMinus[p.key],
      unit: unitOf(name),
      from:
        contended.rows > 0
          ? `${FROM[name] ?? 'simulated'} (${contended.rows} rows)`
          : 'no multi-thread fit rows: 0',
      uncertainty: contended.rows > 0 && contended.plusMinus[p.key] !== null ? 'curvature' : 'none',
    });
  }
  const byBench: Calibration['summaryByBench'] = {};
  for (const bench of new Set(out.map((r) => r.bench)))
    byBench[bench] = {
      fit: errorSummary(out.filter((r) => r.bench === bench && r.use === 'fit')),
      check: errorSummary(out.filter((r) => r.bench === bench && r.use === 'check')),
    };
  return {
    machine: fittedMachine(state, state.caches),
    rows: out,
    summary: {
      fit: errorSummary(out.filter((r) => r.use === 'fit')),
      check: errorSummary(out.filter((r) => r.use === 'check')),
    },
    tool: { name: 'zerosim', version: options.toolVersion },
    source: options.source,
    machineWithCaches: fittedMachine(state, true),
    heap: { allocHoldNs: closed.heap.holdNs / 2, freeHoldNs: Math.max(closed.heap.holdNs / 2, 1e-3) },
    parameters,
    uncertainty: UNCERTAINTY_NOTE,
    notes: [
      ...(closed.clear.totalRaisedToCore ? [calibrateMessages.totalRaised(closed.clear.coreClearGBps)] : []),
      ...closed.defaulted.map((bench) => calibrateMessages.defaulted(bench)),
      ...(contended.rows === 0 ? [calibrateMessages.noContendedRows] : []),
    ],
    model: {
      lock: lockModel.name,
      caches: state.caches,
      note: state.caches
        ? 'Predictions ran on the machine with cache levels (machine.memory.caches).'
        : "The model does not accept machine.memory.caches yet: machine.json has DRAM's rates only, and each lock or alloc row was simulated with the clear rates of the level its block fits (a private level unshared). Cross-core reuse and the lock kinds are not modelled.",
    },
    summaryByBench: byBench,
  };
}
