/**
 * Every chart spec compiles through vega-lite with a logger that fails on any warning, matches its
 * golden JSON for the fixed fixture (UPDATE_GOLDEN=1 rewrites them), and renders to an SVG with marks.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { buildCharts, CHART_NAMES, CHARTS } from '../../reports/charts/index.js';
import { toSvg } from '../../reports/svg.js';
import type { Results } from '../../sim/experiment/types.js';
import { countSvgMarks, fixture, throwingLogger } from './helpers.js';

const results = fixture('results');
const hostile = fixture('hostile');
const goldenPath = (name: string) => fileURLToPath(new URL(`./golden/${name}.vl.json`, import.meta.url));

/** The results as the charts see them after a JSON round trip: undefined fields dropped. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('chart registry', () => {
  it('has one builder per name, each registered under its own name', () => {
    expect(Object.keys(CHARTS).sort()).toEqual([...CHART_NAMES].sort());
    for (const name of CHART_NAMES) expect(CHARTS[name].name).toBe(name);
  });

  it('builds every chart for a plain sweep, in display order', () => {
    expect(buildCharts(results).map((c) => c.name)).toEqual([...CHART_NAMES]);
  });

  it('builds nothing from a results file without points', () => {
    expect(buildCharts({ ...results, points: [] })).toEqual([]);
  });

  it('leaves what-if results (several points per policy × cores) to the what-if charts', () => {
    const whatIf: Results = {
      ...results,
      points: results.points.flatMap((p) =>
        [1, 2].map((v) => ({ ...p, vary: { 'workload.needZeroFraction': v } })),
      ),
    };
    expect(buildCharts(whatIf)).toEqual([]);
  });

  it('is a pure function of the results', () => {
    expect(plain(buildCharts(results))).toEqual(plain(buildCharts(structuredClone(results))));
  });
});

describe.each(CHART_NAMES.map((name) => ({ name })))('chart $name', ({ name }) => {
  const chart = CHARTS[name];

  it.each([
    ['fixture', results],
    ['hostile fixture', hostile],
  ])('compiles through vega-lite without a warning (%s)', (_label, input) => {
    const spec = chart.build(input);
    expect(() => vegaLite.compile(spec, { logger: throwingLogger(name) })).not.toThrow();
  });

  it('matches its golden spec', () => {
    const spec = plain(chart.build(results));
    const path = goldenPath(name);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, `${JSON.stringify(spec, null, 2)}\n`);
    expect(existsSync(path), `missing ${path}: run UPDATE_GOLDEN=1 npx vitest run test/reports`).toBe(true);
    expect(spec).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it('carries its data inline and says what it shows', () => {
    const spec = chart.build(results);
    expect(JSON.stringify(spec)).toContain('"values"');
    expect(spec.description).toBeTruthy();
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
  });

  it('renders to SVG headlessly, with marks and no runtime warning', async () => {
    const svg = await toSvg(chart.build(results), { logger: throwingLogger(name) });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(countSvgMarks(svg)).toBeGreaterThan(0);
  });

  it('draws a mark for every series: the vega scenegraph has items in each data mark', async () => {
    const compiled = vegaLite.compile(chart.build(results)).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    await view.runAsync();
    let items = 0;
    const walk = (node: { marktype?: string; role?: string; items?: unknown[] }) => {
      if (node.role === 'mark' && node.marktype !== 'group') items += node.items?.length ?? 0;
      for (const child of (node.items ?? []) as Array<typeof node>) walk(child);
    };
    walk((view.scenegraph() as unknown as { root: Parameters<typeof walk>[0] }).root);
    view.finalize();
    expect(items).toBeGreaterThan(0);
  });
});

/** Every axis title in a compiled vega spec, at any nesting depth (concat and facet nest them). */
function axisTitles(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) axisTitles(n, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'axes' && Array.isArray(value)) {
        for (const axis of value) if (typeof axis.title === 'string') out.push(axis.title);
      } else axisTitles(value, out);
    }
  }
  return out;
}

describe('axis titles carry units', () => {
  it.each(CHART_NAMES.map((name) => ({ name })))('$name', ({ name }) => {
    const titles = axisTitles(vegaLite.compile(CHARTS[name].build(results)).spec);
    expect(titles.length).toBeGreaterThan(0);
    // "cores" is a count and its own unit; every other axis names its unit in parentheses
    for (const title of titles.filter((t) => t !== 'cores'))
      expect(title).toMatch(/\((allocs\/s|ns|bytes|%|×)[^)]*\)$/);
  });
});
