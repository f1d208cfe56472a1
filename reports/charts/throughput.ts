/**
 * Chart 1, throughput against cores: one line per policy with its 95% CI band, the dashed analytic
 * bounds that are close enough to bind, the fitted USL curve when the results carry one, and the
 * exact (or approximate) MVA prediction as hollow points. A policy whose curve is identical to an
 * earlier one's is drawn dashed with small squares, so the line under it still shows.
 */
import type { Results } from '../../sim/types/index.js';
import { formatFixed, joinWords } from '../format.js';
import { identicalCurves, pointsByPolicy } from '../points.js';
import { judgeUsl } from '../usl-judge.js';
import {
  appliesToSweep,
  base,
  type ChartBuilder,
  coresAxis,
  DASH_LEGEND,
  HEIGHT,
  type Layer,
  legendPick,
  pickedOpacity,
  policyColor,
  WIDTH,
} from './common.js';
import { USL_FIT, uslByPolicy, uslRows } from './usl-layer.js';

/** Bounds more than this factor above the highest measured throughput do not bind and are not drawn. */
const BOUND_CUTOFF = 1.25;

/**
 * The log axis cannot show 0, and one band edge at 0 breaks the whole scale: a CI wider than its mean
 * (two replications give t = 12.7) is cut at this fraction of the mean.
 */
const BAND_FLOOR = 0.1;

export function throughputRows(results: Results) {
  return pointsByPolicy(results).flatMap(({ policy, points }) =>
    points.map((p) => ({
      policy,
      cores: p.cores,
      allocsPerSec: p.allocsPerSec.mean,
      ci95: p.allocsPerSec.ci95,
      lo: Math.max(BAND_FLOOR * p.allocsPerSec.mean, p.allocsPerSec.mean - p.allocsPerSec.ci95),
      hi: p.allocsPerSec.mean + p.allocsPerSec.ci95,
      lockBound: p.analytic.lockBoundAllocsPerSec,
      bandwidthBound: p.analytic.bandwidthBoundAllocsPerSec,
      coreBound: p.analytic.coreBoundAllocsPerSec,
      mva: p.analytic.mvaAllocsPerSec,
      mvaKind:
        p.analytic.mvaAllocsPerSec === null
          ? null
          : p.analytic.mvaExact
            ? 'MVA (exact)'
            : 'MVA (approximate)',
    })),
  );
}

/**
 * One row per drawn bound segment: for each policy the tighter of its lock and bandwidth bound
 * (the looser one cannot bind), unless even that is far above every measured curve.
 */
export function boundRows(results: Results) {
  const rows = throughputRows(results);
  const ceiling = BOUND_CUTOFF * Math.max(0, ...rows.map((r) => Math.max(r.hi, r.mva ?? 0)));
  return rows.flatMap((r) => {
    const candidates = [
      { bound: 'lock bound', value: r.lockBound },
      { bound: 'bandwidth bound', value: r.bandwidthBound },
    ].filter((b): b is { bound: string; value: number } => b.value !== null);
    if (candidates.length === 0) return [];
    const tightest = candidates.reduce((a, b) => (b.value < a.value ? b : a));
    return tightest.value <= ceiling ? [{ policy: r.policy, cores: r.cores, ...tightest }] : [];
  });
}

/** stroke dash per bound kind (and the thin solid USL fit), and point shape per MVA kind, fixed so they mean the same in every report */
const DASHES: Record<string, number[]> = {
  'lock bound': [7, 4],
  'bandwidth bound': [2, 3],
  [USL_FIT]: [1, 0],
};
const SHAPES: Record<string, string> = { 'MVA (exact)': 'diamond', 'MVA (approximate)': 'triangle-up' };

const y = {
  type: 'quantitative' as const,
  title: 'throughput (allocs/s, log scale)',
  scale: { type: 'log' as const, nice: false, padding: 8 },
  axis: { format: '~s' },
};

const allocsTooltip = [
  { field: 'policy', type: 'nominal' },
  { field: 'cores', type: 'quantitative' },
  { field: 'allocsPerSec', type: 'quantitative', title: 'allocs/s', format: ',.0f' },
  { field: 'ci95', type: 'quantitative', title: '± 95% CI (allocs/s)', format: ',.0f' },
  { field: 'lockBound', type: 'quantitative', title: 'lock bound (allocs/s)', format: ',.0f' },
  { field: 'bandwidthBound', type: 'quantitative', title: 'bandwidth bound (allocs/s)', format: ',.0f' },
  { field: 'coreBound', type: 'quantitative', title: 'core bound (allocs/s)', format: ',.0f' },
  { field: 'mva', type: 'quantitative', title: 'MVA (allocs/s)', format: ',.0f' },
] as const;

