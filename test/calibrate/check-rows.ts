// What every harness's rows must satisfy (CONTRACTS.md, MEASUREMENTS.jsonl): the contract's fields and
// types, positive values, the median of the repeats (of every pass) as the value, the dispersion fields
// (quartiles, each pass's median), exactly the planned points, and rows that readMeasurements accepts;
// today's lock rows carry no holdNs.

import { expect } from 'vitest';
import {
  type Measurement,
  measurementPlan,
  osThreads,
  type ResolvedOptions,
} from '../../sim/calibrate/plan.js';
import { readMeasurements } from '../../sim/calibrate/read.js';
import { holdNsOf, type MeasurementRow, parseRow, valueField } from '../../sim/calibrate/rows.js';

/** The parameters of a row that identify its point, as the plan names them. */
function pointOf(row: MeasurementRow): Measurement {
  return {
    bench: row.bench,
    threads: row.threads,
    blockBytes:
      row.bench === 'clear' || row.bench === 'clear-remote' || row.bench === 'alloc' ? row.blockBytes : 0,
    workNs: row.bench === 'lock' || row.bench === 'alloc' ? row.workNs : 0,
    holdNs: row.bench === 'lock' ? holdNsOf(row) : 0,
    zeroAt: row.bench === 'alloc' ? row.zeroAt : 'never',
  };
}

export function checkRows(rows: MeasurementRow[], harness: 'c' | 'js', options: ResolvedOptions): void {
  expect(rows.map(pointOf)).toEqual(measurementPlan(options));
  for (const row of rows) {
    const line = JSON.stringify(row);
    expect(parseRow(line), line).toEqual(row); // contract fields present, with their types
    expect(row.harness, line).toBe(harness);
    const value = row[valueField(row.bench)] as number;
    expect(value, line).toBeGreaterThan(0);
    const repeats = row.repeats as number[];
    const n = options.repeats * options.passes;
    expect(repeats, line).toHaveLength(n);
    for (const r of repeats) expect(r, line).toBeGreaterThan(0);
    const sorted = [...repeats].sort((a, b) => a - b);
    const mid = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    expect(Math.abs(value - mid), line).toBeLessThanOrEqual(1e-5 * mid); // both printed to 6 digits
    // dispersion: the repeats' quartiles and each pass's median
    expect(row.passes, line).toBe(options.passes);
    expect(row.repeatsPerPass, line).toBe(options.repeats);
    expect(row.passMedians, line).toHaveLength(options.passes);
    expect(row.q1 as number, line).toBeLessThanOrEqual(value * (1 + 1e-5));
    expect(row.q3 as number, line).toBeGreaterThanOrEqual(value * (1 - 1e-5));
    expect(row.durationNs, line).toBe(options.durationMs * 1e6);
    expect(row.nproc, line).toBeGreaterThanOrEqual(1);
    expect(row.loadavgStart, line).toHaveLength(3);
    expect(row.loadavgEnd, line).toHaveLength(3);
    expect(Number.isNaN(Date.parse(row.date as string)), line).toBe(false);
    if (row.bench === 'fault') expect(Math.log2(row.pageBytes) % 1, line).toBe(0);
    if (row.bench === 'lock' && holdNsOf(row) === 0) expect(row, line).not.toHaveProperty('holdNs');
    if (row.bench === 'clear-remote') expect(row.osThreads, line).toBe(osThreads(pointOf(row)));
  }
  expect(new Set(rows.map((r) => r.bench))).toEqual(new Set(options.benches));
  if (options.benches.includes('alloc'))
    expect(new Set(rows.filter((r) => r.bench === 'alloc').map((r) => r.zeroAt))).toEqual(
      new Set(['under-lock', 'after-unlock', 'never']),
    );
  const text = rows.map((r) => JSON.stringify(r)).join('\n');
  expect(readMeasurements(text, 'harness.jsonl').map((r) => r.row)).toEqual(rows);
}

/** A --quick sitting cut to a few seconds: its values mean nothing, its rows must still be whole. */
export const TINY = { quick: true, threads: [1, 2], durationMs: 2, warmupMs: 1, repeats: 3 } as const;
