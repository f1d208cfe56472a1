/**
 * Every chart spec compiles through vega-lite with a logger that fails on any warning, matches its
 * golden JSON for the fixed fixture (UPDATE_GOLDEN=1 rewrites them), and renders to an SVG with marks.
 * Each chart is exercised on the first fixture it applies to, and on the hostile one of the same kind;
 * the plain charts also on a current default run (alloc time, skipped bytes, identical curves).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { buildCharts, CHART_NAMES, CHARTS, type ChartName } from '../../reports/charts/index.js';
import { TIME_STATES } from '../../reports/charts/time-share.js';
import { toSvg } from '../../reports/svg.js';
import type { Results, Timeline } from '../../sim/types/index.js';
import { countSvgMarks, fixture, hostileAnalysis, hostileWhatif, throwingLogger } from './helpers.js';

const results = fixture('results');
const analysis = fixture('results-analysis');
const whatif = fixture('whatif');
const hostile = fixture('hostile');
const defaultRun = fixture('default-run');
/** a real timeline: go1.0-under-lock at 8 cores on the default scenario, 600 core states */
const timeline: Timeline = JSON.parse(
  readFileSync(fileURLToPath(new URL('./fixtures/timeline.json', import.meta.url)), 'utf8'),
);
/** markup in the policy, a state the chart does not know, an empty and a reversed segment */
const hostileTimeline: Timeline = {
  ...timeline,
  policy: '<script>alert(1)</script>',
  cores: 1,
  states: [...timeline.states, 'mystery'],
  segments: [
    [0, 0, timeline.fromNs, timeline.fromNs + 500],
    [0, timeline.states.length, timeline.fromNs + 500, timeline.fromNs + 900],
    [0, 2, timeline.fromNs + 900, timeline.fromNs + 900],
    [0, 3, timeline.fromNs + 1200, timeline.fromNs + 1000],
    [0, 3, timeline.fromNs + 1200, timeline.toNs],
  ],
};
const goldenPath = (name: string) => fileURLToPath(new URL(`./golden/${name}.vl.json`, import.meta.url));

/** The results as the charts see them after a JSON round trip: undefined fields dropped. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

/** The fixtures in order of preference: a chart is tested on the first it applies to. */
const FIXTURES: Array<{ label: string; results: Results; hostile: Results }> = [
  { label: 'results', results, hostile },
  { label: 'results-analysis', results: analysis, hostile: hostileAnalysis() },
  { label: 'whatif', results: whatif, hostile: hostileWhatif() },
  {
    label: 'timeline',
    results: { ...results, timeline },
    hostile: { ...hostile, timeline: hostileTimeline },
  },
];
const fixtureFor = (name: ChartName) => FIXTURES.find((f) => CHARTS[name].applies(f.results))!;

const PLAIN = ['throughput', 'speedup', 'lock', 'time-share', 'cleared-bytes', 'latency', 'bandwidth'];

