/**
 * The chart registry: every chart the report can draw, keyed by its stable file name
 * (charts/<name>.vl.json). Adding a chart means one file and one line here; the Record makes
 * the compiler catch a name without a builder. The plain charts draw one point per policy × cores;
 * for a what-if study they draw its base scenario (see onBaseScenario).
 */
import type { Results } from '../../sim/types/index.js';
import { baseScenarioView, baseVary, varyText } from '../views.js';
import { bandwidth } from './bandwidth.js';
import { clearedBytes } from './cleared-bytes.js';
import type { ChartBuilder, TopLevelSpec } from './common.js';
import { latency } from './latency.js';
import { lock } from './lock.js';
import { sensitivity } from './sensitivity.js';
import { speedup } from './speedup.js';
import { throughput } from './throughput.js';
import { timeShare } from './time-share.js';
import { timeline } from './timeline.js';
import { whatifHeatmap } from './whatif-heatmap.js';
import { whatifMetric } from './whatif-metric.js';

export type { ChartBuilder } from './common.js';

/** Every chart name, in the order the report shows them: a study's own charts lead. */
export const CHART_NAMES = [
  'whatif-metric',
  'whatif-heatmap',
  'throughput',
  'sensitivity',
  'speedup',
  'lock',
  'time-share',
  'timeline',
  'cleared-bytes',
  'latency',
  'bandwidth',
] as const;

export type ChartName = (typeof CHART_NAMES)[number];

/**
 * A plain chart that, given a what-if study, draws the points at the scenario's own values of the
 * varied fields (when the grid has them) and says so under the chart.
 */
export function onBaseScenario<N extends string>(chart: ChartBuilder<N>): ChartBuilder<N> {
  return {
    ...chart,
    applies: (results) => chart.applies(baseScenarioView(results)),
    build: (results) => chart.build(baseScenarioView(results)),
    note(results) {
      const base = baseVary(results);
      const own = chart.note?.(baseScenarioView(results)) ?? null;
      const slice =
        base === null
          ? null
          : `In this what-if study the chart shows the base scenario only: ${varyText(results, base)} (the scenario's own values).`;
      const notes = [own, slice].filter((n): n is string => n !== null);
      return notes.length === 0 ? null : notes.join(' ');
    },
  };
}

export const CHARTS: { [N in ChartName]: ChartBuilder<N> } = {
  'whatif-metric': whatifMetric,
  'whatif-heatmap': whatifHeatmap,
  throughput: onBaseScenario(throughput),
  sensitivity,
  speedup: onBaseScenario(speedup),
  lock: onBaseScenario(lock),
  'time-share': onBaseScenario(timeShare),
  timeline,
  'cleared-bytes': onBaseScenario(clearedBytes),
  latency: onBaseScenario(latency),
  bandwidth: onBaseScenario(bandwidth),
};

/** A chart built for one results file: what the page and the charts/ folder need. */
export interface BuiltChart {
  name: ChartName;
  title: string;
  caption: string;
  /** spans the full width of the chart grid */
  wide: boolean;
  spec: TopLevelSpec;
}

/** Builds every chart that applies to these results, in display order. */
export function buildCharts(results: Results): BuiltChart[] {
  return CHART_NAMES.map((name) => CHARTS[name] as ChartBuilder<ChartName>)
    .filter((chart) => chart.applies(results))
    .map((chart) => {
      const note = chart.note?.(results) ?? null;
      return {
        name: chart.name,
        title: chart.title,
        caption: note === null ? chart.caption : `${chart.caption} ${note}`,
        wide: chart.wide ?? false,
        spec: chart.build(results),
      };
    });
}