/** The strokeDash encoding the bound and USL layers share, so they make one legend. */
function dashEncoding(results: Results) {
  const bounds = boundRows(results);
  const fits = uslRows(results).length > 0;
  const domain = Object.keys(DASHES).filter(
    (k) => bounds.some((b) => b.bound === k) || (fits && k === USL_FIT),
  );
  return {
    field: 'bound',
    type: 'nominal' as const,
    title: fits ? 'analytic line' : 'analytic bound',
    legend: DASH_LEGEND,
    scale: { domain, range: domain.map((k) => DASHES[k]) },
  };
}

function boundLayer(results: Results): Layer[] {
  const rows = boundRows(results);
  if (rows.length === 0) return [];
  return [
    {
      data: { values: rows },
      mark: { type: 'line', strokeWidth: 1.5 },
      encoding: {
        x: coresAxis(results),
        y: { ...y, field: 'value' },
        color: policyColor(results),
        detail: { field: 'bound' },
        strokeDash: dashEncoding(results),
        opacity: pickedOpacity(0.85, 0.08),
        tooltip: [
          { field: 'policy', type: 'nominal' },
          { field: 'bound', type: 'nominal' },
          { field: 'value', type: 'quantitative', title: 'allocs/s', format: ',.0f' },
        ],
      },
    },
  ];
}

/** Each policy's fitted USL curve, thin, in the policy's colour. */
function uslLayer(results: Results): Layer[] {
  const rows = uslRows(results);
  if (rows.length === 0) return [];
  return [
    {
      data: { values: rows },
      mark: { type: 'line', strokeWidth: 1.2 },
      encoding: {
        x: coresAxis(results),
        y: { ...y, field: 'usl' },
        color: policyColor(results),
        strokeDash: dashEncoding(results),
        opacity: pickedOpacity(0.95, 0.08),
        tooltip: [
          { field: 'policy', type: 'nominal' },
          { field: 'bound', type: 'nominal', title: 'line' },
          { field: 'sigma', type: 'quantitative', title: 'σ (contention)', format: '.3~g' },
          { field: 'kappa', type: 'quantitative', title: 'κ (coherency)', format: '.3~g' },
          { field: 'peakCores', type: 'quantitative', title: 'N* (cores at the peak)', format: '.1f' },
          { field: 'r2', type: 'quantitative', title: 'R²', format: '.4f' },
        ],
      },
    },
  ];
}

function mvaLayer(results: Results): Layer[] {
  const rows = throughputRows(results).filter((r) => r.mva !== null);
  if (rows.length === 0) return [];
  const domain = Object.keys(SHAPES).filter((k) => rows.some((r) => r.mvaKind === k));
  return [
    {
      data: { values: rows },
      mark: { type: 'point', size: 110, strokeWidth: 1.5, filled: false },
      encoding: {
        x: coresAxis(results),
        y: { ...y, field: 'mva' },
        color: policyColor(results),
        shape: {
          field: 'mvaKind',
          type: 'nominal',
          title: 'analytic model',
          scale: { domain, range: domain.map((k) => SHAPES[k]) },
        },
        opacity: pickedOpacity(1, 0.1),
        tooltip: [
          { field: 'policy', type: 'nominal' },
          { field: 'cores', type: 'quantitative' },
          { field: 'mva', type: 'quantitative', title: 'MVA (allocs/s)', format: ',.0f' },
          { field: 'mvaKind', type: 'nominal', title: 'model' },
          { field: 'allocsPerSec', type: 'quantitative', title: 'simulated (allocs/s)', format: ',.0f' },
        ],
      },
    },
  ];
}

/** Policies drawn over an identical earlier curve: every member of a group of identical curves but the first. */
export function overlappingPolicies(results: Results): string[] {
  return identicalCurves(results).flatMap((group) => group.slice(1));
}

/** Dash length of a curve drawn over an identical one, px. */
const DASH = 5;

/**
 * The measured curves: one solid line with filled points per policy, except that a curve identical to
 * an earlier one is drawn dashed on top with small square markers. With several such curves each
 * takes its own slot of the dash period, so every colour shows: the first curve in the gaps, the
 * k-th later one in slot k. Hollow markers stay MVA's alone.
 */
