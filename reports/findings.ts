/**
 * Plain-language key findings computed from the numbers: where each policy saturates and which
 * analytic bound it sits on, how far apart the best and worst policies are, where core time goes,
 * and whether the simulation agrees with exact MVA; for a what-if study, of its base scenario, after
 * how far the grid moves each policy.
 */
import type { Point, Results } from '../sim/experiment/types.js';
import { formatPct, formatSi } from './format.js';
import { coreCounts, hasOnePointPerCoreCount, pointsByPolicy } from './points.js';
import { sensitivityFindings, whatifFindings } from './study-findings.js';
import { baseScenarioView } from './views.js';

export interface Finding {
  kind: 'ratio' | 'saturation' | 'scaling' | 'time' | 'mva' | 'whatif' | 'sensitivity';
  text: string;
}

/** A point is "at" a bound when its mean throughput reaches this fraction of it. */
export const AT_BOUND = 0.9;
/** A step to the next core count that grows throughput by less than this has stopped growing. */
export const STALL_GROWTH = 1.05;
/** A non-work state is worth a finding when it takes at least this share of core time. */
const NOTABLE_SHARE = 0.25;

/**
 * The core count where a policy saturates: the smaller of (a) the first core count that reaches 90%
 * of the policy's peak throughput and (b) the first one after which throughput grows by less than 5%.
 * Null when that is the largest simulated core count: the curve may still be growing.
 */
export function saturationCores(points: Point[]): number | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => p.allocsPerSec.mean);
  const peak = Math.max(...xs);
  const nearPeak = xs.findIndex((x) => x >= AT_BOUND * peak);
  const stall = xs.findIndex((x, i) => i + 1 < xs.length && xs[i + 1] < STALL_GROWTH * x);
  const index = stall === -1 ? nearPeak : Math.min(nearPeak, stall);
  return index === points.length - 1 ? null : points[index].cores;
}

export type BoundName = 'lock' | 'bandwidth' | 'core';

export interface BoundCheck {
  bound: BoundName;
  allocsPerSec: number;
  /** measured mean throughput / bound */
  fraction: number;
  /** true when the point is within 10% of this bound */
  binds: boolean;
}

/** The bound a point sits on: the tightest one it is within 10% of, else the tightest overall. */
export function bindingBound(point: Point): BoundCheck | null {
  const a = point.analytic;
  const bounds = (
    [
      ['lock', a.lockBoundAllocsPerSec],
      ['bandwidth', a.bandwidthBoundAllocsPerSec],
      ['core', a.coreBoundAllocsPerSec],
    ] as const
  )
    .filter((b): b is readonly [BoundName, number] => b[1] !== null && b[1] > 0)
    .map(([bound, value]) => ({ bound, allocsPerSec: value, fraction: point.allocsPerSec.mean / value }))
    .map((b) => ({ ...b, binds: b.fraction >= AT_BOUND }))
    .sort((x, y) => x.allocsPerSec - y.allocsPerSec);
  return bounds.find((b) => b.binds) ?? bounds[0] ?? null;
}

const rate = (x: number) => `${formatSi(x)} allocs/s`;
const cores = (n: number) => `${n} core${n === 1 ? '' : 's'}`;
const boundWords: Record<BoundName, string> = {
  lock: 'lock bound',
  bandwidth: 'bandwidth bound',
  core: 'core bound',
};

function ratioFinding(results: Results, maxCores: number): Finding[] {
  const atMax = results.points
    .filter((p) => p.cores === maxCores)
    .sort((a, b) => b.allocsPerSec.mean - a.allocsPerSec.mean);
  if (atMax.length < 2) return [];
  const best = atMax[0];
  const worst = atMax[atMax.length - 1];
  if (worst.allocsPerSec.mean <= 0) return [];
  const times = (p: Point) => `${(p.allocsPerSec.mean / worst.allocsPerSec.mean).toFixed(1)}×`;
  const middle = atMax.slice(1, -1).map((p) => `${p.policy} ${times(p)}`);
  return [
    {
      kind: 'ratio',
      text:
        `At ${cores(maxCores)} ${best.policy} delivers ${times(best)} the throughput of ${worst.policy} ` +
        `(${formatSi(best.allocsPerSec.mean)} against ${rate(worst.allocsPerSec.mean)})` +
        (middle.length > 0 ? `; ${joinWords(middle)}.` : '.'),
    },
  ];
}

