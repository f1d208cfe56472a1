/**
 * renderHtml is pure: from results, built charts and script text it gives one page with every chart
 * container, escaped user text, embedded JSON that parses back, and a CSP naming each inline script.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCharts } from '../../reports/charts/index.js';
import { formatNs } from '../../reports/format.js';
import { renderHtml } from '../../reports/html.js';
import { fixture, outsideJson } from './helpers.js';

const assets = {
  vega: 'window.vega={};',
  vegaLite: 'window.vegaLite={};',
  vegaEmbed: 'window.vegaEmbed=function(){};',
};
const results = fixture('results');
const hostile = fixture('hostile');
const page = renderHtml(results, buildCharts(results), assets);
const hostilePage = renderHtml(hostile, buildCharts(hostile), assets);

/** The text of the <script type="application/json" id=…> element. */
function jsonScript(html: string, id: string): unknown {
  const match = html.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`));
  expect(match, id).not.toBeNull();
  return JSON.parse(match![1]);
}

describe('renderHtml', () => {
  it('is deterministic', () => {
    expect(renderHtml(results, buildCharts(results), assets)).toBe(page);
  });

  it('puts the header and findings before the charts, and the tables after them', () => {
    const order = [
      '<h1>',
      'Key findings',
      'id="chart-throughput"',
      'id="chart-bandwidth"',
      '<h2>Results</h2>',
      '<h2>Parameters</h2>',
    ];
    const at = order.map((s) => page.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('has one container per chart', () => {
    for (const chart of buildCharts(results))
      expect(page).toContain(`<div class="chart" id="chart-${chart.name}"`);
  });

  it('shows seed, replications, tool version and cores in the header', () => {
    expect(page).toContain('seed 1');
    expect(page).toContain('5 replications per point');
    expect(page).toContain('zerosim 0.1.0');
    expect(page).toContain('cores 1, 2, 4, 8, 16, 32, 64');
  });

  it('gives parameters with units', () => {
    for (const cell of [
      '20 GB/s',
      '1.5 µs',
      '4 KiB (4096 bytes)',
      'exponential, mean 200 µs',
      'exponential, mean 1 MiB',
      '50%',
    ]) {
      expect(page).toContain(`<td>${cell}</td>`);
    }
  });

  it('cross-checks simulation against MVA with the % difference, marking approximate rows', () => {
    const p = results.points.find((q) => q.policy === 'go1.0-under-lock' && q.cores === 8)!;
    const diff = ((p.allocsPerSec.mean - p.analytic.mvaAllocsPerSec!) / p.analytic.mvaAllocsPerSec!) * 100;
    expect(page).toContain(`<td class="num">${diff >= 0 ? '+' : ''}${diff.toFixed(2)}%</td>`);
    expect(page).toContain('<td>approximate</td>');
  });

  it('gives each point its lock hold per allocation and per free, and longest non-preemptible stretch', () => {
    const head = page.match(/<h2>Results<\/h2>\n<div class="table-wrap"><table>\n<thead>(.*?)<\/thead>/)![1];
    const columns = [...head.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(columns.slice(5, 10)).toEqual([
      'lock wait p99',
      'lock hold per allocation',
      'lock hold per free',
      'latency p99',
      'longest stretch without preemption',
    ]);
    // this fixture predates the split: its one mean covers allocations and frees together
    const p = results.points.find((q) => q.policy === 'go1.0-under-lock' && q.cores === 1)!;
    expect([p.lockHoldNs.mean, p.maxNonPreemptibleNs]).toEqual([26220, 482453]);
    expect(page).toContain(
      `<td class="num">${formatNs(p.lockWaitNs.p99)}</td><td class="num">26.2 µs (alloc and free)</td><td class="num">–</td><td class="num">${formatNs(p.latencyNs.p99)}</td><td class="num">482 µs</td>`,
    );
    // a current run reports them apart: go1.0 holds the lock 840 µs to allocate (the clear), 200 ns to free
    const run = fixture('default-run');
    const current = renderHtml(run, [], assets);
    expect(current).toContain(
      '<td class="num">840 µs</td><td class="num">200 ns</td><td class="num">840 µs</td><td class="num">840 µs</td>',
    );
  });

  it('embeds results and chart specs as JSON that parses back unchanged', () => {
    expect(jsonScript(page, 'zerosim-results')).toEqual(results);
    expect(jsonScript(hostilePage, 'zerosim-results')).toEqual(hostile);
    const specs = jsonScript(hostilePage, 'zerosim-specs') as Array<{ name: string }>;
    expect(specs.map((s) => s.name)).toEqual(buildCharts(hostile).map((c) => c.name));
  });

  it('runs only its own scripts, allowed by hash in the CSP, and loads nothing from the network', () => {
    const csp = page
      .match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)![1]
      .replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'none'");
    for (const text of Object.values(assets)) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    }
    expect(csp).not.toContain("'unsafe-inline' 'sha256"); // scripts are not allowed wholesale
    expect(page).not.toMatch(/\s(src|href)=/);
  });

  it('keeps a `</script` inside an inlined build from closing its element, and hashes what it inlines', () => {
    const tricky = { ...assets, vega: 'window.vega={s:"</script><b>"};' };
    const html = renderHtml(results, buildCharts(results), tricky);
    const inlined = 'window.vega={s:"<\\/script><b>"};';
    expect(html).toContain(`<script>${inlined}</script>`);
    expect(html).not.toContain('</script><b>');
    expect(html).toContain(`sha256-${createHash('sha256').update(inlined).digest('base64')}`);
  });
});

describe('renderHtml with a hostile scenario', () => {
  it('never emits the payload markup, only its escaped text', () => {
    const markup = outsideJson(hostilePage);
    expect(markup).not.toContain('<script>alert');
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('onerror=alert(1)>');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps the payloads inside the JSON blocks from closing them', () => {
    // the only `</` inside a data block would be its own closing tag
    const bodies = [
      ...hostilePage.matchAll(/<script type="application\/json" id="[^"]*">([\s\S]*?)<\/script>/g),
    ];
    expect(bodies).toHaveLength(2);
    for (const [, body] of bodies) expect(body).not.toMatch(/<\/|<!--/);
    expect(bodies[0][1]).toContain('<\\/script>'); // the description's </script>, escaped
  });

  it('has exactly the scripts it ships: two JSON blocks and four code blocks', () => {
    const markup = outsideJson(hostilePage);
    expect(markup.match(/<script\b/g)).toHaveLength(6);
    expect(markup.match(/<\/script>/g)).toHaveLength(6);
  });

  it('escapes the title in <title> too', () => {
    expect(hostilePage).toMatch(/<title>Hostile &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});