describe('chart registry', () => {
  it('has one builder per name, each registered under its own name', () => {
    expect(Object.keys(CHARTS).sort()).toEqual([...CHART_NAMES].sort());
    for (const name of CHART_NAMES) expect(CHARTS[name].name).toBe(name);
  });

  it('builds the plain charts for a plain sweep, in display order', () => {
    expect(buildCharts(results).map((c) => c.name)).toEqual(PLAIN);
  });

  it('adds the sensitivity chart, full width, after throughput when the results carry a sensitivity study', () => {
    const built = buildCharts(analysis);
    expect(built.map((c) => c.name)).toEqual(['throughput', 'sensitivity', ...PLAIN.slice(1)]);
    expect(built.filter((c) => c.wide).map((c) => c.name)).toEqual(['sensitivity']);
  });

  it('leads a what-if study with its own charts, then the plain charts of its base scenario', () => {
    const built = buildCharts(whatif);
    expect(built.map((c) => c.name)).toEqual(['whatif-metric', 'whatif-heatmap', ...PLAIN]);
    const throughput = built.find((c) => c.name === 'throughput')!;
    expect(throughput.caption).toContain(
      "base scenario only: machine.memory.totalClearGBps = 60, workload.needZeroFraction = 0.5 (the scenario's own values)",
    );
    expect(built.find((c) => c.name === 'whatif-metric')!.caption).not.toContain('base scenario only');
  });

  it('draws only the base scenario in the plain charts of a what-if study', () => {
    const rows = (
      CHARTS.throughput.build(whatif).data as { values: Array<{ policy: string; cores: number }> }
    ).values;
    expect(rows.map((r) => `${r.policy}@${r.cores}`)).toEqual(
      ['go1.0-under-lock', 'go1.1-after-unlock'].flatMap((p) => [1, 8, 64].map((c) => `${p}@${c}`)),
    );
  });

  it('draws only the what-if charts when the grid lacks the scenario’s own values', () => {
    expect(buildCharts(hostileWhatif()).map((c) => c.name)).toEqual(['whatif-metric', 'whatif-heatmap']);
  });

  it('leaves the heat map out unless exactly two fields vary', () => {
    const oneAxis: Results = {
      ...whatif,
      whatif: { vary: [whatif.whatif!.vary[0]] },
      points: whatif.points
        .filter((p) => p.vary!['workload.needZeroFraction'] === 0.5)
        .map((p) => ({
          ...p,
          vary: { 'machine.memory.totalClearGBps': p.vary!['machine.memory.totalClearGBps'] },
        })),
    };
    expect(buildCharts(oneAxis).map((c) => c.name)).toEqual(['whatif-metric', ...PLAIN]);
    const threeAxes: Results = {
      ...whatif,
      whatif: { vary: [...whatif.whatif!.vary, { path: 'run.seed', values: [1] }] },
      points: whatif.points.map((p) => ({ ...p, vary: { ...p.vary, 'run.seed': 1 } })),
    };
    expect(buildCharts(threeAxes).map((c) => c.name)).toEqual(['whatif-metric', ...PLAIN]);
  });

  it('builds nothing from a results file without points', () => {
    expect(buildCharts({ ...results, points: [] })).toEqual([]);
    expect(buildCharts({ ...whatif, points: [] })).toEqual([]);
  });

  it('leaves several points per policy × cores without what-if axes to nobody', () => {
    const unlabelled: Results = {
      ...results,
      points: results.points.flatMap((p) =>
        [1, 2].map((v) => ({ ...p, vary: { 'workload.needZeroFraction': v } })),
      ),
    };
    expect(buildCharts(unlabelled)).toEqual([]);
  });

  it('is a pure function of the results', () => {
    for (const r of [results, analysis, whatif])
      expect(plain(buildCharts(r))).toEqual(plain(buildCharts(structuredClone(r))));
  });
});

