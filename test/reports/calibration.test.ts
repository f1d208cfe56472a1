// The calibration page: every chart spec compiles through vega-lite with no warning, the page has a
// chart per bench (clear-remote beside clear, the held-lock rows apart, on invented rows of those
// benches), escapes user text, and reaches no network (CSP default-src 'none', no external src or
// href, its script hashes match the scripts it ships).

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
import { withNewBenches } from './calibration-rows.js';
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

describe('calibration charts with clear-remote and held-lock rows (invented: calibration-rows.ts)', () => {
  const all = withNewBenches(c);
  const charts = calibrationCharts(all);
  const spec = (name: string) => charts.find((ch) => ch.name === name)?.spec as Record<string, unknown>;
  const values = (name: string) => (spec(name).data as { values: Record<string, unknown>[] }).values;
  const yScale = (name: string) =>
    (spec(name).layer as { encoding: { y: { scale: unknown } } }[]).map((l) => l.encoding.y.scale);

  it('draws clear-remote beside clear and the held-lock rows on a chart of their own', () => {
    expect(charts.map((ch) => ch.name)).toEqual([
      'clear',
      'clear-remote',
      'lock',
      'lock-held',
      'fault',
      'alloc',
      'measured-vs-predicted',
    ]);
    const lockRows = c.rows.filter((r) => r.bench === 'lock');
    expect(values('lock')).toHaveLength(lockRows.length);
    expect(values('lock-held').map((v) => v.holdNs)).toEqual([
      ...Array(6).fill(1000),
      ...Array(6).fill(10000),
    ]);
    expect(values('clear-remote')).toHaveLength(c.rows.filter((r) => r.bench === 'clear').length);
    expect(values('measured-vs-predicted').filter((v) => v.series === 'lock, held')).toHaveLength(12);
  });

  it('gives both clear charts one y scale once there are clear-remote rows, and leaves it alone before', () => {
    expect(yScale('clear')).toEqual(yScale('clear-remote'));
    expect((yScale('clear')[0] as { domain: number[] }).domain).toHaveLength(2);
    const before = calibrationCharts(c).find((ch) => ch.name === 'clear')?.spec as { layer: unknown[] };
    for (const l of before.layer as { encoding: { y: { scale: unknown } } }[])
      expect(l.encoding.y.scale).toEqual({ type: 'log' });
  });

  for (const chart of charts.filter((ch) => ch.name === 'clear-remote' || ch.name === 'lock-held')) {
    it(`${chart.name} compiles and renders headless with no warning`, async () => {
      expect(() =>
        vegaLite.compile(chart.spec as never, { logger: throwingLogger(chart.name) }),
      ).not.toThrow();
      const svg = await toSvg(chart.spec as never, { logger: throwingLogger(chart.name) });
      expect(svg).toContain('<svg');
    });
  }

  it('holds both charts in the page and each held row with its holdNs', () => {
    const html = renderCalibrationHtml(all, ASSETS);
    for (const name of ['clear-remote', 'lock-held']) expect(html).toContain(`id="chart-${name}"`);
    expect(html).toContain('threads 2, workNs 2000, holdNs 10000');
  });
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
