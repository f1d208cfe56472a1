/**
 * The shape the two "where does it go" charts share: horizontal stacked bars, one per policy, in one
 * row per selected core count, coloured by category, with a legend that picks categories. Categories
 * may fall into groups (cleared bytes and skipped bytes): then each policy gets one bar per group,
 * one under the other, each stacked on its own.
 */
import type { Results } from '../../sim/types/index.js';
import { policyNames, selectedCores } from '../points.js';
import { base, type Layer, legendPick, pickedOpacity, type TopLevelSpec } from './common.js';

export interface StackedRow {
  policy: string;
  cores: number;
  /** the bar of the policy this row stacks in, when the categories fall into groups */
  group?: string;
  category: string;
  /** position of the category in the stack, so stacks read left to right in a fixed order */
  order: number;
  value: number;
  /** value as a fraction of the bar, for tooltips */
  share: number;
}

export interface StackedCategory {
  label: string;
  color: string;
  /** the bar this category stacks in; categories without one share a single bar per policy */
  group?: string;
}

export interface StackedOptions {
  description: string;
  rows: StackedRow[];
  categories: StackedCategory[];
  /** legend columns (the legend sits above the plot); 3 unless given */
  legendColumns?: number;
  xTitle: string;
  xFormat: string;
  /** 'normalize' for shares that must add to 100% */
  stack: 'zero' | 'normalize';
  valueTitle: string;
  valueFormat: string;
  /**
   * a vega expression over `datum.total` (and `datum.group`) that labels each bar's end, so even tiny
   * bars say what they hold
   */
  totalLabel?: string;
}

/** Row height per policy with one bar, in pixels, and added for each further bar of a group. */
const BAR_STEP = 18;
const GROUP_BAR_STEP = 12;
/** Plot width: narrower than single charts, since row headers and policy labels sit to the left. */
const STACK_WIDTH = 300;

/** The groups of the categories, in order; empty when they have none. */
function groupsOf(categories: ReadonlyArray<{ group?: string }>): string[] {
  return [...new Set(categories.flatMap((c) => (c.group === undefined ? [] : [c.group])))];
}

/** With groups, the bars of one policy sit one under the other, in group order. */
function groupOffset(groups: string[]) {
  return groups.length === 0
    ? {}
    : { yOffset: { field: 'group', type: 'nominal' as const, sort: groups, title: null } };
}

export function stackedByCores(results: Results, options: StackedOptions): TopLevelSpec {
  const domain = options.categories.map((c) => c.label);
  const groups = groupsOf(options.categories);
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
      height:
        groups.length === 0
          ? { step: BAR_STEP }
          : { step: BAR_STEP + GROUP_BAR_STEP * (groups.length - 1), for: 'position' },
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
              legend: {
                orient: 'top',
                direction: 'horizontal',
                columns: options.legendColumns ?? 3,
                symbolOpacity: 1,
              },
            },
            ...groupOffset(groups),
            order: { field: 'order', type: 'quantitative' },
            opacity: pickedOpacity(1, 0.2),
            tooltip: [
              { field: 'policy', type: 'nominal' },
              { field: 'cores', type: 'quantitative' },
              ...(groups.length === 0 ? [] : [{ field: 'group', type: 'nominal' as const, title: 'bar' }]),
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
  const groups = groupsOf(options.categories);
  return [
    {
      transform: [
        {
          aggregate: [{ op: 'sum', field: 'value', as: 'total' }],
          groupby: groups.length === 0 ? ['policy'] : ['policy', 'group'],
        },
        { calculate: options.totalLabel, as: 'label' },
      ],
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333' },
      encoding: {
        x: { field: 'total', type: 'quantitative' },
        ...groupOffset(groups),
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
}

/**
 * The rows for every policy at the selected core counts; `parts` returns a point's category values.
 * A row's share is of its own bar: of its group's total when the categories have groups.
 */
export function rowsAtSelectedCores(
  results: Results,
  categories: ReadonlyArray<{ label: string; group?: string }>,
  parts: (point: Results['points'][number]) => number[],
): StackedRow[] {
  const cores = selectedCores(results);
  return results.points
    .filter((p) => cores.includes(p.cores))
    .sort((a, b) => a.cores - b.cores)
    .flatMap((p) => {
      const values = parts(p);
      const total = (group: string | undefined) =>
        values.reduce((sum, v, i) => (categories[i].group === group ? sum + v : sum), 0);
      return categories.map((c, order) => {
        const bar = total(c.group);
        return {
          policy: p.policy,
          cores: p.cores,
          ...(c.group === undefined ? {} : { group: c.group }),
          category: c.label,
          order,
          value: values[order],
          share: bar > 0 ? values[order] / bar : 0,
        };
      });
    });
}