function curveLayers(results: Results): Layer[] {
  const x = coresAxis(results);
  const over = overlappingPolicies(results);
  const encoding = {
    x,
    y: { ...y, field: 'allocsPerSec' },
    color: policyColor(results),
    opacity: pickedOpacity(),
    tooltip: [...allocsTooltip],
  };
  const solid: Layer = {
    ...(over.length === 0 ? {} : { transform: [{ filter: { not: { field: 'policy', oneOf: over } } }] }),
    params: [legendPick()],
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding,
  };
  const dashed = identicalCurves(results).flatMap(([, ...rest]) =>
    rest.map(
      (policy, k): Layer => ({
        transform: [{ filter: { field: 'policy', oneOf: [policy] } }],
        mark: {
          type: 'line',
          strokeWidth: 2,
          strokeDash: [DASH, DASH * rest.length],
          // the dash starts at slot k + 1 of the period (slot 0 is the first curve's)
          strokeDashOffset: DASH * (rest.length - k),
          point: { filled: true, shape: 'square', size: 22 },
        },
        encoding,
      }),
    ),
  );
  return [solid, ...dashed];
}

/** The fits not drawn, each with why and the knee of its bound-limited curve (one per group of identical curves). */
export function undrawnFitsNote(results: Results): string | null {
  const over = overlappingPolicies(results);
  const parts = [...uslByPolicy(results)].flatMap(([policy, fit]) => {
    const verdict = judgeUsl(results, fit);
    if (verdict.describes || over.includes(policy)) return [];
    const knee =
      verdict.kneeCores === null
        ? 'no resource bounds it'
        : `knee ${formatFixed(verdict.kneeCores, 1)} cores (${verdict.boundName})`;
    return [`${policy}: ${verdict.why}, ${knee}`];
  });
  if (parts.length === 0) return null;
  return `No USL fit is drawn where it does not describe the curve; such a curve is bound-limited, and its knee is N* = (Z + D) / D_max of operational analysis (${parts.join('; ')}).`;
}

export const throughput: ChartBuilder<'throughput'> = {
  name: 'throughput',
  title: 'Throughput against cores',
  caption:
    'Allocations per second of simulated time, summed over cores, with the 95% confidence band; both axes are ' +
    "logarithmic, so perfect scaling is a straight diagonal. The thin line is each policy's tighter analytic " +
    'ceiling, long-dashed for the lock bound 1/D_lock and dotted for the bandwidth bound totalClearGBps / bytes ' +
    'cleared per allocation (ceilings far above every curve do not bind and are left out). A curve that flattens ' +
    'onto its ceiling has run out of that resource. Hollow markers are mean value analysis, where the model ' +
    "allows it. A thin solid line is a policy's Universal Scalability Law fit X(N) = λN / (1 + σ(N−1) + κN(N−1)), " +
    'drawn only where it describes the curve (R² ≥ 0.98, and no peak the data does not have). Click a legend ' +
    'entry to pick a policy.',
  applies: appliesToSweep,
  note(results) {
    const same = identicalCurves(results).map(
      ([first, ...rest]) =>
        `${joinWords(rest)} ${rest.length === 1 ? 'has' : 'have'} the same curve as ${first}: drawn dashed over it, with small squares${rest.length > 1 ? ', each in its own dash slot' : ''}.`,
    );
    const parts = [...same, undrawnFitsNote(results)].filter((t): t is string => t !== null);
    return parts.length === 0 ? null : parts.join(' ');
  },
  build(results) {
    const x = coresAxis(results);
    return {
      ...base('Throughput (allocations/s) against cores per policy, with 95% CI, analytic bounds and MVA'),
      width: WIDTH,
      height: HEIGHT,
      data: { values: throughputRows(results) },
      layer: [
        {
          // an identical curve's band would blend with the first one's into a colour no legend has
          ...(overlappingPolicies(results).length === 0
            ? {}
            : { transform: [{ filter: { not: { field: 'policy', oneOf: overlappingPolicies(results) } } }] }),
          mark: { type: 'area', opacity: 0.18, tooltip: false },
          encoding: {
            x,
            y: { ...y, field: 'lo' },
            y2: { field: 'hi' },
            color: policyColor(results),
            fillOpacity: pickedOpacity(1, 0.1),
          },
        },
        ...curveLayers(results),
        ...boundLayer(results),
        ...uslLayer(results),
        ...mvaLayer(results),
      ],
    };
  },
};
