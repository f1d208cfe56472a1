/**
 * The sensitivity (tornado) chart: for each policy, every machine and workload parameter set low
 * and high (±50% by default) one at a time, as bars of the change in throughput from the base at
 * the largest core count, largest effect on top, each bar end labelled with the parameter's value.
 */
import type { Results, SensitivityRow } from '../../sim/types/index.js';
import { formatAllocsRate, formatParameter, formatPct } from '../format.js';
import { policyNames } from '../points.js';
import { base, type ChartBuilder, type Layer } from './common.js';

/** Plot width of one policy's panel: three panels a row fit the page's full width, fewer get wider plots. */
const PANEL_WIDTH = { narrow: 230, wide: 400 };
/** Row step of one parameter's bars. */
const ROW_STEP = 17;
const LOW = '#4c78a8';
const HIGH = '#f58518';

/** "−50%" / "+50%" for a swing of 0.5. */
export function swingLabels(swing: number): { low: string; high: string } {
  const pct = formatPct(swing);
  return { low: `parameter −${pct}`, high: `parameter +${pct}` };
}

/** The rows of each policy in policy order, ranked within it. */
function orderedRows(results: Results): SensitivityRow[] {
  const policies = policyNames(results);
  const rank = (p: string) => (policies.includes(p) ? policies.indexOf(p) : policies.length);
  return [...(results.sensitivity?.rows ?? [])].sort(
    (a, b) => rank(a.policy) - rank(b.policy) || a.rank - b.rank,
  );
}

export function sensitivityPanel(row: SensitivityRow): string {
  return `${row.policy} · base ${formatAllocsRate(row.baseAllocsPerSec)}`;
}

/** True when a side's value is not base × (1 ± swing): the scenario clamped it (a fraction stays ≤ 1). */
export function isClamped(row: SensitivityRow, side: 'low' | 'high', swing: number): boolean {
  const want = row.baseValue * (side === 'low' ? 1 - swing : 1 + swing);
  const got = side === 'low' ? row.lowValue : row.highValue;
  return Math.abs(got - want) > 1e-9 * Math.max(Math.abs(want), 1);
}

/**
 * Two bars per parameter: throughput change with the parameter low, and with it high. The two bars
 * share a row, so their labels go outside the pair: the smaller change's label left of the row's
 * leftmost end, the larger change's right of its rightmost end, and they never overprint, even on a
 * row whose bars are both near zero.
 */
export function sensitivityRows(results: Results) {
  const swing = results.sensitivity?.swing ?? 0.5;
  const labels = swingLabels(swing);
  return orderedRows(results).flatMap((r) => {
    const changeOf = (allocsPerSec: number) =>
      r.baseAllocsPerSec > 0 ? allocsPerSec / r.baseAllocsPerSec - 1 : 0;
    const low = changeOf(r.lowAllocsPerSec);
    const high = changeOf(r.highAllocsPerSec);
    const left = Math.min(low, high, 0);
    const right = Math.max(low, high, 0);
    return (['low', 'high'] as const).map((side) => {
      const allocsPerSec = side === 'low' ? r.lowAllocsPerSec : r.highAllocsPerSec;
      const change = side === 'low' ? low : high;
      const value = side === 'low' ? r.lowValue : r.highValue;
      const clamped = isClamped(r, side, swing);
      const labelLeft = side === 'low' ? low <= high : high < low;
      return {
        panel: sensitivityPanel(r),
        policy: r.policy,
        path: r.path,
        rank: r.rank,
        side: labels[side],
        from: 0,
        change,
        allocsPerSec,
        baseAllocsPerSec: r.baseAllocsPerSec,
        value,
        label: `${formatParameter(r.path, value)}${clamped ? ' (clamped)' : ''}`,
        clamped,
        baseValue: r.baseValue,
        effect: r.effect,
        labelLeft,
        labelAt: labelLeft ? left : right,
      };
    });
  });
}

/** The value labels on one side of the bars' ends (a text condition, so every layer reads the same rows). */
function labelLayer(left: boolean): Layer {
  return {
    mark: { type: 'text', align: left ? 'right' : 'left', dx: left ? -3 : 3, fontSize: 10, color: '#333' },
    encoding: {
      x: { field: 'labelAt', type: 'quantitative' },
      text: {
        condition: { test: left ? 'datum.labelLeft' : '!datum.labelLeft', field: 'label', type: 'nominal' },
        value: '',
      },
    },
  };
}

