/**
 * What `zerosim calibrate` produces (CONTRACTS.md, "Machine profiles and calibration"): the fitted
 * machine, its parameters with their uncertainty, and every measured row beside its prediction. The
 * calibrate layer builds it and reports/ renders it, so the shape lives at the bottom.
 */

import type { CacheLevelSpec } from './scenario.js';

/** One cache level as `machine.memory.caches` lists it, from the core outwards: the scenario's own. */
export type { CacheLevelSpec };

/** A `machine` section as machine.json holds it; `caches` only once the model accepts it. */
export interface CalibratedMachine {
  memory: {
    coreClearGBps: number;
    totalClearGBps: number;
    pageBytes: number;
    pageFaultNs: number;
    caches?: CacheLevelSpec[];
  };
  lock: { acquireNs: number; handoffNs: number; [field: string]: number | string };
}

/** One fitted number: its value, a ± of one standard deviation (null: not determined), and how. */
export interface FittedParameter {
  /** a dot path into the scenario (machine.lock.handoffNs) or a harness parameter (harness.workStretch) */
  name: string;
  value: number;
  plusMinus: number | null;
  unit: string;
  /** the rows it came from, in words */
  from: string;
  /** how the ± was found: "bootstrap" (over each row's repeats) or "curvature" (of the objective) */
  uncertainty: 'bootstrap' | 'curvature' | 'none';
}

/** A measured row with its prediction, in the row's own unit. */
export interface CalibratedRow {
  [field: string]: unknown;
  /** in step with sim/calibrate/rows.ts BENCHES */
  bench: 'clear' | 'clear-remote' | 'lock' | 'fault' | 'alloc';
  use: 'fit' | 'check';
  threads: number;
  /** 1-based line in the measurements file */
  line: number;
  /** the measured value (the row's gbPerSec, opsPerSec, nsPerPage or allocsPerSec) */
  measured: number;
  /** the name of the measured field */
  unit: string;
  predicted: number;
  /** 100 × (predicted − measured) / measured */
  errorPct: number;
  /** how the prediction was made: "simulated" or "analytic" */
  predictedBy: 'simulated' | 'analytic';
}

export interface ErrorSummary {
  rows: number;
  /** null when there are no rows of this use */
  medianAbsErrorPct: number | null;
  maxAbsErrorPct: number | null;
}

export interface Calibration {
  tool: { name: string; version: string };
  /** where the measurements came from (a file, stdin, or this host's harness) */
  source: string;
  machine: CalibratedMachine;
  /** the machine with cache levels, whether or not the model accepts them yet */
  machineWithCaches: CalibratedMachine;
  /** the heap costs of the alloc loop (scenario heap fields) */
  heap: { allocHoldNs: number; freeHoldNs: number };
  parameters: FittedParameter[];
  /** the uncertainty methods, in words */
  uncertainty: string;
  /** what the fit had to assume or adjust, one sentence each */
  notes: string[];
  /** which model the predictions ran on, and what that means */
  model: { caches: boolean; lock: string; note: string };
  rows: CalibratedRow[];
  summary: { fit: ErrorSummary; check: ErrorSummary };
  /** per bench and use */
  summaryByBench: Record<string, { fit: ErrorSummary; check: ErrorSummary }>;
}
