/**
 * The rows behind the study charts, checked against the fixtures: the what-if panels and scales,
 * the heat-map cells, the tornado bars and their labels, and the USL curve against its formula.
 */

import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../reports/charts/index.js';
import { sensitivityRows, swingLabels } from '../../reports/charts/sensitivity.js';
import { USL_FIT, uslAllocsPerSec, uslRows, uslSampleCores } from '../../reports/charts/usl-layer.js';
import { heatmapRows, whatifHeatmap } from '../../reports/charts/whatif-heatmap.js';
import {
  combinations,
  shortNames,
  whatifCores,
  whatifMetric,
  whatifMetricRows,
  whatifPanels,
} from '../../reports/charts/whatif-metric.js';
import type { Results, VaryAxis } from '../../sim/types/index.js';
import { fixture, throwingLogger } from './helpers.js';

const whatif = fixture('whatif');
const analysis = fixture('results-analysis');

/** The spec as plain JSON, to look into without the vega-lite types. */
// biome-ignore lint/suspicious/noExplicitAny: a test peeks into nested spec fields
const json = (spec: unknown): any => JSON.parse(JSON.stringify(spec));

/** whatif with its first axis's values replaced (points follow by position). */
function withFirstAxis(values: Array<number | string | boolean>): Results {
  const [first, second] = whatif.whatif!.vary;
  const map = new Map(first.values.map((v, i) => [v, values[i]]));
  return {
    ...whatif,
    whatif: { vary: [{ path: first.path, values }, second] },
    points: whatif.points.map((p) => ({
      ...p,
      vary: { ...p.vary, [first.path]: map.get(p.vary![first.path])! },
    })),
  };
}

describe('whatif-metric', () => {
  it('shows the smallest and the largest core count, or the only one', () => {
    expect(whatifCores(whatif)).toEqual([1, 64]);
    expect(whatifCores({ ...whatif, points: whatif.points.filter((p) => p.cores === 8) })).toEqual([8]);
  });

  it('has one panel per core count × combination of the other fields, rows by combination', () => {
    expect(whatifPanels(whatif)).toEqual([
      '1 core · needZeroFraction = 0.5',
      '64 cores · needZeroFraction = 0.5',
      '1 core · needZeroFraction = 1',
      '64 cores · needZeroFraction = 1',
    ]);
    expect(json(whatifMetric.build(whatif)).columns).toBe(2);
  });

  it('draws every point at the chosen core counts once, with its CI', () => {
    const rows = whatifMetricRows(whatif);
    // 2 policies × 2 core counts × 3 × 2 combinations
    expect(rows).toHaveLength(24);
    const p = whatif.points.find(
      (q) =>
        q.policy === 'go1.1-after-unlock' &&
        q.cores === 64 &&
        q.vary!['machine.memory.totalClearGBps'] === 120 &&
        q.vary!['workload.needZeroFraction'] === 0.5,
    )!;
    // v0, v1: each varied value as text, for the tooltip
    const row = rows.find(
      (r) =>
        r.policy === p.policy && r.cores === 64 && r.x === 120 && (r as Record<string, unknown>).v1 === '0.5',
    )!;
    expect(row).toMatchObject({
      panel: '64 cores · needZeroFraction = 0.5',
      allocsPerSec: p.allocsPerSec.mean,
      lo: p.allocsPerSec.mean - p.allocsPerSec.ci95,
      hi: p.allocsPerSec.mean + p.allocsPerSec.ci95,
    });
  });

  it('lists every combination of the other fields, the first varying slowest', () => {
    const axes: VaryAxis[] = [
      { path: 'a', values: [1, 2] },
      { path: 'b', values: ['x', 'y', 'z'] },
    ];
    expect(combinations(axes)).toEqual([
      [1, 'x'],
      [1, 'y'],
      [1, 'z'],
      [2, 'x'],
      [2, 'y'],
      [2, 'z'],
    ]);
    expect(combinations([])).toEqual([[]]);
  });

  it('names fields by their last part, unless two share it', () => {
    const axes = (paths: string[]) => paths.map((path) => ({ path, values: [1] }));
    expect(shortNames(axes(['machine.memory.totalClearGBps', 'workload.needZeroFraction']))).toEqual([
      'totalClearGBps',
      'needZeroFraction',
    ]);
    expect(shortNames(axes(['heap.allocHoldNs.value', 'heap.freeHoldNs.value', 'run.seed']))).toEqual([
      'heap.allocHoldNs.value',
      'heap.freeHoldNs.value',
      'seed',
    ]);
  });

  it('puts a numeric field on a linear axis below an 8× span, a log axis from 8×, and text on an ordinal one', () => {
    const x = (r: Results) => json(whatifMetric.build(r)).spec.encoding.x;
    expect(x(whatif)).toMatchObject({
      type: 'quantitative',
      scale: { zero: false },
      axis: { values: [30, 60, 120] },
    });
    expect(x(withFirstAxis([15, 60, 120])).scale.type).toBe('log');
    expect(x(withFirstAxis(['low', 'mid', 'high']))).toMatchObject({
      type: 'ordinal',
      sort: ['low', 'mid', 'high'],
    });
    expect(x(withFirstAxis([true, false, 'auto'])).sort).toEqual(['true', 'false', 'auto']);
  });
});

