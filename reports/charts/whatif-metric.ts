/**
 * What-if chart 1, throughput against the varied value: one line per policy with 95% CI bars, one
 * column of panels per chosen core count and, when several fields vary, one row of panels per
 * combination of the other fields, so every simulated point appears exactly once.
 */
import type { Results, VaryAxis } from '../../sim/types/index.js';
import { coreCounts } from '../points.js';
import { type VaryValue, whatifAxes } from '../views.js';
import {
  base,
  binaryBytesExpr,
  type ChartBuilder,
  legendPick,
  pickedOpacity,
  policyColor,
} from './common.js';

/** Panel size: two columns of panels fit one card of the page's chart grid. */
const PANEL_WIDTH = 230;
const PANEL_HEIGHT = 150;
/** A numeric axis whose values span at least this factor is drawn on a log scale. */
const LOG_SPAN = 8;

/** The core counts the chart shows: the smallest and the largest simulated. */
export function whatifCores(results: Results): number[] {
  const cores = coreCounts(results);
  return cores.length <= 1 ? cores : [cores[0], cores[cores.length - 1]];
}

const isNumeric = (axis: VaryAxis) => axis.values.every((v) => typeof v === 'number');
const coresLabel = (n: number) => `${n} ${n === 1 ? 'core' : 'cores'}`;

/** Every combination of the axes' values, in axis order (the first axis varies slowest). */
export function combinations(axes: VaryAxis[]): VaryValue[][] {
  return axes.reduce<VaryValue[][]>(
    (combos, axis) => combos.flatMap((c) => axis.values.map((v) => [...c, v])),
    [[]],
  );
}

/**
 * The last part of each path ("needZeroFraction"), so panel titles fit above a panel; the whole
 * path where two axes share that part. The x axis and tooltips name fields by their whole path.
 */
export function shortNames(axes: VaryAxis[]): string[] {
  const last = axes.map((a) => a.path.split('.').pop() ?? a.path);
  return axes.map((a, i) => (last.indexOf(last[i]) === last.lastIndexOf(last[i]) ? last[i] : a.path));
}

function panelLabel(cores: number, names: string[], values: VaryValue[]): string {
  const held = names.map((name, i) => `${name} = ${String(values[i])}`);
  return [coresLabel(cores), ...held].join(' · ');
}

/** Panel labels in display order: rows are combinations of the other fields, columns core counts. */
export function whatifPanels(results: Results): string[] {
  const others = whatifAxes(results).slice(1);
  const names = shortNames(whatifAxes(results)).slice(1);
  return combinations(others).flatMap((combo) =>
    whatifCores(results).map((c) => panelLabel(c, names, combo)),
  );
}

export function whatifMetricRows(results: Results) {
  const [first, ...others] = whatifAxes(results);
  const names = shortNames(whatifAxes(results)).slice(1);
  const cores = whatifCores(results);
  return results.points
    .filter((p) => cores.includes(p.cores) && p.vary !== undefined && first.path in p.vary)
    .map((p) => {
      const vary = p.vary!;
      const value = vary[first.path];
      const fields = Object.fromEntries(whatifAxes(results).map((a, i) => [`v${i}`, String(vary[a.path])]));
      return {
        policy: p.policy,
        cores: p.cores,
        x: isNumeric(first) ? value : String(value),
        panel: panelLabel(
          p.cores,
          names,
          others.map((a) => vary[a.path]),
        ),
        ...fields,
        allocsPerSec: p.allocsPerSec.mean,
        ci95: p.allocsPerSec.ci95,
        lo: Math.max(0, p.allocsPerSec.mean - p.allocsPerSec.ci95),
        hi: p.allocsPerSec.mean + p.allocsPerSec.ci95,
      };
    });
}

/** x for the first axis: quantitative (log when it spans ≥ 8×) with a tick per value, or ordinal. */
function xEncoding(axis: VaryAxis) {
  if (!isNumeric(axis)) {
    return {
      field: 'x',
      type: 'ordinal' as const,
      title: axis.path,
      sort: axis.values.map(String),
      axis: { labelAngle: 0 },
    };
  }
  const values = axis.values as number[];
  const lo = Math.min(...values);
  const log = lo > 0 && Math.max(...values) / lo >= LOG_SPAN;
  return {
    field: 'x',
    type: 'quantitative' as const,
    title: axis.path,
    scale: log
      ? { type: 'log' as const, nice: false, padding: 14 }
      : { zero: false, nice: false, padding: 14 },
    // a fixed precision: vega would otherwise derive one from the tick step and print 30 as 3e+1;
    // a field in bytes is labelled in binary units, as the scenario states sizes
    axis: {
      values,
      format: ',.12~g',
      grid: true,
      ...(/Bytes(\.value)?$/.test(axis.path) ? { labelExpr: binaryBytesExpr('datum.value') } : {}),
    },
  };
}

export const whatifMetric: ChartBuilder<'whatif-metric'> = {
  name: 'whatif-metric',
  title: 'What-if: throughput against the varied values',
  caption:
    'Throughput against the varied field, one line per policy, with 95% confidence bars, for the smallest ' +
    '(left) and largest (right) simulated core counts. With two or more varied fields, the first --vary field ' +
    'is on the x axis and each row of panels holds the other fields at one combination of their values, named ' +
    'above each panel, so every simulated point is drawn once. Each panel has its own y scale from zero: compare ' +
    'rows by their tooltips. Click a legend entry to pick a policy.',
  applies: (results) => whatifAxes(results).length >= 1 && whatifMetricRows(results).length > 0,
  // the heat map exists only for exactly two varied fields (whatif-heatmap.ts)
  note: (results) =>
    whatifAxes(results).length === 2 ? 'The heat map compares every combination on one colour scale.' : null,
  build(results) {
    const axes = whatifAxes(results);
    const panels = whatifPanels(results);
    const x = xEncoding(axes[0]);
    const y = {
      type: 'quantitative' as const,
      title: 'throughput (allocs/s)',
      scale: { zero: true },
      // a fixed precision, so 0 reads "0" rather than "0k"
      axis: { format: '.3~s' },
    };
    const color = policyColor(results);
    const tooltip = [
      { field: 'policy', type: 'nominal' as const },
      { field: 'cores', type: 'quantitative' as const },
      ...axes.map((a, i) => ({ field: `v${i}`, type: 'nominal' as const, title: a.path })),
      { field: 'allocsPerSec', type: 'quantitative' as const, title: 'allocs/s', format: ',.0f' },
      { field: 'ci95', type: 'quantitative' as const, title: '± 95% CI (allocs/s)', format: ',.0f' },
    ];
    return {
      ...base(`Throughput (allocations/s) against ${axes.map((a) => a.path).join(', ')}, per policy`),
      data: { values: whatifMetricRows(results) },
      facet: {
        field: 'panel',
        type: 'nominal',
        title: null,
        sort: panels,
        header: { labelFontWeight: 'bold', labelAnchor: 'start', labelLimit: PANEL_WIDTH },
      },
      columns: whatifCores(results).length,
      spacing: { row: 14, column: 18 },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        encoding: {
          x,
          color: { ...color, legend: { ...color.legend, orient: 'top', direction: 'horizontal' } },
          opacity: pickedOpacity(),
        },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, tooltip },
          },
          {
            params: [legendPick()],
            mark: { type: 'line', point: true, strokeWidth: 2 },
            encoding: { y: { ...y, field: 'allocsPerSec' }, tooltip },
          },
        ],
      },
    };
  },
};
