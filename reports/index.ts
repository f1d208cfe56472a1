/**
 * The report entry point the CLI calls: results and the vega builds' text → chart specs → HTML page
 * and one SVG per chart. Data in, strings out: it reads and writes no file, so it runs in a browser
 * page as well; the CLI reads the builds (sim/cli/assets.ts) and writes report.html and
 * charts/<name>.vl.json / .svg.
 *
 *   results ─┬─ buildCharts ──┬─ renderHtml(+ inlined vega assets) → html
 *            │                └─ toSvg (headless vega)             → charts[].svg
 *            └─ keyFindings (inside renderHtml)
 */
import type { Results } from '../sim/types/index.js';
import { buildCharts } from './charts/index.js';
import { type ChartAssets, renderHtml } from './html.js';
import { toSvg } from './svg.js';

export type { BuiltChart, ChartBuilder, ChartName } from './charts/index.js';
export { buildCharts, CHART_NAMES, CHARTS } from './charts/index.js';
export { escapeHtml, jsonForScript } from './escape.js';
export type { Finding } from './finding.js';
export { keyFindings } from './findings.js';
export type { ChartAssets } from './html.js';
export { renderHtml } from './html.js';
export { toSvg } from './svg.js';

export interface Report {
  html: string;
  charts: Array<{ name: string; spec: object; svg: string }>;
}

export async function buildReport(results: Results, assets: ChartAssets): Promise<Report> {
  const built = buildCharts(results);
  const html = renderHtml(results, built, assets);
  const charts = await Promise.all(
    built.map(async (chart) => ({ name: chart.name, spec: chart.spec, svg: await toSvg(chart.spec) })),
  );
  return { html, charts };
}
