/**
 * The charts the playground draws, shared by the page builder (reports/playground.ts), which draws them
 * beforehand for the CLI run's results, and the page (sim/browser/charts.ts), which draws them again
 * for every answer it simulates. Its own module, so the page's script takes no headless renderer.
 */
import type { ChartName } from './charts/index.js';

/** The charts the playground draws, in page order. */
export const PLAYGROUND_CHARTS = ['throughput', 'time-share'] as const satisfies readonly ChartName[];

/** The playground's charts of some results, drawn as SVG; a chart that does not apply to them is absent. */
export type StaticCharts = Partial<Record<(typeof PLAYGROUND_CHARTS)[number], string>>;
