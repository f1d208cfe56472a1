/**
 * Builds playground.html: the scenario's inputs and charts, simulated in the page. Pure, like the report:
 * the CLI hands it the scenario, the presets, the scripts as text and, after a plain run, that run's
 * results (sim/cli/playground.ts), and it returns the page. The simulator (the worker bundle) travels as a JSON string and runs from a Blob URL;
 * the page's CSP allows exactly the inline scripts it ships (by hash), WebAssembly (the HDR histograms),
 * and workers from blob: URLs; no network, no eval (vega runs its expressions in its interpreter).
 */
import type { DistName, PolicySpec, Results, Scenario } from '../sim/types/index.js';
import { CHARTS } from './charts/index.js';
import { escapeHtml, jsonForScript } from './escape.js';
import type { ChartAssets } from './html.js';
import { PLAYGROUND_CHARTS, type StaticCharts } from './playground-charts.js';
import { PLAYGROUND_CSS } from './playground-style.js';
import { sha256Base64 } from './sha256.js';
import { toSvg } from './svg.js';

/** What the page's script reads from the page (sim/browser/app.ts). */
export interface PlaygroundConfig {
  /** the resolved scenario the inputs start at */
  scenario: Scenario;
  /** every preset, offered as a checkbox beside the scenario's own policies */
  presets: PolicySpec[];
  /** the distribution families a distribution field may switch to */
  distributions: DistName[];
  /** written into the results as tool.version, as the CLI does */
  toolVersion: string;
  /** the CLI's --target-allocs-per-sec, for the same capacity answers; null without it */
  targetAllocsPerSec: number | null;
  /** names the edited scenario in problem lines */
  source: string;
}

/** The vega builds, and the playground's two bundles (dist/browser/, built by sim/browser/build.mjs). */
export interface PlaygroundAssets extends ChartAssets {
  /** the page script */
  app: string;
  /** the simulator, run as a Web Worker */
  worker: string;
}

/** A script ready to inline: a literal `</script` would end the element early (`<\/script` is the same in JS). */
function inlineScript(text: string): string {
  return text.replace(/<\/script/gi, '<\\/script');
}

function contentSecurityPolicy(scripts: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map((s) => `'sha256-${sha256Base64(s)}'`).join(' ')} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The page's charts of `results`, as vega draws them headless (reports/svg.ts), built from the results
 * as JSON holds them, as the page has them.
 */
async function staticCharts(results: Results): Promise<StaticCharts> {
  const asJson = JSON.parse(JSON.stringify(results)) as Results;
  const charts: StaticCharts = {};
  for (const name of PLAYGROUND_CHARTS) {
    const chart = CHARTS[name];
    if (chart.applies(asJson)) charts[name] = await toSvg(chart.build(asJson));
  }
  return charts;
}

/**
 * `cliResults`: the results of the CLI run that wrote the page, when they are exactly what the page
 * computes for `config.scenario` (a plain study); the page shows them first, labelled as the CLI's, with
 * their charts drawn here (as images, until vega has loaded), and simulates them again itself. Data,
 * like the report's: no script runs them, so the CSP names none.
 */
export async function renderPlayground(
  config: PlaygroundConfig,
  assets: PlaygroundAssets,
  cliResults: Results | null = null,
): Promise<string> {
  const cliCharts = cliResults === null ? null : await staticCharts(cliResults);
  // the page script first: it starts the worker, which simulates while the browser parses vega; it draws
  // only when the first answer arrives, after every script has run
  const scripts = [assets.app, assets.vega, assets.vegaLite, assets.vegaEmbed].map(inlineScript);
  const s = config.scenario;
  const title = s.title || s.name;
  const meta = [
    `scenario ${s.name}`,
    `zerosim ${config.toolVersion}`,
    'simulated in this page: edit any field and the study runs again',
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(scripts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`zerosim ${config.toolVersion}`)}">
<title>${escapeHtml(`${title} · zerosim playground`)}</title>
<style>${PLAYGROUND_CSS}</style>
</head>
<body>
<header class="top">
<h1>${escapeHtml(title)}</h1>
<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>
</header>
<div class="layout">
<div class="inputs" id="inputs" role="form" aria-label="scenario inputs"></div>
<main>
<div class="statusbar">
<span class="stage" id="stage">Starting</span>
<span id="status" role="status" aria-live="polite">Loading the simulator…</span>
<div class="progress" id="progress"><div id="progress-bar"></div></div>
<a id="export" href="#" download="${escapeHtml(`${s.name}.json`)}">Export the edited scenario (JSON)</a>
</div>
<ul class="problems" id="problems" hidden></ul>
<div class="charts" id="charts"></div>
</main>
</div>
<noscript><p>The playground simulates in the page and needs JavaScript.</p></noscript>
<script type="application/json" id="zerosim-playground">${jsonForScript(config)}</script>
<script type="application/json" id="zerosim-cli-results">${jsonForScript(cliResults)}</script>
<script type="application/json" id="zerosim-cli-charts">${jsonForScript(cliCharts)}</script>
<script type="application/json" id="zerosim-worker">${jsonForScript(assets.worker)}</script>
${scripts.map((text) => `<script>${text}</script>`).join('\n')}
</body>
</html>
`;
}