const TOOLTIP = [
  { field: 'policy', type: 'nominal' as const },
  { field: 'path', type: 'nominal' as const, title: 'parameter' },
  { field: 'side', type: 'nominal' as const, title: 'set to' },
  { field: 'value', type: 'quantitative' as const, title: 'value', format: ',~r' },
  { field: 'baseValue', type: 'quantitative' as const, title: 'scenario value', format: ',~r' },
  { field: 'allocsPerSec', type: 'quantitative' as const, title: 'allocs/s', format: ',.0f' },
  { field: 'baseAllocsPerSec', type: 'quantitative' as const, title: 'base (allocs/s)', format: ',.0f' },
  { field: 'change', type: 'quantitative' as const, title: 'change (%)', format: '+.1%' },
  { field: 'clamped', type: 'nominal' as const, title: 'clamped' },
];

export const sensitivity: ChartBuilder<'sensitivity'> = {
  name: 'sensitivity',
  title: 'Sensitivity: which parameter moves throughput most',
  caption:
    'Each machine and workload parameter is set to 50% and 150% of its scenario value, one at a time, and the ' +
    'bars show how far throughput at the largest core count moves from the base run (the vertical rule). ' +
    'Parameters are sorted by the size of their effect, largest on top; the label at each bar end is the ' +
    "parameter's value there (distributions by their mean); a value the scenario cannot take (a fraction above " +
    '1) is clamped, and its label says so. Hover a bar for the throughputs.',
  wide: true,
  note(results) {
    const swing = results.sensitivity?.swing ?? 0.5;
    const clamped = (results.sensitivity?.rows ?? []).flatMap((r) =>
      (['low', 'high'] as const)
        .filter((side) => isClamped(r, side, swing))
        .map(
          (side) =>
            `${r.path} at ${side === 'low' ? '−' : '+'}${formatPct(swing)} is clamped to ${formatParameter(r.path, side === 'low' ? r.lowValue : r.highValue)}`,
        ),
    );
    const unique = [...new Set(clamped)];
    return unique.length === 0 ? null : `Clamped: ${unique.join('; ')}.`;
  },
  applies: (results) => (results.sensitivity?.rows.length ?? 0) > 0,
  build(results) {
    const swing = results.sensitivity?.swing ?? 0.5;
    const labels = swingLabels(swing);
    const panels = [...new Set(orderedRows(results).map(sensitivityPanel))];
    // at most three panels a row, as evenly filled as possible
    const columns = Math.ceil(panels.length / Math.ceil(panels.length / 3));
    const rows = sensitivityRows(results);
    return {
      ...base(`Tornado chart: change in throughput when each parameter is ±${swing * 100}%, per policy`),
      // one panel per policy with its own rows (and y order), built here rather than by a facet:
      // independent y scales under a facet would need every layer to read the same source
      concat: panels.map((panel) => ({
        title: { text: panel, anchor: 'start', fontSize: 12, fontWeight: 'bold', limit: 420 },
        width: columns >= 3 ? PANEL_WIDTH.narrow : PANEL_WIDTH.wide,
        height: { step: ROW_STEP },
        data: { values: rows.filter((r) => r.panel === panel) },
        encoding: {
          y: {
            field: 'path',
            type: 'nominal',
            title: null,
            sort: { field: 'rank', order: 'ascending' },
            axis: { labelLimit: 200, labelFontSize: 10.5 },
          },
        },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.72 } },
            encoding: {
              x: {
                field: 'change',
                type: 'quantitative',
                title: `throughput change from base at ${results.sensitivity?.cores ?? ''} cores (%)`,
                // room beyond the longest bars for their value labels
                scale: { padding: 52 },
                axis: { format: '+.0%', tickCount: 5 },
              },
              x2: { field: 'from' },
              color: {
                field: 'side',
                type: 'nominal',
                title: null,
                scale: { domain: [labels.low, labels.high], range: [LOW, HIGH] },
                legend: { orient: 'top', direction: 'horizontal' },
              },
              tooltip: TOOLTIP,
            },
          },
          {
            mark: { type: 'rule', color: '#222', strokeWidth: 1 },
            encoding: { x: { datum: 0, type: 'quantitative' } },
          },
          labelLayer(true),
          labelLayer(false),
        ],
      })),
      columns,
      spacing: { column: 24, row: 16 },
      // one x scale, so the same bar length means the same change in every panel
      resolve: { scale: { x: 'shared' } },
    };
  },
};
