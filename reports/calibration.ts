/**
 * The calibration page (calibration.html): what was fitted and how well it predicts, self-contained
 * and offline, in the study report's style: header, error summary, fitted parameters with their ±,
 * one chart per bench (measured points, predicted lines; held-lock rows apart), and every row.
 * Pure: data in, text out; every piece of user text escaped.
 */
import type { CalibratedRow, Calibration, ErrorSummary } from '../sim/types/calibration.js';
import { type CalibrationChart, calibrationCharts } from './calibration-charts.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { formatSi } from './format.js';
import { type ChartAssets, contentSecurityPolicy } from './html.js';
import { BOOT_SCRIPT } from './page-script.js';
import { PAGE_CSS } from './page-style.js';
import { table } from './tables.js';

const pct = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)}%`);
const signedPct = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;

function summaryRow(label: string, s: ErrorSummary): string[] {
  return [label, String(s.rows), pct(s.medianAbsErrorPct), pct(s.maxAbsErrorPct)];
}

function summaryTable(c: Calibration): string {
  const rows = [summaryRow('all fit rows', c.summary.fit), summaryRow('all check rows', c.summary.check)];
  for (const [bench, s] of Object.entries(c.summaryByBench)) {
    if (s.fit.rows > 0) rows.push(summaryRow(`${bench}, fit`, s.fit));
    if (s.check.rows > 0) rows.push(summaryRow(`${bench}, check`, s.check));
  }
  return table(['rows', 'count', 'median |error|', 'worst |error|'], rows, [1, 2, 3]);
}

function parameterTable(c: Calibration): string {
  return table(
    ['parameter', 'value', '±', 'unit', 'from', '± by'],
    c.parameters.map((p) => [
      p.name,
      formatSi(p.value, 4),
      p.plusMinus === null ? 'undetermined' : formatSi(p.plusMinus, 2),
      p.unit,
      p.from,
      p.uncertainty,
    ]),
    [1, 2],
  );
}

function rowParameters(r: CalibratedRow): string {
  const parts: string[] = [`threads ${r.threads}`];
  for (const key of ['blockBytes', 'pageBytes', 'workNs', 'holdNs', 'zeroAt'])
    if (r[key] !== undefined) parts.push(`${key} ${String(r[key])}`);
  return parts.join(', ');
}

function rowsTable(c: Calibration): string {
  return table(
    ['line', 'use', 'bench', 'parameters', 'measured', 'predicted', 'error', 'predicted by'],
    c.rows.map((r) => [
      String(r.line),
      r.use,
      r.bench,
      rowParameters(r),
      `${formatSi(r.measured, 4)} ${r.unit}`,
      formatSi(r.predicted, 4),
      signedPct(r.errorPct),
      r.predictedBy,
    ]),
    [0, 4, 5, 6],
  );
}

function chartCard(chart: CalibrationChart): string {
  const id = escapeHtml(chart.name);
  return `<figure class="card${chart.wide ? ' wide' : ''}" id="fig-${id}">
<h3>${escapeHtml(chart.title)}</h3>
<div class="chart" id="chart-${id}" data-chart="${id}" role="img" aria-label="${escapeHtml(chart.title)}"></div>
<figcaption>${escapeHtml(chart.caption)}</figcaption>
</figure>`;
}

export function renderCalibrationHtml(c: Calibration, assets: ChartAssets): string {
  const charts = calibrationCharts(c);
  const scripts = [assets.vega, assets.vegaLite, assets.vegaEmbed, BOOT_SCRIPT];
  const specs = charts.map((chart) => ({ name: chart.name, spec: chart.spec }));
  const meta = [
    `source ${c.source}`,
    `${c.tool.name} ${c.tool.version}`,
    `${c.rows.length} rows`,
    c.model.caches ? 'model with cache levels' : 'model without cache levels',
    `lock model ${c.model.lock}`,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(scripts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${c.tool.name} ${c.tool.version}`)}">
<title>Calibration · zerosim</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="top">
<h1>Calibration: measured against predicted</h1>
<p class="desc">${escapeHtml(c.model.note)}</p>
<p class="meta">${meta.map((m) => `<span>${escapeHtml(m)}</span>`).join('')}</p>
</header>
<section class="details">
${c.notes.length > 0 ? `<h2>Notes</h2>\n<ul>${c.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>\n` : ''}<h2>Prediction error</h2>
<p>errorPct = 100 × (predicted − measured) / measured, in each row's own unit. Check rows were never fitted.</p>
<div class="table-wrap">${summaryTable(c)}</div>
<h2>Fitted parameters</h2>
<p>${escapeHtml(c.uncertainty)}</p>
<div class="table-wrap">${parameterTable(c)}</div>
</section>
<main class="charts">
${charts.map(chartCard).join('\n')}
</main>
<noscript><p>The charts need JavaScript; every number is in the tables and in calibration.json.</p></noscript>
<section class="details">
<h2>Machine (machine.json)</h2>
<pre><code>${escapeHtml(JSON.stringify(c.machine, null, 2))}</code></pre>
<h2>Every row</h2>
<div class="table-wrap">${rowsTable(c)}</div>
</section>
<footer>Generated by ${escapeHtml(`${c.tool.name} ${c.tool.version}`)} from calibration.json.</footer>
<script type="application/json" id="zerosim-specs">${jsonForScript(specs)}</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