describe('whatif-heatmap', () => {
  it('has one cell per combination and policy at the largest core count', () => {
    const rows = heatmapRows(whatif);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.cores))).toEqual(new Set([64]));
    const cell = rows.find((r) => r.policy === 'go1.1-after-unlock' && r.x === '120' && r.y === '0.5')!;
    expect(cell.label).toBe('210 k');
  });

  it('writes white labels on the dark (low) cells of viridis and black on the light ones', () => {
    const spec = json(whatifHeatmap.build(whatif));
    const values = heatmapRows(whatif).map((r) => r.allocsPerSec);
    const threshold = Math.min(...values) + 0.55 * (Math.max(...values) - Math.min(...values));
    expect(spec.spec.layer[1].encoding.color).toEqual({
      condition: { test: `datum.allocsPerSec < ${threshold}`, value: 'white' },
      value: 'black',
    });
    expect(spec.spec.layer[0].encoding.color.scale).toEqual({ scheme: 'viridis' });
  });
});

describe('sensitivity', () => {
  const rows = sensitivityRows(analysis);

  it('draws two bars per parameter, low and high, as changes from the base', () => {
    expect(rows).toHaveLength(2 * analysis.sensitivity!.rows.length);
    const source = analysis.sensitivity!.rows.find((r) => r.policy === 'go1.1-after-unlock' && r.rank === 1)!;
    const [low, high] = rows.filter((r) => r.policy === source.policy && r.path === source.path);
    expect(low).toMatchObject({ side: 'parameter −50%', value: source.lowValue, label: '512 KiB' });
    expect(low.change).toBeCloseTo(source.lowAllocsPerSec / source.baseAllocsPerSec - 1, 12);
    expect(high).toMatchObject({ side: 'parameter +50%', value: source.highValue, label: '1.5 MiB' });
  });

  it('keeps each policy’s parameters in rank order, and policies in scenario order', () => {
    const ofPolicy = rows.filter((r) => r.policy === 'go1.0-under-lock' && r.side === 'parameter −50%');
    expect(ofPolicy.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([...new Set(rows.map((r) => r.policy))]).toEqual([
      'go1.0-under-lock',
      'go1.1-after-unlock',
      'exact-dirty',
      'no-zero',
    ]);
  });

  it('labels the pair outside its bars, the smaller change left and the larger right, so labels never overprint', () => {
    for (const policy of new Set(rows.map((r) => r.policy)))
      for (const path of new Set(rows.map((r) => r.path))) {
        const pair = rows.filter((r) => r.policy === policy && r.path === path);
        if (pair.length !== 2) continue;
        const [low, high] = pair;
        expect(low.labelLeft).not.toBe(high.labelLeft);
        const left = pair.find((r) => r.labelLeft)!;
        const right = pair.find((r) => !r.labelLeft)!;
        expect(left.change).toBeLessThanOrEqual(right.change);
        expect(left.labelAt).toBe(Math.min(low.change, high.change, 0));
        expect(right.labelAt).toBe(Math.max(low.change, high.change, 0));
      }
    // a near-zero row whose bars both point right: one label each side, not two at one spot
    const nearZero = {
      ...analysis,
      sensitivity: {
        ...analysis.sensitivity!,
        rows: [
          {
            ...analysis.sensitivity!.rows[0],
            lowAllocsPerSec: 1.0001e5,
            highAllocsPerSec: 1.0002e5,
            baseAllocsPerSec: 1e5,
          },
        ],
      },
    };
    expect(sensitivityRows(nearZero).map((r) => [r.labelLeft, r.labelAt])).toEqual([
      [true, 0],
      [false, expect.closeTo(2e-4, 9)],
    ]);
  });

  it('shows a swing the scenario clamped (needZeroFraction above 1) as clamped, in the label and the note', () => {
    const row = {
      ...analysis.sensitivity!.rows[0],
      path: 'workload.needZeroFraction',
      baseValue: 1,
      lowValue: 0.5,
      highValue: 1,
    };
    const clamped = { ...analysis, sensitivity: { ...analysis.sensitivity!, rows: [row] } };
    const [low, high] = sensitivityRows(clamped);
    expect([low.clamped, high.clamped]).toEqual([false, true]);
    expect(high.label).toBe('1 (clamped)');
    expect(CHARTS.sensitivity.note!(clamped)).toBe(
      'Clamped: workload.needZeroFraction at +50% is clamped to 1.',
    );
    expect(CHARTS.sensitivity.note!(analysis)).toBeNull();
  });

  it('names the swing in the legend', () => {
    expect(swingLabels(0.25)).toEqual({ low: 'parameter −25%', high: 'parameter +25%' });
  });

  it('puts every policy in its own panel, at most three a row', () => {
    expect(json(CHARTS.sensitivity.build(analysis))).toMatchObject({ columns: 2 });
    expect(json(CHARTS.sensitivity.build(analysis)).concat).toHaveLength(4);
  });
});

describe('USL overlay of the throughput chart', () => {
  it('samples log2-evenly from the smallest to the largest simulated core count', () => {
    const cores = uslSampleCores(analysis);
    expect(cores[0]).toBe(1);
    expect(cores[cores.length - 1]).toBeCloseTo(64, 9);
    const steps = cores.slice(1).map((c, i) => Math.log2(c) - Math.log2(cores[i]));
    for (const step of steps) expect(step).toBeCloseTo(6 / (cores.length - 1), 9);
  });

  it('follows X(N) = λN / (1 + σ(N−1) + κN(N−1)) for each policy', () => {
    const fit = analysis.usl!['go1.1-after-unlock'];
    // N = 1 gives λ; at N*, the peak
    expect(uslAllocsPerSec(1, fit)).toBe(fit.lambda);
    expect(uslAllocsPerSec(fit.peakCores!, fit)).toBeCloseTo(fit.peakAllocsPerSec!, 6);
    const rows = uslRows(analysis);
    // go1.0-under-lock's fit (R² 0.968) does not describe its curve and is not drawn
    expect(rows).toHaveLength(3 * uslSampleCores(analysis).length);
    expect(rows.some((r) => r.policy === 'go1.0-under-lock')).toBe(false);
    const at = rows.find((r) => r.policy === 'go1.1-after-unlock' && r.cores > 10)!;
    const n = at.cores;
    expect(at.usl).toBeCloseTo((fit.lambda * n) / (1 + fit.sigma * (n - 1) + fit.kappa * n * (n - 1)), 9);
    expect(at.bound).toBe(USL_FIT);
  });

  it('adds a "USL fit" entry to the line legend only when the results carry fits', () => {
    const dash = (r: Results) => json(CHARTS.throughput.build(r)).layer[2].encoding.strokeDash;
    expect(dash(analysis).scale.domain).toContain('USL fit');
    expect(dash(analysis).title).toBe('analytic line');
    expect(dash(fixture('results')).scale.domain).not.toContain('USL fit');
    expect(uslRows(fixture('results'))).toEqual([]);
  });
});

describe('the what-if metric chart names the heat map only when there is one', () => {
  it('mentions it in the note of a two-field study, never in the fixed caption', () => {
    const metric = CHARTS['whatif-metric'];
    expect(metric.caption).not.toContain('heat map');
    expect(metric.note!(whatif)).toContain('heat map');
    const oneField: Results = { ...whatif, whatif: { vary: whatif.whatif!.vary.slice(0, 1) } };
    expect(metric.note!(oneField)).toBeNull();
  });
});

describe('a what-if over a bytes field', () => {
  it('labels its x axis in binary units', () => {
    const sized = JSON.parse(
      JSON.stringify(whatif).replaceAll('machine.memory.totalClearGBps', 'workload.sizeBytes.value'),
    ) as Results;
    for (const p of sized.points) {
      const v = p.vary!['workload.sizeBytes.value'] as number;
      p.vary!['workload.sizeBytes.value'] = v * 2 ** 19; // 30, 60, 120 → 15, 30, 60 MiB
    }
    sized.whatif!.vary[0].values = (sized.whatif!.vary[0].values as number[]).map((v) => v * 2 ** 19);
    const spec = CHARTS['whatif-metric'].build(sized);
    const view = new vega.View(
      vega.parse(vegaLite.compile(spec, { logger: throwingLogger('bytes axis') }).spec),
      {
        renderer: 'none',
      },
    );
    expect(JSON.stringify(spec)).toContain("' MiB'");
    return view.toSVG().then((svg) => {
      expect(svg).toContain('15 MiB');
      expect(svg).toContain('60 MiB');
      view.finalize();
    });
  });
});
