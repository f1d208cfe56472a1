/**
 * The report page for studies: the what-if axes and capacity answers above the charts, the USL fit
 * and sensitivity tables below them, varied values in the results table, and every piece of text,
 * hostile or not, escaped.
 */
import { describe, expect, it } from 'vitest';
import { formatCapacity } from '../../reports/capacity-text.js';
import { buildCharts } from '../../reports/charts/index.js';
import { escapeHtml } from '../../reports/escape.js';
import { formatCoefficient, formatSi } from '../../reports/format.js';
import { renderHtml } from '../../reports/html.js';
import type { Results } from '../../sim/types/index.js';
import { EVIL_PATH, EVIL_POLICY, fixture, hostileAnalysis, hostileWhatif, outsideJson } from './helpers.js';

const assets = {
  vega: 'window.vega={};',
  vegaLite: 'window.vegaLite={};',
  vegaEmbed: 'window.vegaEmbed=function(){};',
};
const page = (r: Results) => renderHtml(r, buildCharts(r), assets);
const analysis = fixture('results-analysis');
const whatif = fixture('whatif');
const analysisPage = page(analysis);
const whatifPage = page(whatif);

/** True when the strings occur in this order. */
function inOrder(html: string, parts: string[]): boolean {
  const at = parts.map((s) => html.indexOf(s));
  return at.every((i) => i >= 0) && at.every((i, k) => k === 0 || i > at[k - 1]);
}

const cell = (text: string) => `<td class="num">${escapeHtml(text)}</td>`;

describe('the analysis report (USL fits, capacity answers, sensitivity)', () => {
  it('puts capacity answers with the findings above the charts, and the fit and sensitivity tables below', () => {
    expect(
      inOrder(analysisPage, [
        'Key findings',
        '<h2>Capacity answers</h2>',
        'id="chart-throughput"',
        'id="chart-sensitivity"',
        '<h2>Scalability fit (USL)</h2>',
        '<h2>Sensitivity</h2>',
        '<h2>Results</h2>',
      ]),
    ).toBe(true);
    expect(analysisPage).toContain('<figure class="card wide" id="fig-sensitivity">');
  });

  it('lists every capacity answer as formatCapacity words it', () => {
    for (const line of formatCapacity(analysis.capacity!))
      expect(analysisPage).toContain(`<li>${escapeHtml(line)}</li>`);
  });

  it('gives σ, κ and λ with their 95% CIs, N*, the peak and R² per policy', () => {
    const u = analysis.usl!['go1.1-after-unlock'];
    const [lo, hi] = u.ci95!.sigma;
    expect(analysisPage).toContain(
      cell(`${formatCoefficient(u.sigma)} [${formatCoefficient(lo)}, ${formatCoefficient(hi)}]`),
    );
    expect(analysisPage).toContain(cell(u.peakCores!.toFixed(1)));
    expect(analysisPage).toContain(cell(formatSi(u.peakAllocsPerSec!)));
    expect(analysisPage).toContain(cell(u.r2!.toFixed(4)));
    // exact-dirty peaks beyond 64 cores; no-zero has no peak at all (κ = 0)
    expect(analysisPage).toContain(cell('71.8 (beyond the simulated cores)'));
    expect(analysisPage).toContain(cell('– (no peak: κ = 0)'));
  });

  it('ranks every sensitivity row within its policy, with the signed effect', () => {
    const table = analysisPage.slice(
      analysisPage.indexOf('<h2>Sensitivity</h2>'),
      analysisPage.indexOf('<h2>Results</h2>'),
    );
    expect(table.match(/<tr><td>/g)).toHaveLength(analysis.sensitivity!.rows.length);
    expect(table).toContain('<td>go1.1-after-unlock</td><td class="num">1</td><td>workload.sizeBytes</td>');
    // go1.1-after-unlock, workload.sizeBytes: (76.9 k − 214 k) / 115 k; sizes and times in their units
    expect(table).toContain(cell('−119.4%'));
    expect(table).toContain(
      `<td>workload.sizeBytes</td>${cell('512 KiB')}${cell('1 MiB')}${cell('1.5 MiB')}`,
    );
    expect(table).toContain(`<td>workload.workNs</td>${cell('100 µs')}${cell('200 µs')}${cell('300 µs')}`);
    expect(table).toContain(`<td>workload.needZeroFraction</td>${cell('0.25')}${cell('0.5')}${cell('0.75')}`);
    expect(table).toContain(cell('0%'));
    expect(table).toContain('at 64 cores');
  });
});

