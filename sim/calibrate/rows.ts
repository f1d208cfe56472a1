// One measurement of the calibration loops, as a MEASUREMENTS.jsonl row (CONTRACTS.md, "Machine
// profiles and calibration", and sim/calibrate/README.md for clear-remote and a lock row's holdNs): the
// bench, its parameters and its measured value; other fields are kept.

export const BENCHES = ['clear', 'clear-remote', 'lock', 'fault', 'alloc'] as const;
export type Bench = (typeof BENCHES)[number];

export const ZERO_AT = ['under-lock', 'after-unlock', 'never'] as const;
export type ZeroAt = (typeof ZERO_AT)[number];

interface Extra {
  /** fields a harness adds (harness, repeats, durationNs, loadavg, ...): kept, ignored by the fit */
  [field: string]: unknown;
  use?: 'fit' | 'check';
}

export interface ClearRow extends Extra {
  bench: 'clear';
  blockBytes: number;
  threads: number;
  /** bytes cleared per ns over all threads */
  gbPerSec: number;
}

/**
 * T threads clearing blocks that another thread cleared last, just before: with T = 1, two threads
 * take turns on one block; with T ≥ 2, T threads clear at once, in rounds, each a block another
 * thread cleared the round before. Only the clears are timed.
 */
export interface ClearRemoteRow extends Extra {
  bench: 'clear-remote';
  blockBytes: number;
  threads: number;
  /** bytes cleared per ns, summed over the threads clearing at once */
  gbPerSec: number;
}

export interface LockRow extends Extra {
  bench: 'lock';
  threads: number;
  workNs: number;
  /** busy work inside the critical section, ns; absent or 0: an empty critical section */
  holdNs?: number;
  /** lock acquisitions per second over all threads */
  opsPerSec: number;
}

export interface FaultRow extends Extra {
  bench: 'fault';
  pageBytes: number;
  threads: number;
  /** wall ns per first-touched page, per thread */
  nsPerPage: number;
}

export interface AllocRow extends Extra {
  bench: 'alloc';
  blockBytes: number;
  threads: number;
  workNs: number;
  zeroAt: ZeroAt;
  /** allocations per second over all threads */
  allocsPerSec: number;
}

export type MeasurementRow = ClearRow | ClearRemoteRow | LockRow | FaultRow | AllocRow;

/** The numeric fields each bench must carry, its measured value last. */
export const ROW_NUMBERS: Record<Bench, readonly string[]> = {
  clear: ['blockBytes', 'threads', 'gbPerSec'],
  'clear-remote': ['blockBytes', 'threads', 'gbPerSec'],
  lock: ['threads', 'workNs', 'opsPerSec'],
  fault: ['pageBytes', 'threads', 'nsPerPage'],
  alloc: ['blockBytes', 'threads', 'workNs', 'allocsPerSec'],
};

/** The busy work inside a lock row's critical section, ns (0 for an empty one, as today's rows). */
export function holdNsOf(row: LockRow): number {
  return row.holdNs ?? 0;
}

/** The field holding a row's measured value. */
export function valueField(bench: Bench): string {
  const fields = ROW_NUMBERS[bench];
  return fields[fields.length - 1];
}

/** The problems of one parsed JSON value as a row, each a short phrase; empty when it is a row. */
export function rowProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
  const row = value as Record<string, unknown>;
  if (!BENCHES.includes(row.bench as Bench))
    return [`bench: ${JSON.stringify(row.bench)} (${BENCHES.join(', ')})`];
  const problems: string[] = [];
  for (const field of ROW_NUMBERS[row.bench as Bench]) {
    const v = row[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      problems.push(`${field}: ${String(v)} (a number ≥ 0)`);
  }
  if (row.bench === 'lock' && row.holdNs !== undefined) {
    const v = row.holdNs;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      problems.push(`holdNs: ${String(v)} (a number ≥ 0, or absent for an empty critical section)`);
  }
  if (row.bench === 'alloc' && !ZERO_AT.includes(row.zeroAt as ZeroAt))
    problems.push(`zeroAt: ${JSON.stringify(row.zeroAt)} (${ZERO_AT.join(', ')})`);
  if (row.use !== undefined && row.use !== 'fit' && row.use !== 'check')
    problems.push(`use: ${JSON.stringify(row.use)} (fit or check)`);
  return problems;
}

/** One line of MEASUREMENTS.jsonl as a row; throws an Error naming what is wrong. */
export function parseRow(line: string): MeasurementRow {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`not JSON: ${line.slice(0, 80)}`);
  }
  const problems = rowProblems(value);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return value as MeasurementRow;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
