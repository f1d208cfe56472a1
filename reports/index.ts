/**
 * The report entry point the CLI calls: results → chart specs → HTML page and one SVG per chart.
 * Returns strings only; the CLI writes report.html and charts/<name>.vl.json / .svg.
 *
 *   results ─┬─ buildCharts ──┬─ renderHtml(+ inlined vega assets) → html
 *            │                └─ toSvg (headless vega)             → charts[].svg
 *            └─ keyFindings (inside renderHtml)
 */
import type { Results } from '../sim/types/index.js';
import { loadAssets } from './assets.js';
import { buildCharts } from './charts/index.js';
import { renderHtml } from './html.js';
import { toSvg } from './svg.js';

export type { ChartAssets } from './assets.js';
export { loadAssets } from './assets.js';
export type { BuiltChart, ChartBuilder, ChartName } from './charts/index.js';
export { buildCharts, CHART_NAMES, CHARTS } from './charts/index.js';
export { escapeHtml, jsonForScript } from './escape.js';
export type { Finding } from './findings.js';
export { keyFindings } from './findings.js';
export { renderHtml } from './html.js';
export { toSvg } from './svg.js';

export interface Report {
  html: string;
  charts: Array<{ name: string; spec: object; svg: string }>;
}

export async function buildReport(results: Results): Promise<Report> {
  const built = buildCharts(results);
  const html = renderHtml(results, built, loadAssets());
  const charts = await Promise.all(
    built.map(async (chart) => ({ name: chart.name, spec: chart.spec, svg: await toSvg(chart.spec) })),
  );
  return { html, charts };
}