describe('the what-if report', () => {
  it('describes the axes before the findings, and the base-scenario capacity answers before the charts', () => {
    expect(
      inOrder(whatifPage, [
        '<h2>What-if</h2>',
        'Key findings',
        'Capacity answers (base scenario',
        'id="chart-whatif-metric"',
        'id="chart-whatif-heatmap"',
        'id="chart-throughput"',
        '<h2>Scalability fit (USL)</h2>',
        '<h2>Capacity answers for every what-if combination</h2>',
        '<h2>Results</h2>',
      ]),
    ).toBe(true);
    expect(whatifPage).toContain('<code>machine.memory.totalClearGBps</code> ∈ {30, 60, 120} (scenario 60)');
    expect(whatifPage).toContain('6 combinations × 2 policies × 3 core counts = 36 points.');
  });

  it('answers capacity for the base scenario above the charts and for every combination below', () => {
    const [top, rest] = whatifPage.split('id="chart-whatif-metric"');
    expect(top.match(/<li>go1\.[01]-[a-z-]+: reaches/g)).toHaveLength(2);
    for (const line of formatCapacity(whatif.capacity!))
      expect(rest).toContain(`<li>${escapeHtml(line)}</li>`);
  });

  it('names the varied values of each USL fit and each result row, and says why fits lack CIs', () => {
    expect(whatifPage).toContain('<th>varied values</th>');
    expect(whatifPage).toContain(
      '<td>machine.memory.totalClearGBps = 120, workload.needZeroFraction = 1</td>',
    );
    expect(whatifPage).toContain('Fits with 3 or fewer core counts have no confidence interval.');
    const results = whatifPage.slice(
      whatifPage.indexOf('<h2>Results</h2>'),
      whatifPage.indexOf('<h2>Analytic'),
    );
    expect(results.match(/<tr><td>go1/g)).toHaveLength(36);
    // the results table names each field by its last part, in its unit, wrapping only between fields
    expect(results).toContain(
      '<td>totalClearGBps\u00a0=\u00a0120\u00a0GB/s, needZeroFraction\u00a0=\u00a01</td>',
    );
  });

  it('says when the grid lacks the scenario’s own values', () => {
    expect(page(hostileWhatif())).toContain('does not include the scenario’s own values');
  });
});

describe('study reports with hostile text', () => {
  const pages = [
    ['analysis', page(hostileAnalysis())],
    ['what-if', page(hostileWhatif())],
  ] as const;

  it.each(pages)('never emits the payload markup, only its escaped text (%s)', (_label, html) => {
    const markup = outsideJson(html);
    expect(markup).not.toContain('<script>alert');
    expect(markup).not.toContain('<img');
    expect(markup).toContain(escapeHtml(EVIL_POLICY));
    expect(markup).toContain(escapeHtml(EVIL_PATH));
  });

  it('escapes the policy in the USL table and the capacity answers, and the path in the sensitivity table', () => {
    const markup = outsideJson(pages[0][1]);
    expect(markup).toContain(`<td>${escapeHtml(EVIL_POLICY)}</td><td class="num">0.02</td>`);
    expect(markup).toContain(`<li>${escapeHtml(EVIL_POLICY)}: reaches 90% of its peak`);
    expect(markup).toContain(`<td class="num">1</td><td>${escapeHtml(EVIL_PATH)}</td>`);
  });
});
