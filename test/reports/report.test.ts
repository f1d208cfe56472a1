/** buildReport, the one entry point the CLI calls: a page with the real vega builds and one SVG per chart. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/index.js';
import { loadAssets } from '../../sim/cli/assets.js';
import { countSvgMarks, fixture } from './helpers.js';

/** The vega builds, read once as the CLI reads them for every report. */
const assets = loadAssets();

describe('buildReport', () => {
  it('returns the page and every chart as spec and SVG', async () => {
    const report = await buildReport(fixture('results'), assets);
    expect(report.charts.map((c) => c.name)).toEqual([
      'throughput',
      'speedup',
      'lock',
      'time-share',
      'cleared-bytes',
      'latency',
      'bandwidth',
    ]);
    for (const chart of report.charts) {
      expect(chart.svg.startsWith('<svg')).toBe(true);
      expect(countSvgMarks(chart.svg), chart.name).toBeGreaterThan(0);
      expect(chart.spec).toHaveProperty('$schema');
    }
    expect(report.html.startsWith('<!doctype html>')).toBe(true);
    expect(report.html).toContain('.vegaEmbed=');
    expect(report.html.length).toBeGreaterThan(800_000);
  });

  it.each([
    ['whatif', ['whatif-metric', 'whatif-heatmap', 'throughput', 'speedup']],
    ['results-analysis', ['throughput', 'sensitivity', 'speedup']],
  ] as const)('renders every chart of the %s fixture to an SVG with marks', async (name, first) => {
    const report = await buildReport(fixture(name), assets);
    expect(report.charts.map((c) => c.name).slice(0, first.length)).toEqual(first);
    for (const chart of report.charts) expect(countSvgMarks(chart.svg), chart.name).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same results', async () => {
    const [a, b] = await Promise.all([
      buildReport(fixture('results'), assets),
      buildReport(fixture('results'), assets),
    ]);
    expect(a.html).toBe(b.html);
    expect(a.charts.map((c) => c.svg)).toEqual(b.charts.map((c) => c.svg));
  });
});
