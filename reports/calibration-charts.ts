// The calibration page's charts, one per bench (the lock rows with busy work inside the lock apart)
// plus one of every row: measured values as points, predictions as lines (vega-lite specs, data
// inline). Each builder is a small function in one exhaustive registry, so a bench without a chart
// does not compile.

import type { CalibratedRow, Calibration } from '../sim/types/calibration.js';

export type CalibrationChartName =
  | 'clear'
  | 'clear-remote'
  | 'lock'
  | 'lock-held'
  | 'fault'
  | 'alloc'
  | 'measured-vs-predicted';

export interface CalibrationChart {
  name: CalibrationChartName;
  title: string;
  caption: string;
  spec: object;
  wide?: boolean;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

const USE_SHAPE = {
  field: 'use',
  type: 'nominal',
  title: 'row',
  scale: { domain: ['fit', 'check'], range: ['circle', 'triangle-up'] },
};

function rowsOf(c: Calibration, bench: CalibratedRow['bench']) {
  return c.rows.filter((r) => r.bench === bench);
}

/** A lock row's busy work inside the lock, ns: 0 for today's empty critical section (no holdNs). */
const holdNs = (r: CalibratedRow) => (typeof r.holdNs === 'number' ? r.holdNs : 0);

/**
 * The y range both clear charts share once there are clear-remote rows, so that a block another core
 * wrote last reads against one this core wrote at a glance; undefined (each chart its own) otherwise.
 */
function clearDomain(c: Calibration): [number, number] | undefined {
  if (rowsOf(c, 'clear-remote').length === 0) return undefined;
  const values = c.rows
    .filter((r) => r.bench === 'clear' || r.bench === 'clear-remote')
    .flatMap((r) => [r.measured, r.predicted])
    .filter((v) => v > 0 && Number.isFinite(v));
  return [Math.min(...values) / 1.2, Math.max(...values) * 1.2];
}

/** Measured points over predicted lines, x and colour given, y the row's value (log, over `yDomain` if given). */
function measuredOverPredicted(
  x: object,
  color: object,
  yTitle: string,
  extraDetail: object[] = [],
  yDomain?: [number, number],
): object {
  const scale = yDomain === undefined ? { type: 'log' } : { type: 'log', domain: yDomain };
  const y = (field: string) => ({ field, type: 'quantitative', title: yTitle, scale });
  return {
    layer: [
      {
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: { x, y: y('predicted'), color, detail: extraDetail },
      },
      {
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x,
          y: y('measured'),
          color,
          shape: USE_SHAPE,
          tooltip: [
            { field: 'line', type: 'quantitative', title: 'line' },
            { field: 'measured', type: 'quantitative', format: '.4~s' },
            { field: 'predicted', type: 'quantitative', format: '.4~s' },
            { field: 'errorPct', type: 'quantitative', format: '.1f', title: 'error %' },
          ],
        },
      },
    ],
  };
}

