/**
 * The shape the two "where does it go" charts share: horizontal stacked bars, one per policy, in one
 * row per selected core count, coloured by category, with a legend that picks categories.
 */
import type { Results } from '../../sim/experiment/types.js';
import { policyNames, selectedCores } from '../points.js';
import { base, type Layer, legendPick, pickedOpacity, type TopLevelSpec } from './common.js';

export interface StackedRow {
  policy: string;
  cores: number;
  category: string;
  /** position of the category in the stack, so stacks read left to right in a fixed order */
  order: number;
  value: number;
  /** value as a fraction of the bar, for tooltips */
  share: number;
}

export interface StackedOptions {
  description: string;
  rows: StackedRow[];
  categories: Array<{ label: string; color: string }>;
  xTitle: string;
  xFormat: string;
  /** 'normalize' for shares that must add to 100% */
  stack: 'zero' | 'normalize';
  valueTitle: string;
  valueFormat: string;
  /** a vega expression over `datum.total` that labels each bar's end, so even tiny bars say what they hold */
  totalLabel?: string;
}

/** Row height per bar, in pixels. */
const BAR_STEP = 18;
/** Plot width: narrower than single charts, since row headers and policy labels sit to the left. */
const STACK_WIDTH = 300;

export function stackedByCores(results: Results, options: StackedOptions): TopLevelSpec {
  const domain = options.categories.map((c) => c.label);
  return {
    ...base(options.description),
    data: { values: options.rows },
    facet: {
      row: {
        field: 'cores',
        type: 'ordinal',
        sort: 'ascending',
        title: null,
        header: {
          labelExpr: "datum.value + (datum.value === 1 ? ' core' : ' cores')",
          labelAngle: 0,
          labelAlign: 'left',
          labelFontWeight: 'bold',
        },
      },
    },
    spacing: 8,
    spec: {
      width: STACK_WIDTH,
      height: { step: BAR_STEP },
      encoding: {
        y: {
          field: 'policy',
          type: 'nominal',
          title: null,
          sort: policyNames(results),
          axis: { labelLimit: 220 },
        },
      },
      layer: [
        {
          params: [legendPick('category')],
          mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            x: {
              field: 'value',
              type: 'quantitative',
              title: options.xTitle,
              stack: options.stack,
              axis: { format: options.xFormat },
            },
            color: {
              field: 'category',
              type: 'nominal',
              title: null,
              scale: { domain, range: options.categories.map((c) => c.color) },
              legend: { orient: 'top', direction: 'horizontal', columns: 3, symbolOpacity: 1 },
            },
            order: { field: 'order', type: 'quantitative' },
            opacity: pickedOpacity(1, 0.2),
            tooltip: [
              { field: 'policy', type: 'nominal' },
              { field: 'cores', type: 'quantitative' },
              { field: 'category', type: 'nominal', title: 'where' },
              {
                field: 'value',
                type: 'quantitative',
                title: options.valueTitle,
                format: options.valueFormat,
              },
              { field: 'share', type: 'quantitative', title: 'share of bar (%)', format: '.1%' },
            ],
          },
        },
        ...totalLayer(options),
      ],
    },
  };
}

function totalLayer(options: StackedOptions): Layer[] {
  if (options.totalLabel === undefined) return [];
  return [
    {
      transform: [
        { aggregate: [{ op: 'sum', field: 'value', as: 'total' }], groupby: ['policy'] },
        { calculate: options.totalLabel, as: 'label' },
      ],
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333' },
      encoding: {
        x: { field: 'total', type: 'quantitative' },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
}

/** The rows for every policy at the selected core counts; `parts` returns a point's category values. */
export function rowsAtSelectedCores(
  results: Results,
  categories: ReadonlyArray<{ label: string }>,
  parts: (point: Results['points'][number]) => number[],
): StackedRow[] {
  const cores = selectedCores(results);
  return results.points
    .filter((p) => cores.includes(p.cores))
    .sort((a, b) => a.cores - b.cores)
    .flatMap((p) => {
      const values = parts(p);
      const total = values.reduce((a, b) => a + b, 0);
      return categories.map((c, order) => ({
        policy: p.policy,
        cores: p.cores,
        category: c.label,
        order,
        value: values[order],
        share: total > 0 ? values[order] / total : 0,
      }));
    });
}
