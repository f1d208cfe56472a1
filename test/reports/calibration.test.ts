// The calibration page: every chart spec compiles through vega-lite with no warning, the page has a
// chart per bench, escapes user text, and reaches no network (CSP default-src 'none', no external
// src or href, its script hashes match the scripts it ships).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vegaLite from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { renderCalibrationHtml } from '../../reports/calibration.js';
import { calibrationCharts } from '../../reports/calibration-charts.js';
import { sha256Base64 } from '../../reports/sha256.js';
import { toSvg } from '../../reports/svg.js';
import { calibrate } from '../../sim/calibrate/fit.js';
import { markCheckRows, readMeasurements } from '../../sim/calibrate/read.js';
import { outsideJson, throwingLogger } from './helpers.js';

const SITTING = fileURLToPath(new URL('../fixtures/measurements/c-sitting-1.jsonl', import.meta.url));
const ASSETS = { vega: '/* vega */', vegaLite: '/* vega-lite */', vegaEmbed: '/* vega-embed */' };

const rows = markCheckRows(
  readMeasurements(readFileSync(SITTING, 'utf8'), 'c-sitting-1.jsonl'),
  'bench=alloc,threads=2',
);
const c = calibrate(rows, { source: 'c-sitting-1 <b>&', toolVersion: 'test', resamples: 20 });

describe('calibration charts', () => {
  const charts = calibrationCharts(c);
  it('has one per bench and one of every row', () => {
    expect(charts.map((ch) => ch.name)).toEqual(['clear', 'lock', 'fault', 'alloc', 'measured-vs-predicted']);
  });
  for (const chart of charts) {
    it(`${chart.name} compiles with no warning`, () => {
      expect(() =>
        vegaLite.compile(chart.spec as never, { logger: throwingLogger(chart.name) }),
      ).not.toThrow();
    });
    it(`${chart.name} renders headless with no warning`, async () => {
      const svg = await toSvg(chart.spec as never, { logger: throwingLogger(chart.name) });
      expect(svg).toContain('<svg');
    });
  }
});

describe('calibration.html', () => {
  const html = renderCalibrationHtml(c, ASSETS);
  const markup = outsideJson(html);

  it('holds every chart, the parameters and the error summary', () => {
    for (const name of ['clear', 'lock', 'fault', 'alloc']) expect(html).toContain(`id="chart-${name}"`);
    // the lock model's fitted costs (futex: migrateNs, wakeNs, ...; fifo: handoffNs) are listed
    for (const p of c.parameters.filter((x) => x.name.startsWith('machine.lock.')))
      expect(html).toContain(p.name);
    expect(c.parameters.some((x) => x.name === 'machine.lock.acquireNs')).toBe(true);
    expect(html).toContain('median |error|');
  });

  it('escapes user text', () => {
    expect(markup).toContain('c-sitting-1 &lt;b&gt;&amp;');
    expect(markup).not.toContain('<b>&');
  });

  it('reaches no network', () => {
    expect(markup).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    const csp = (html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '').replaceAll(
      '&#39;',
      "'",
    );
    expect(csp).toContain("default-src 'none'");
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(4);
    for (const s of scripts)
      expect(csp).toContain(`'sha256-${createHash('sha256').update(s).digest('base64')}'`);
  });
});

describe('sha256Base64', () => {
  it('matches node:crypto on lengths around the block boundaries and on non-ASCII text', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'µs ≤ 10%'.repeat(40)])
      expect(sha256Base64(text)).toBe(createHash('sha256').update(text, 'utf8').digest('base64'));
  });
});
