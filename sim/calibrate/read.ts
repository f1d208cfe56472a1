// MEASUREMENTS.jsonl text in, checked rows out: every bad row is one line `FILE:LINE: field: what is
// wrong (what was expected)`, all of them at once, as the scenario loader reports a bad scenario.

import { InputError } from '../experiment/scenario/index.js';
import { calibrateMessages } from './fit-messages.js';
import { holdNsOf, type MeasurementRow, rowProblems, valueField } from './rows.js';

/** A row as the fit reads it: the input row with its use settled and its line and value at hand. */
export interface InputRow {
  row: MeasurementRow;
  use: 'fit' | 'check';
  /** 1-based line of the file */
  line: number;
  /** the measured value */
  measured: number;
}

/** The rows of a MEASUREMENTS.jsonl text; blank lines are skipped. Throws an InputError listing every problem. */
export function readMeasurements(text: string, file: string): InputRow[] {
  const rows: InputRow[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const source = raw.trim();
    if (source === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      problems.push(calibrateMessages.notJson(file, line, error instanceof Error ? error.message : ''));
      return;
    }
    const found = rowProblems(value);
    if (found.length > 0) {
      for (const p of found)
        problems.push(
          p === 'not a JSON object' ? calibrateMessages.notJson(file, line, '') : `${file}:${line}: ${p}`,
        );
      return;
    }
    const row = value as MeasurementRow;
    const measured = row[valueField(row.bench)] as number;
    if (measured <= 0) {
      problems.push(calibrateMessages.notPositive(file, line, valueField(row.bench), measured));
      return;
    }
    const sizeField = row.bench === 'fault' ? 'pageBytes' : 'blockBytes';
    if (row.bench !== 'lock' && !(((row as Record<string, unknown>)[sizeField] as number) > 0)) {
      problems.push(
        calibrateMessages.notPositive(
          file,
          line,
          sizeField,
          (row as Record<string, number>)[sizeField],
          'a size > 0',
        ),
      );
      return;
    }
    if (row.threads < 1 || !Number.isInteger(row.threads)) {
      problems.push(calibrateMessages.badThreads(file, line, row.threads));
      return;
    }
    rows.push({ row, use: row.use ?? 'fit', line, measured });
  });
  if (problems.length === 0 && rows.length === 0) problems.push(calibrateMessages.noRows(file));
  if (problems.length > 0) throw new InputError(problems);
  return rows;
}

/** A row's field as a selector sees it: a lock row without holdNs has the empty critical section, 0. */
function fieldValue(row: MeasurementRow, field: string): unknown {
  if (field === 'holdNs' && row.bench === 'lock') return holdNsOf(row);
  return row[field];
}

/**
 * Marks as check rows those matching a selector `field=value[,field=value...]` (all must match), e.g.
 * `bench=alloc,threads=2` or `bench=lock,holdNs=0` (today's empty critical section); throws an InputError for a malformed selector.
 */
export function markCheckRows(rows: readonly InputRow[], selector: string): InputRow[] {
  const pairs = selector.split(',').map((part) => part.split('='));
  if (pairs.some((p) => p.length !== 2 || p[0].trim() === '' || p[1].trim() === ''))
    throw new InputError([calibrateMessages.badSelector(selector)]);
  const matches = (row: MeasurementRow) =>
    pairs.every(([field, value]) => String(fieldValue(row, field.trim())) === value.trim());
  return rows.map((r) => (matches(r.row) ? { ...r, use: 'check' as const } : r));
}
