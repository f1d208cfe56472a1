/**
 * Pieces every chart shares: the chart-builder contract, one colour per policy that is the same
 * in every chart, the log2 cores axis, the legend-toggle parameter and the page-wide config.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../../sim/types/index.js';
import { coreCounts, hasOnePointPerCoreCount, identicalCurves, policyNames } from '../points.js';

export type { TopLevelSpec };
/** one member of a `layer` array, so conditionally built layers keep their literal mark types */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** One chart: a stable file name, a title, a caption saying how to read it, and a pure builder. */
export interface ChartBuilder<Name extends string = string> {
  name: Name;
  title: string;
  /** plain text under the chart: what it shows and why a curve bends */
  caption: string;
  /** false when this results file has nothing for the chart (e.g. a what-if chart on a plain run) */
  applies(results: Results): boolean;
  build(results: Results): TopLevelSpec;
  /** a sentence for these results appended to the caption, e.g. which slice of a what-if grid is drawn */
  note?(results: Results): string | null;
  /** the chart spans the full width of the page's chart grid */
  wide?: boolean;
}

/** Width and height of one plot panel, in pixels. */
export const WIDTH = 380;
export const HEIGHT = 230;
/** width of one panel when a chart puts two side by side */
export const HALF_WIDTH = 165;

/** The name of the legend-bound selection that dims every policy but the clicked ones. */
export const PICK = 'pick';

/** Colour-blind-safe, distinct on white (Tableau 10 order, reordered so neighbours differ). */
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#7f7f7f',
  '#bcbd22',
];

/** The charts for plain (non-what-if) runs apply when the results have one point per policy × cores. */
export function appliesToSweep(results: Results): boolean {
  return hasOnePointPerCoreCount(results);
}

/**
 * Colour by policy, with the same policy → colour mapping in every chart of one report. Every layer
 * of a chart uses this same encoding, so vega-lite merges them into one legend.
 */
export function policyColor(results: Results) {
  const domain = policyNames(results);
  const range = domain.map((_, i) => PALETTE[i % PALETTE.length]);
  return {
    field: 'policy',
    type: 'nominal' as const,
    title: 'policy',
    scale: { domain, range },
    legend: { title: 'policy', symbolOpacity: 1 },
  };
}

/** The x encoding of every "against cores" chart: log2 scale, a tick at each simulated core count. */
export function coresAxis(results: Results) {
  return {
    field: 'cores',
    type: 'quantitative' as const,
    title: 'cores',
    scale: { type: 'log' as const, base: 2, nice: false },
    axis: { values: coreCounts(results), format: 'd', grid: true },
  };
}

/** A legend-bound point selection on one field; clicking a legend entry keeps only that series bright. */
export function legendPick(field = 'policy', name = PICK) {
  return { name, select: { type: 'point' as const, fields: [field] }, bind: 'legend' as const };
}

/** Opacity that follows the legend pick: full for picked series (or when nothing is picked). */
export function pickedOpacity(on = 1, off = 0.12, name = PICK) {
  return { condition: { param: name, value: on, empty: true }, value: off };
}

/** A legend for a strokeDash encoding: dashes are only readable on a long, thick symbol. */
export const DASH_LEGEND = {
  symbolType: 'stroke',
  symbolSize: 500,
  symbolStrokeWidth: 2,
  symbolStrokeColor: '#444',
};

/** Config applied to every chart, so the page reads as one document. */
export const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  view: { stroke: '#ddd' },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal' as const,
    labelColor: '#333',
    titleColor: '#222',
  },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 220, symbolSize: 90 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 13, anchor: 'start' as const },
};

/** The top-level fields every spec carries. */
export function base(description: string) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    background: 'white',
    padding: 6,
    config: CONFIG,
  };
}

/**
 * A vega expression that prints a byte count in binary units, as the report's text does
 * ("16 MiB", "256 KiB"): for axis labels of a bytes field, which vega's SI format would print in MB.
 */
export function binaryBytesExpr(value: string): string {
  const units: Array<[number, string]> = [
    [2 ** 40, 'TiB'],
    [2 ** 30, 'GiB'],
    [2 ** 20, 'MiB'],
    [2 ** 10, 'KiB'],
  ];
  return units.reduceRight(
    (rest, [size, unit]) =>
      `abs(${value}) >= ${size} ? format(${value} / ${size}, '.3~r') + ' ${unit}' : ${rest}`,
    `format(${value}, '.3~r') + ' B'`,
  );
}

/**
 * For the per-policy line charts other than throughput (which draws the later curves dashed): which
 * curves coincide, so a reader knows a colour hidden under another is there.
 */
export function coincidingNote(results: Results): string | null {
  const groups = identicalCurves(results);
  if (groups.length === 0) return null;
  const words = groups.map((g) => g.join(' and ')).join('; ');
  return `Identical results, so their lines coincide here and the later colour hides the earlier: ${words}.`;
}