describe.each(CHART_NAMES.map((name) => ({ name })))('chart $name', ({ name }) => {
  const chart = CHARTS[name];
  const { results: input, hostile: hostileInput } = fixtureFor(name);

  it('applies to a test fixture and to its hostile variant', () => {
    expect(chart.applies(input)).toBe(true);
    expect(chart.applies(hostileInput)).toBe(true);
  });

  it.each([
    ['fixture', input],
    ['hostile fixture', hostileInput],
  ])('compiles through vega-lite without a warning (%s)', (_label, r) => {
    const spec = chart.build(r);
    expect(() => vegaLite.compile(spec, { logger: throwingLogger(name) })).not.toThrow();
  });

  it('matches its golden spec', () => {
    expectGolden(name, chart.build(input));
  });

  it('carries its data inline and says what it shows', () => {
    const spec = chart.build(input);
    expect(JSON.stringify(spec)).toContain('"values"');
    expect(spec.description).toBeTruthy();
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
  });

  it.each([
    ['fixture', input],
    ['hostile fixture', hostileInput],
  ])('renders to SVG headlessly, with marks and no runtime warning (%s)', async (_label, r) => {
    const svg = await toSvg(chart.build(r), { logger: throwingLogger(name) });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(countSvgMarks(svg)).toBeGreaterThan(0);
  });

  it('draws a mark for every series: the vega scenegraph has items in each data mark', async () => {
    const compiled = vegaLite.compile(chart.build(input)).spec;
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

/** Compares a spec with golden/<file>.vl.json, or rewrites it under UPDATE_GOLDEN=1. */
function expectGolden(file: string, spec: unknown) {
  const path = goldenPath(file);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, `${JSON.stringify(plain(spec), null, 2)}\n`);
  expect(existsSync(path), `missing ${path}: run UPDATE_GOLDEN=1 npx vitest run test/reports`).toBe(true);
  expect(plain(spec)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

describe('golden specs of the plain charts for study results', () => {
  it('throughput with the USL fit overlaid (results-analysis)', () => {
    expectGolden('throughput-usl', CHARTS.throughput.build(analysis));
  });

  it('throughput of a what-if study: its base scenario, with that scenario’s USL fits (whatif)', () => {
    expectGolden('throughput-whatif', CHARTS.throughput.build(whatif));
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
    const input = fixtureFor(name).results;
    const varied = (input.whatif?.vary ?? []).map((a) => a.path);
    const titles = axisTitles(vegaLite.compile(CHARTS[name].build(input)).spec);
    expect(titles.length).toBeGreaterThan(0);
    // "cores" is a count and its own unit, "core" (the timeline's rows) an index, a varied field is
    // named by its dot path (whose name carries its unit); every other axis names its unit in parentheses
    for (const title of titles.filter((t) => t !== 'cores' && t !== 'core' && !varied.includes(t)))
      expect(title).toMatch(/\((allocs\/s|ns|µs|bytes|KiB|MiB|GiB|%|×)[^)]*\)$/);
  });
});

/** The rows a chart spec carries inline. */
function rowsOf<T = Record<string, unknown>>(spec: unknown): T[] {
  return (spec as { data: { values: T[] } }).data.values;
}

describe('the plain charts on a current default run', () => {
  it.each(PLAIN.map((name) => ({ name: name as ChartName })))(
    '$name compiles without a warning and renders with marks',
    async ({ name }) => {
      const spec = CHARTS[name].build(defaultRun);
      expect(() => vegaLite.compile(spec, { logger: throwingLogger(name) })).not.toThrow();
      const svg = await toSvg(spec, { logger: throwingLogger(name) });
      expect(countSvgMarks(svg)).toBeGreaterThan(0);
    },
  );

  it('matches the golden specs of the charts this run changes', () => {
    expectGolden('time-share-alloc', CHARTS['time-share'].build(defaultRun));
    expectGolden('cleared-bytes-skipped', CHARTS['cleared-bytes'].build(defaultRun));
    expectGolden('throughput-overlap', CHARTS.throughput.build(defaultRun));
  });
});

describe('time share', () => {
  const categories = (r: Results) => [
    ...new Set(rowsOf<{ category: string }>(CHARTS['time-share'].build(r)).map((row) => row.category)),
  ];

  it('stacks the alloc fast path right after work, in its own colour, when the results carry it', () => {
    expect(categories(defaultRun)).toEqual([
      'work',
      'alloc (fast path)',
      'lock wait',
      'lock hold',
      'clear',
      'page fault',
      'free',
    ]);
    const colors = TIME_STATES.map((s) => s.color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(CHARTS['time-share'].caption).toContain('alloc is the small-object fast path');
  });

  it('leaves alloc out for results of older versions, and counts a point without it as 0', () => {
    expect(categories(results)).not.toContain('alloc (fast path)');
    const mixed: Results = {
      ...defaultRun,
      points: defaultRun.points.map((p, i) => {
        if (i !== 0) return p;
        const { alloc: _alloc, ...rest } = p.coreTimeShare;
        return { ...p, coreTimeShare: rest };
      }),
    };
    const rows = rowsOf<{ policy: string; cores: number; category: string; value: number }>(
      CHARTS['time-share'].build(mixed),
    );
    const first = mixed.points[0];
    expect(
      rows.find((r) => r.policy === first.policy && r.cores === first.cores && r.category.startsWith('alloc'))
        ?.value,
    ).toBe(0);
    expect(() =>
      vegaLite.compile(CHARTS['time-share'].build(mixed), { logger: throwingLogger('mixed') }),
    ).not.toThrow();
  });
});

describe('time share of futex-lock runs', () => {
  it('adds spin, sleep and wake after the states of before, only when the results carry them', () => {
    const futex: Results = {
      ...defaultRun,
      points: defaultRun.points.map((p) => ({
        ...p,
        coreTimeShare: { ...p.coreTimeShare, spin: 0.01, sleep: 0.02, wake: 0.005 },
      })),
    };
    const categories = [
      ...new Set(rowsOf<{ category: string }>(CHARTS['time-share'].build(futex)).map((row) => row.category)),
    ];
    expect(categories.slice(-3)).toEqual(['lock spin', 'lock sleep', 'waking a sleeper']);
    expect(categories).toHaveLength(10);
    expect(() =>
      vegaLite.compile(CHARTS['time-share'].build(futex), { logger: throwingLogger('futex') }),
    ).not.toThrow();
  });
});

describe('cleared and skipped bytes', () => {
  type Row = {
    policy: string;
    cores: number;
    group?: string;
    category: string;
    value: number;
    share: number;
  };
  const rows = (r: Results) => rowsOf<Row>(CHARTS['cleared-bytes'].build(r));

  it('draws the skipped bytes by reason in a second, pale bar per policy', () => {
    const built = rows(defaultRun);
    expect([...new Set(built.map((r) => r.group))]).toEqual(['cleared', 'skipped']);
    // only the places and reasons that occur: this run clears under the lock or after unlock, and
    // skips what callers did not need (and no-zero hands out dirty bytes)
    expect([...new Set(built.map((r) => r.category))]).toEqual([
      'under lock',
      'after unlock',
      'skipped: not needed',
      'not cleared: dirty (unsafe)',
    ]);
    const point = defaultRun.points.find((p) => p.policy === 'go1.1-after-unlock' && p.cores === 64)!;
    const notNeeded = built.find(
      (r) => r.policy === point.policy && r.cores === 64 && r.category === 'skipped: not needed',
    )!;
    // bars are drawn in MiB (16 MiB blocks)
    expect(notNeeded.value).toBe(point.skippedBytesPerAlloc.notNeeded / 2 ** 20);
    expect(JSON.stringify(CHARTS['cleared-bytes'].build(defaultRun))).toContain('per allocation (MiB)');
    // a share is of its own bar: the skipped bar here is all "not needed"
    expect(notNeeded.share).toBe(1);
    const spec = JSON.stringify(CHARTS['cleared-bytes'].build(defaultRun));
    expect(spec).toContain('"yOffset"');
  });

  it('keeps one bar per policy when nothing was skipped', () => {
    const none: Results = {
      ...defaultRun,
      points: defaultRun.points.map((p) => ({
        ...p,
        skippedBytesPerAlloc: { notNeeded: 0, alreadyClean: 0, fresh: 0 },
      })),
    };
    expect(rows(none).every((r) => r.group === undefined)).toBe(true);
    expect(JSON.stringify(CHARTS['cleared-bytes'].build(none))).not.toContain('skipped');
  });
});

/** The point of a policy at a core count, without its policy name. */
function pointOf(r: Results, policy: string, cores: number) {
  const { policy: _p, ...rest } = r.points.find((p) => p.policy === policy && p.cores === cores)!;
  return rest;
}

describe('throughput with identical curves', () => {
  it('draws the later of two identical curves dashed with small squares, on top, and says so', () => {
    const spec = CHARTS.throughput.build(defaultRun) as unknown as {
      layer: Array<{
        transform?: unknown[];
        mark: { type: string; strokeDash?: number[]; point?: { filled?: boolean; shape?: string } };
      }>;
    };
    const lines = spec.layer.filter((l) => l.mark.type === 'line' && l.transform !== undefined);
    expect(lines.map((l) => l.transform)).toEqual([
      [{ filter: { not: { field: 'policy', oneOf: ['exact-dirty'] } } }],
      [{ filter: { field: 'policy', oneOf: ['exact-dirty'] } }],
    ]);
    expect(lines[1].mark.strokeDash).toEqual([5, 5]);
    // hollow markers are MVA's alone: the curve on top has filled squares
    expect(lines[1].mark.point).toMatchObject({ filled: true, shape: 'square' });
    // its CI band is left out, so two identical bands cannot blend into a colour no legend has
    const area = spec.layer.find((l) => l.mark.type === 'area')!;
    expect(area.transform).toEqual([{ filter: { not: { field: 'policy', oneOf: ['exact-dirty'] } } }]);
    const caption = buildCharts(defaultRun).find((c) => c.name === 'throughput')!.caption;
    expect(caption).toContain(
      'exact-dirty has the same curve as go1.1-after-unlock: drawn dashed over it, with small squares.',
    );
    // the caption names the dash patterns the legend draws
    expect(caption).toContain('long-dashed for the lock bound');
    expect(caption).toContain('dotted for the bandwidth bound');
  });

  it('gives each of three identical curves its own dash slot', () => {
    const three = plain(defaultRun) as Results;
    three.points = three.points.map((p) =>
      p.policy === 'no-zero' ? { ...p, ...pointOf(three, 'exact-dirty', p.cores) } : p,
    );
    const spec = CHARTS.throughput.build(three) as unknown as {
      layer: Array<{ mark: { type: string; strokeDash?: number[]; strokeDashOffset?: number } }>;
    };
    const dashed = spec.layer.filter((l) => l.mark.type === 'line' && l.mark.strokeDash !== undefined);
    expect(dashed.map((l) => [l.mark.strokeDash, l.mark.strokeDashOffset])).toEqual([
      [[5, 10], 10],
      [[5, 10], 5],
    ]);
    expect(() => vegaLite.compile(spec as never, { logger: throwingLogger('three') })).not.toThrow();
  });

  it('draws every curve alike when none coincide', () => {
    expect(JSON.stringify(CHARTS.throughput.build(results))).not.toContain('oneOf');
    expect(buildCharts(results).find((c) => c.name === 'throughput')!.caption).not.toContain('same curve');
  });
});

describe('cleared-bytes and unsafe bytes', () => {
  it('shows dirty bytes a never-clearing policy handed out as "not cleared: dirty (unsafe)" only when there are some', () => {
    const withUnsafe = plain(defaultRun) as Results;
    const noUnsafe = plain(defaultRun) as Results;
    for (const p of withUnsafe.points) {
      if (p.policy === 'no-zero') p.skippedBytesPerAlloc = { ...p.skippedBytesPerAlloc, unsafe: 4194304 };
    }
    for (const p of noUnsafe.points) p.skippedBytesPerAlloc = { ...p.skippedBytesPerAlloc, unsafe: 0 };
    const spec = CHARTS['cleared-bytes'].build(withUnsafe);
    expect(() => vegaLite.compile(spec as never, { logger: throwingLogger('cleared-bytes') })).not.toThrow();
    const text = JSON.stringify(spec);
    expect(text).toContain('not cleared: dirty (unsafe)');
    expect(text).toContain('"value":4,'); // 4 MiB
    expect(JSON.stringify(CHARTS['cleared-bytes'].build(noUnsafe))).not.toContain('unsafe)');
  });
});

describe('latency when only some callers need zeroed memory', () => {
  it('says on the chart and in its note that the p50 is bimodal', () => {
    // the default run: half the callers need zeroed memory; go1.1's p50 jumps between 720 ns and 840 µs
    expect(defaultRun.scenario.workload.needZeroFraction).toBe(0.5);
    const note = CHARTS.latency.note!(defaultRun)!;
    expect(note).toContain('Latency is bimodal here: 50% of callers need zeroed memory');
    const spec = CHARTS.latency.build(defaultRun);
    expect(JSON.stringify(spec)).toContain('p50 (bimodal: see note)');
    expect(() => vegaLite.compile(spec, { logger: throwingLogger('latency') })).not.toThrow();
    const all: Results = {
      ...defaultRun,
      scenario: {
        ...defaultRun.scenario,
        workload: { ...defaultRun.scenario.workload, needZeroFraction: 1 },
      },
    };
    expect(CHARTS.latency.note!(all)).not.toContain('bimodal');
    expect(JSON.stringify(CHARTS.latency.build(all))).not.toContain('bimodal');
  });
});

describe('coinciding curves in the other line charts', () => {
  it('are listed in the note of speed-up, lock, bandwidth and latency', () => {
    for (const name of ['speedup', 'lock', 'bandwidth', 'latency'] as const)
      expect(CHARTS[name].note!(defaultRun), name).toContain(
        'their lines coincide here and the later colour hides the earlier: go1.1-after-unlock and exact-dirty.',
      );
    expect(CHARTS.speedup.note!(results)).toBeNull();
  });
});