/** "a", "a and b", "a, b and c" */
function joinWords(parts: string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function scalingFinding(policy: string, points: Point[]): Finding[] {
  const last = points[points.length - 1];
  const saturation = saturationCores(points);
  const bound = bindingBound(last);
  const boundText = (b: BoundCheck) =>
    b.binds
      ? `at its ${boundWords[b.bound]} of ${rate(b.allocsPerSec)} (${formatPct(b.fraction)} of it at ${cores(last.cores)})`
      : `at ${formatPct(b.fraction)} of its tightest bound, the ${boundWords[b.bound]} of ${rate(b.allocsPerSec)}: ` +
        'queueing, not a hard limit, holds it back';
  if (saturation !== null) {
    const text = `${policy} saturates at ${cores(saturation)}, ${bound ? boundText(bound) : `at ${rate(last.allocsPerSec.mean)}`}.`;
    return [{ kind: 'saturation', text }];
  }
  const at = `${cores(last.cores)} (${rate(last.allocsPerSec.mean)})`;
  if (bound?.binds && bound.bound === 'core') {
    const text = `${policy} scales almost linearly: at ${at} it reaches ${formatPct(bound.fraction)} of its core bound N / (Z + D).`;
    return [{ kind: 'scaling', text }];
  }
  const tail = bound?.binds
    ? `, already at ${formatPct(bound.fraction)} of its ${boundWords[bound.bound]} of ${rate(bound.allocsPerSec)}`
    : '';
  return [{ kind: 'scaling', text: `${policy} is still growing at ${at}${tail}.` }];
}

const STATE_WORDS = {
  lockWait: 'waiting for the heap lock',
  lockHold: 'holding the heap lock',
  clear: 'clearing memory after unlock',
  pageFault: 'in page faults',
  free: 'freeing',
} as const;

function timeFinding(results: Results, maxCores: number): Finding[] {
  const parts = pointsByPolicy(results).flatMap(({ policy, points }) => {
    const point = points.find((p) => p.cores === maxCores);
    if (!point) return [];
    const [state, share] = (Object.keys(STATE_WORDS) as Array<keyof typeof STATE_WORDS>)
      .map((s) => [s, point.coreTimeShare[s]] as const)
      .reduce((a, b) => (b[1] > a[1] ? b : a));
    return share >= NOTABLE_SHARE
      ? [`${policy} cores spend ${formatPct(share, 2)} of their time ${STATE_WORDS[state]}`]
      : [];
  });
  return parts.length === 0 ? [] : [{ kind: 'time', text: `At ${cores(maxCores)} ${parts.join('; ')}.` }];
}

function mvaFinding(results: Results): Finding[] {
  const exact = results.points.filter((p) => p.analytic.mvaExact && p.analytic.mvaAllocsPerSec !== null);
  if (exact.length === 0) return [];
  const diffs = exact.map((p) => {
    const mva = p.analytic.mvaAllocsPerSec as number;
    return {
      p,
      within: Math.abs(p.allocsPerSec.mean - mva) <= p.allocsPerSec.ci95,
      rel: Math.abs(p.allocsPerSec.mean - mva) / mva,
    };
  });
  const worst = diffs.reduce((a, b) => (b.rel > a.rel ? b : a));
  const within = diffs.filter((d) => d.within).length;
  return [
    {
      kind: 'mva',
      text:
        `The simulation matches exact mean value analysis within its 95% CI at ${within} of ${exact.length} ` +
        `point${exact.length === 1 ? '' : 's'}; the largest difference is ${formatPct(worst.rel, 2)} ` +
        `(${worst.p.policy}, ${cores(worst.p.cores)}).`,
    },
  ];
}

export function keyFindings(results: Results): Finding[] {
  const view = baseScenarioView(results);
  return [
    ...whatifFindings(results),
    ...(hasOnePointPerCoreCount(view) ? sweepFindings(view) : []),
    ...sensitivityFindings(results),
  ];
}

/** The findings of one curve per policy: a plain sweep, or a what-if study's base scenario. */
function sweepFindings(results: Results): Finding[] {
  const cores = coreCounts(results);
  if (cores.length === 0) return [];
  const maxCores = cores[cores.length - 1];
  return [
    ...ratioFinding(results, maxCores),
    ...pointsByPolicy(results).flatMap(({ policy, points }) => scalingFinding(policy, points)),
    ...timeFinding(results, maxCores),
    ...mvaFinding(results),
  ];
}
