/**
 * Builds the self-contained report page from results, built charts and the inlined vega scripts:
 * a compact header, the what-if axes, key findings and capacity answers, the chart grid, then the
 * USL fit, sensitivity, results, MVA cross-check, policies and parameters. Pure: it writes nothing,
 * and escapes every piece of user text.
 */
import type { Results } from '../sim/types/index.js';
import type { BuiltChart } from './charts/index.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { keyFindings } from './findings.js';
import { formatCount } from './format.js';
import { BOOT_SCRIPT } from './page-script.js';
import { PAGE_CSS } from './page-style.js';
import { coreCounts, policyNames } from './points.js';
import { sha256Base64 } from './sha256.js';
import {
  capacityDetails,
  capacitySection,
  sensitivityNote,
  sensitivityTable,
  uslNote,
  uslTable,
  whatifSection,
} from './study-sections.js';
import { crossCheckTable, parameterTables, policyTable, precisionNote, resultsTable } from './tables.js';
import { whatifAxes } from './views.js';

/** The browser builds of vega, vega-lite and vega-embed, as text: the CLI reads them, the page inlines them. */
export interface ChartAssets {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

/**
 * A script ready to inline. A literal `</script` would end the inline element early; the vega builds
 * contain none today, and `<\/script` is equivalent in JS strings and regexes if one appears.
 */
function inlineScript(text: string): string {
  return text.replace(/<\/script/gi, '<\\/script');
}

/** CSP source for one inline script: only scripts with exactly this text may run. */
function scriptHash(text: string): string {
  return `'sha256-${sha256Base64(text)}'`;
}

/**
 * The page allows no network at all (default-src 'none') and runs only the four inline scripts it
 * ships, by hash, so even markup that slipped past escaping could not execute. Vega compiles its
 * expressions with Function (unsafe-eval); vega-embed and vega-tooltip inject styles.
 */
export function contentSecurityPolicy(scripts: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(scriptHash).join(' ')} 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function header(results: Results): string {
  const s = results.scenario;
  const cores = coreCounts(results);
  const events = results.points.reduce((sum, p) => sum + p.events, 0);
  const meta = [
    `scenario ${s.name}`,
    `${results.tool.name} ${results.tool.version}`,
    `seed ${s.run.seed}`,
    `${s.run.replications} replications per point`,
    cores.length > 0 ? `cores ${cores.join(', ')}` : 'no points',
    plural(policyNames(results).length, 'policy', 'policies'),
    ...(whatifAxes(results).length > 0
      ? [`what-if over ${plural(whatifAxes(results).length, 'field', 'fields')}`]
      : []),
    `${formatCount(events)} events simulated`,
  ];
  return `<header class="top">
<h1>${escapeHtml(s.title || s.name)}</h1>
${s.description ? `<p class="desc">${escapeHtml(s.description)}</p>\n` : ''}<p class="meta">${meta.map((m) => `<span>${escapeHtml(m)}</span>`).join('')}</p>
</header>`;
}

function findings(results: Results): string {
  const items = keyFindings(results).map((f) => `<li>${escapeHtml(f.text)}</li>`);
  if (items.length === 0) return '';
  return `<section class="findings" aria-label="key findings">
<h2>Key findings</h2>
<ul>
${items.join('\n')}
</ul>
</section>`;
}

function chartCard(chart: BuiltChart): string {
  const id = escapeHtml(chart.name);
  return `<figure class="card${chart.wide ? ' wide' : ''}" id="fig-${id}">
<h3>${escapeHtml(chart.title)}</h3>
<div class="chart" id="chart-${id}" data-chart="${id}" role="img" aria-label="${escapeHtml(chart.title)}"></div>
<figcaption>${escapeHtml(chart.caption)} <span class="file">(charts/${id}.vl.json, charts/${id}.svg)</span></figcaption>
</figure>`;
}

/** The USL fit and sensitivity tables, when the results carry them. */
function studyTables(results: Results): string {
  const usl = uslTable(results);
  const sensitivity = sensitivityTable(results);
  return [
    usl === null
      ? ''
      : `<h2>Scalability fit (USL)</h2>\n<p>${escapeHtml(uslNote(results))}</p>\n<div class="table-wrap">${usl}</div>\n`,
    sensitivity === null
      ? ''
      : `<h2>Sensitivity</h2>\n<p>${escapeHtml(sensitivityNote(results))}</p>\n<div class="table-wrap">${sensitivity}</div>\n`,
    capacityDetails(results),
  ].join('');
}

function details(results: Results): string {
  const crossCheck = crossCheckTable(results);
  return `<section class="details">
${studyTables(results)}<h2>Results</h2>
${precisionParagraph(results)}<div class="table-wrap">${resultsTable(results)}</div>
<h2>Analytic cross-check: simulation against mean value analysis</h2>
${
  crossCheck === null
    ? '<p>No point of this study is product-form, so there is no MVA to compare with.</p>'
    : `<p>Exact MVA is a closed-form prediction; the simulation should match it within its own 95% CI. Approximate rows are for orientation only.</p>\n<div class="table-wrap">${crossCheck}</div>`
}
<h2>Policies</h2>
<div class="table-wrap">${policyTable(results)}</div>
<h2>Parameters</h2>
<div class="params-grid">${parameterTables(results)}</div>
</section>`;
}

export function renderHtml(results: Results, charts: BuiltChart[], assets: ChartAssets): string {
  const scripts = [assets.vega, assets.vegaLite, assets.vegaEmbed, BOOT_SCRIPT].map(inlineScript);
  const specs = charts.map((c) => ({ name: c.name, spec: c.spec }));
  const title = results.scenario.title || results.scenario.name;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(scripts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${results.tool.name} ${results.tool.version}`)}">
<title>${escapeHtml(`${title} · zerosim report`)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
${header(results)}
${whatifSection(results)}
${findings(results)}
${capacitySection(results)}
<main class="charts">
${charts.map(chartCard).join('\n')}
</main>
<noscript><p>The charts need JavaScript. Static copies are in the charts/ folder beside this report.</p></noscript>
${details(results)}
<footer>Generated by ${escapeHtml(`${results.tool.name} ${results.tool.version}`)} from results.json. Throughputs are per second of simulated time; ± values are half-widths of t-based 95% confidence intervals over replications.</footer>
<script type="application/json" id="zerosim-results">${jsonForScript(results)}</script>
<script type="application/json" id="zerosim-specs">${jsonForScript(specs)}</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The --precision sentence above the results table, escaped; nothing for other runs. */
function precisionParagraph(results: Results): string {
  const note = precisionNote(results);
  return note === null ? '' : `<p class="precision">${escapeHtml(note)}</p>\n`;
}
