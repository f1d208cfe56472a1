/**
 * The chart registry: every chart the report can draw, keyed by its stable file name
 * (charts/<name>.vl.json). Adding a chart means one file and one line here; the Record makes
 * the compiler catch a name without a builder.
 */
import type { Results } from '../../sim/experiment/types.js';
import { bandwidth } from './bandwidth.js';
import { clearedBytes } from './cleared-bytes.js';
import type { ChartBuilder, TopLevelSpec } from './common.js';
import { latency } from './latency.js';
import { lock } from './lock.js';
import { speedup } from './speedup.js';
import { throughput } from './throughput.js';
import { timeShare } from './time-share.js';

export type { ChartBuilder } from './common.js';

/** Every chart name, in the order the report shows them. */
export const CHART_NAMES = [
  'throughput',
  'speedup',
  'lock',
  'time-share',
  'cleared-bytes',
  'latency',
  'bandwidth',
] as const;

export type ChartName = (typeof CHART_NAMES)[number];

export const CHARTS: { [N in ChartName]: ChartBuilder<N> } = {
  throughput,
  speedup,
  lock,
  'time-share': timeShare,
  'cleared-bytes': clearedBytes,
  latency,
  bandwidth,
};

/** A chart built for one results file: what the page and the charts/ folder need. */
export interface BuiltChart {
  name: ChartName;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Builds every chart that applies to these results, in display order. */
export function buildCharts(results: Results): BuiltChart[] {
  return CHART_NAMES.map((name) => CHARTS[name] as ChartBuilder<ChartName>)
    .filter((chart) => chart.applies(results))
    .map((chart) => ({
      name: chart.name,
      title: chart.title,
      caption: chart.caption,
      spec: chart.build(results),
    }));
}