const BUILDERS: Record<CalibrationChartName, (c: Calibration) => CalibrationChart | null> = {
  clear: (c) =>
    clearChart(
      c,
      'clear',
      'Clear bandwidth by block size',
      'GB/s over all threads; points measured, lines predicted (processor-shared pools by level).',
    ),
  'clear-remote': (c) =>
    clearChart(
      c,
      'clear-remote',
      'Clear bandwidth, blocks another core wrote last',
      'GB/s over the threads clearing at once; each clear is of a block another thread cleared just before (threads 1: two threads take turns), so it comes from that core’s cache, not this one’s. Same y scale as the clear chart. Points measured, lines predicted.',
    ),
  lock: (c) => {
    const rows = rowsOf(c, 'lock').filter((r) => holdNs(r) === 0);
    if (rows.length === 0) return null;
    const values = rows.map((r) => ({ ...pick(r), workNs: String(r.workNs) }));
    return {
      name: 'lock',
      title: 'Lock acquisitions by threads',
      caption:
        'acquisitions/s over all threads, per busy-work length, empty critical section; points measured, lines simulated.',
      spec: {
        $schema: SCHEMA,
        width: 440,
        height: 260,
        data: { values },
        ...measuredOverPredicted(
          { field: 'threads', type: 'quantitative', title: 'threads', axis: { tickMinStep: 1 } },
          { field: 'workNs', type: 'nominal', title: 'work ns', sort: null },
          'acquisitions/s',
        ),
      },
    };
  },
  'lock-held': (c) => {
    const rows = rowsOf(c, 'lock').filter((r) => holdNs(r) > 0);
    if (rows.length === 0) return null;
    const values = rows.map((r) => ({ ...pick(r), holdNs: holdNs(r), workNs: String(r.workNs) }));
    return {
      name: 'lock-held',
      title: 'Lock acquisitions with busy work inside the lock',
      caption:
        'acquisitions/s over all threads; columns: ns of busy work inside the lock (holdNs), colour: work ns outside it. A waiter finds the lock held and sleeps, so a hand-off pays the wake-up. Points measured, lines simulated.',
      wide: true,
      spec: {
        $schema: SCHEMA,
        data: { values },
        facet: { column: { field: 'holdNs', type: 'ordinal', title: 'hold ns (inside the lock)' } },
        resolve: { scale: { y: 'independent' } },
        spec: {
          width: 220,
          height: 200,
          ...measuredOverPredicted(
            { field: 'threads', type: 'quantitative', title: 'threads', axis: { tickMinStep: 1 } },
            { field: 'workNs', type: 'nominal', title: 'work ns', sort: null },
            'acquisitions/s',
          ),
        },
      },
    };
  },
  fault: (c) => {
    const rows = rowsOf(c, 'fault');
    if (rows.length === 0) return null;
    const values = rows.map((r) => ({ ...pick(r), pageBytes: String(r.pageBytes) }));
    return {
      name: 'fault',
      title: 'First touch of a fresh page',
      caption: 'ns per page per thread; points measured, lines predicted.',
      spec: {
        $schema: SCHEMA,
        width: 440,
        height: 260,
        data: { values },
        ...measuredOverPredicted(
          { field: 'threads', type: 'quantitative', title: 'threads', axis: { tickMinStep: 1 } },
          { field: 'pageBytes', type: 'nominal', title: 'page bytes' },
          'ns per page',
        ),
      },
    };
  },
  alloc: (c) => {
    const rows = rowsOf(c, 'alloc');
    if (rows.length === 0) return null;
    const values = rows.map((r) => ({
      ...pick(r),
      blockBytes: String(r.blockBytes),
      workNs: Number(r.workNs),
      zeroAt: r.zeroAt,
    }));
    return {
      name: 'alloc',
      title: 'Allocations by threads, per block size and work',
      caption:
        'allocations/s over all threads; columns: block bytes, rows: work ns; points measured, lines simulated.',
      wide: true,
      spec: {
        $schema: SCHEMA,
        data: { values },
        facet: {
          column: {
            field: 'blockBytes',
            type: 'ordinal',
            title: 'block bytes',
            sort: { field: 'blockBytesNumber' },
          },
          row: { field: 'workNs', type: 'ordinal', title: 'work ns' },
        },
        resolve: { scale: { y: 'independent' } },
        spec: {
          width: 220,
          height: 150,
          ...measuredOverPredicted(
            { field: 'threads', type: 'quantitative', title: 'threads', axis: { tickMinStep: 1 } },
            {
              field: 'zeroAt',
              type: 'nominal',
              title: 'zeroAt',
              scale: { domain: ['under-lock', 'after-unlock', 'never'] },
            },
            'allocations/s',
          ),
        },
      },
    };
  },
  'measured-vs-predicted': (c) => {
    if (c.rows.length === 0) return null;
    const values = c.rows.map((r) => ({
      ...pick(r),
      ratio: r.predicted / r.measured,
      series: holdNs(r) > 0 ? 'lock, held' : r.bench,
    }));
    return {
      name: 'measured-vs-predicted',
      title: 'Predicted over measured, every row',
      caption: 'predicted / measured on a log scale: 1 is a perfect prediction, the band ±10%.',
      spec: {
        $schema: SCHEMA,
        width: 440,
        height: 260,
        data: { values },
        layer: [
          {
            data: { values: [{ lo: 1 / 1.1, hi: 1.1 }] },
            mark: { type: 'rect', opacity: 0.15, color: '#4c78a8' },
            encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
          },
          {
            mark: { type: 'point', filled: true, size: 50 },
            encoding: {
              x: { field: 'line', type: 'quantitative', title: 'line of the measurements file' },
              y: {
                field: 'ratio',
                type: 'quantitative',
                title: 'predicted / measured',
                scale: { type: 'log' },
              },
              color: { field: 'series', type: 'nominal', title: 'bench' },
              shape: USE_SHAPE,
              tooltip: [
                { field: 'series', type: 'nominal', title: 'bench' },
                { field: 'threads', type: 'quantitative' },
                { field: 'errorPct', type: 'quantitative', format: '.1f', title: 'error %' },
              ],
            },
          },
        ],
      },
    };
  },
};

/** The clear or clear-remote chart: GB/s by block size, a line per thread count. */
function clearChart(
  c: Calibration,
  bench: 'clear' | 'clear-remote',
  title: string,
  caption: string,
): CalibrationChart | null {
  const rows = rowsOf(c, bench);
  if (rows.length === 0) return null;
  const values = rows.map((r) => ({ ...pick(r), blockBytes: r.blockBytes, threads: String(r.threads) }));
  return {
    name: bench,
    title,
    caption,
    spec: {
      $schema: SCHEMA,
      width: 440,
      height: 260,
      data: { values },
      ...measuredOverPredicted(
        { field: 'blockBytes', type: 'quantitative', title: 'block bytes', scale: { type: 'log' } },
        { field: 'threads', type: 'nominal', title: 'threads' },
        'GB/s',
        [],
        clearDomain(c),
      ),
    },
  };
}

/** The fields every chart row carries. */
function pick(r: CalibratedRow) {
  return {
    line: r.line,
    use: r.use,
    bench: r.bench,
    threads: r.threads,
    measured: r.measured,
    predicted: r.predicted,
    errorPct: r.errorPct,
    blockBytesNumber: typeof r.blockBytes === 'number' ? r.blockBytes : 0,
  };
}

export const CALIBRATION_CHART_NAMES = Object.keys(BUILDERS) as CalibrationChartName[];

/** The charts of a calibration that has rows of their bench. */
export function calibrationCharts(c: Calibration): CalibrationChart[] {
  return CALIBRATION_CHART_NAMES.map((name) => BUILDERS[name](c)).filter(
    (x): x is CalibrationChart => x !== null,
  );
}
