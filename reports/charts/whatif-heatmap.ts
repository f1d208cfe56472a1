/**
 * What-if chart 2, when exactly two fields vary: a heat map of throughput over the two varied
 * values at the largest simulated core count, one panel per policy, each cell labelled with its value.
 */
import type { Results } from '../../sim/types/index.js';
import { formatSi } from '../format.js';
import { coreCounts, policyNames } from '../points.js';
import { whatifAxes } from '../views.js';
import { base, type ChartBuilder } from './common.js';

/** Cell width in pixels: wide enough for a label such as "210 k". */
const CELL_WIDTH = 62;
/** Cells are at least this high, and together at least PLOT_HEIGHT, so the y title fits beside them. */
const CELL_HEIGHT = 34;
const PLOT_HEIGHT = 170;
/** Labels on cells darker than this share of the colour range are white (viridis is dark at its low end). */
const DARK_SHARE = 0.55;

function largestCores(results: Results): number {
  const cores = coreCounts(results);
  return cores[cores.length - 1];
}

export function heatmapRows(results: Results) {
  const [a, b] = whatifAxes(results);
  const cores = largestCores(results);
  return results.points
    .filter((p) => p.cores === cores && p.vary !== undefined && a.path in p.vary && b.path in p.vary)
    .map((p) => ({
      policy: p.policy,
      cores: p.cores,
      x: String(p.vary![a.path]),
      y: String(p.vary![b.path]),
      allocsPerSec: p.allocsPerSec.mean,
      ci95: p.allocsPerSec.ci95,
      label: formatSi(p.allocsPerSec.mean),
    }));
}

export const whatifHeatmap: ChartBuilder<'whatif-heatmap'> = {
  name: 'whatif-heatmap',
  title: 'What-if: throughput over both varied fields',
  caption:
    'Throughput at the largest simulated core count for every combination of the two varied fields, one panel ' +
    'per policy, on one colour scale shared by all panels (viridis: dark is low, yellow is high). Each cell ' +
    'shows its allocations per second; hover for the 95% CI. A panel of one colour means the policy does not ' +
    'react to either field at this core count.',
  applies: (results) => whatifAxes(results).length === 2 && heatmapRows(results).length > 0,
  build(results) {
    const [a, b] = whatifAxes(results);
    const rows = heatmapRows(results);
    const values = rows.map((r) => r.allocsPerSec);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const darkBelow = lo + DARK_SHARE * (hi - lo);
    return {
      ...base(
        `Heat map of throughput (allocations/s) over ${a.path} and ${b.path} at ${largestCores(results)} cores, per policy`,
      ),
      data: { values: rows },
      facet: {
        field: 'policy',
        type: 'nominal',
        title: null,
        sort: policyNames(results),
        header: {
          labelFontWeight: 'bold',
          labelExpr: `datum.value + ' · ${largestCores(results)} cores'`,
          labelLimit: 260,
        },
      },
      columns: 3,
      spacing: { column: 22, row: 14 },
      spec: {
        width: { step: CELL_WIDTH },
        height: { step: Math.max(CELL_HEIGHT, Math.ceil(PLOT_HEIGHT / b.values.length)) },
        encoding: {
          x: {
            field: 'x',
            type: 'ordinal',
            title: a.path,
            sort: a.values.map(String),
            axis: { labelAngle: 0 },
          },
          y: {
            field: 'y',
            type: 'ordinal',
            title: b.path,
            // largest value on top, as on a numeric y axis
            sort: b.values.map(String).reverse(),
          },
        },
        layer: [
          {
            mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
            encoding: {
              color: {
                field: 'allocsPerSec',
                type: 'quantitative',
                title: 'throughput (allocs/s)',
                scale: { scheme: 'viridis' },
                legend: { format: '~s', gradientLength: 120 },
              },
              tooltip: [
                { field: 'policy', type: 'nominal' },
                { field: 'cores', type: 'quantitative' },
                { field: 'x', type: 'nominal', title: a.path },
                { field: 'y', type: 'nominal', title: b.path },
                { field: 'allocsPerSec', type: 'quantitative', title: 'allocs/s', format: ',.0f' },
                { field: 'ci95', type: 'quantitative', title: '± 95% CI (allocs/s)', format: ',.0f' },
              ],
            },
          },
          {
            mark: { type: 'text', fontSize: 12, tooltip: false },
            encoding: {
              text: { field: 'label', type: 'nominal' },
              color: {
                condition: { test: `datum.allocsPerSec < ${darkBelow}`, value: 'white' },
                value: 'black',
              },
            },
          },
        ],
      },
    };
  },
};
