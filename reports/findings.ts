/**
 * Plain-language key findings computed from the numbers: how far apart the best and worst safe
 * policies are (a policy that never clears follows as the unsafe floor), which policies give
 * identical curves, where each policy saturates (by the capacity answers the results carry) and which
 * analytic bound it sits on, where core time goes, and whether the simulation agrees with exact MVA;
 * for a what-if study, of its base scenario, after how far the grid moves each policy.
 */
import type { PeakAnswer, Point, Results, ZeroAt } from '../sim/types/index.js';
import { type BoundCheck, type BoundName, bindingBound } from './bounds.js';
import type { Finding } from './finding.js';
import { formatAllocsRate, formatPct, formatSi, formatTimes, joinWords } from './format.js';
import { coreCounts, hasOnePointPerCoreCount, identicalCurves, pointsByPolicy } from './points.js';
import { sensitivityFindings, whatifFindings } from './study-findings.js';
import { baseScenarioView } from './views.js';

/** A non-work state is worth a finding when it takes at least this share of core time. */
const NOTABLE_SHARE = 0.25;

/**
 * Where a policy saturates, by its capacity answer (computed with the results, in
 * sim/experiment/capacity.ts): the first core count that reaches 90% of its peak, so the findings and
 * the capacity answers name the same core count. Null when that is the largest simulated core count:
 * the curve may still be growing.
 */
export function saturationCores(points: Point[], peak: PeakAnswer): number | null {
  return peak.cores === points[points.length - 1].cores ? null : peak.cores;
}

/** A policy's 90%-of-peak answer, when the results carry capacity answers (older files may not). */
function peakAnswer(results: Results, policy: string): PeakAnswer | undefined {
  return results.capacity?.find((a) => a.policy === policy)?.cores90;
}

const rate = formatAllocsRate;
const cores = (n: number) => `${n} core${n === 1 ? '' : 's'}`;
const boundWords: Record<BoundName, string> = {
  lock: 'lock bound',
  bandwidth: 'bandwidth bound',
  core: 'core bound',
};

/** Whether a policy with this zeroAt clears memory at all; one that does not is the unsafe floor. */
const CLEARS: Record<ZeroAt, boolean> = {
  'under-lock': true,
  'after-unlock': true,
  'on-free': true,
  background: true,
  never: false,
};

/** True when the scenario defines the policy to never clear (by its zeroAt): its memory is not zeroed. */
function neverClears(results: Results, policy: string): boolean {
  return results.scenario.policies.some((p) => p.name === policy && !CLEARS[p.zeroAt]);
}

const times = (x: number, of: number) => formatTimes(x / of);

/**
 * The spread between policies at the largest core count, led by the safe ones: the best against the
 * worst of those that clear, the others as multiples of the worst. A policy that never clears is
 * compared on its own afterwards (floorFinding); if no two policies clear, all are compared.
 */
function ratioFinding(results: Results, maxCores: number): Finding[] {
  const atMax = pointsAt(results, maxCores);
  const safe = atMax.filter((p) => !neverClears(results, p.policy));
  const compared = safe.length >= 2 ? safe : safe.length === 0 ? atMax : [];
  if (compared.length < 2) return [];
  const best = compared[0];
  const worst = compared[compared.length - 1];
  if (worst.allocsPerSec.mean <= 0) return [];
  const of = worst.allocsPerSec.mean;
  const middle = compared.slice(1, -1).map((p) => `${p.policy} ${times(p.allocsPerSec.mean, of)}`);
  return [
    {
      kind: 'ratio',
      text:
        `At ${cores(maxCores)} ${best.policy} delivers ${times(best.allocsPerSec.mean, of)} the throughput of ${worst.policy} ` +
        `(${formatSi(best.allocsPerSec.mean)} against ${rate(worst.allocsPerSec.mean)})` +
        (middle.length > 0 ? `; ${joinWords(middle)}.` : '.'),
    },
  ];
}

/** Points at one core count, highest throughput first (ties keep policy order). */
function pointsAt(results: Results, n: number): Point[] {
  const order = pointsByPolicy(results).map((c) => c.policy);
  return results.points
    .filter((p) => p.cores === n)
    .sort(
      (a, b) =>
        b.allocsPerSec.mean - a.allocsPerSec.mean || order.indexOf(a.policy) - order.indexOf(b.policy),
    );
}

/** Below this multiple of the best safe policy, the unsafe floor says clearing costs next to nothing. */
const FLOOR_GAP = 1.05;

/** Policies that never clear, after the safe comparison: the unsafe floor, as a multiple of the best safe policy. */
function floorFinding(results: Results, maxCores: number): Finding[] {
  const atMax = pointsAt(results, maxCores);
  const never = atMax.filter((p) => neverClears(results, p.policy));
  const best = atMax.find((p) => !neverClears(results, p.policy));
  if (never.length === 0 || best === undefined || best.allocsPerSec.mean <= 0) return [];
  const of = best.allocsPerSec.mean;
  const gap = Math.max(...never.map((p) => p.allocsPerSec.mean)) / of;
  const tail = gap < FLOOR_GAP ? 'clearing costs next to nothing here.' : 'the gap is what clearing costs.';
  const each = (p: Point) =>
    `${rate(p.allocsPerSec.mean)} at ${cores(maxCores)} (${times(p.allocsPerSec.mean, of)} ${best.policy})`;
  const text =
    never.length === 1
      ? `${never[0].policy}, which never clears, is the unsafe floor at ${each(never[0])}: ${tail}`
      : `${joinWords(never.map((p) => p.policy))}, which never clear, are the unsafe floor: ` +
        `${never.map((p) => `${p.policy} at ${each(p)}`).join('; ')}: ${tail}`;
  return [{ kind: 'floor', text }];
}

/** Policies whose curves coincide: one hides the other in every chart, so the page says so. */
function identicalFinding(results: Results): Finding[] {
  return identicalCurves(results).map(([first, ...rest]) => {
    const points = pointsByPolicy(results).find((c) => c.policy === first)!.points;
    const lo = points[0];
    const hi = points[points.length - 1];
    const span =
      points.length === 1
        ? `${rate(lo.allocsPerSec.mean)} at ${cores(lo.cores)}`
        : `${formatSi(lo.allocsPerSec.mean)} to ${rate(hi.allocsPerSec.mean)} from ${lo.cores} to ${cores(hi.cores)}`;
    const they = rest.length === 1 ? 'it' : 'them';
    return {
      kind: 'identical',
      text:
        `${joinWords([first, ...rest])} give identical results here (their curves overlap): ${span}; in the charts ` +
        `${joinWords(rest)} ${rest.length === 1 ? 'hides' : 'hide'} ${first}, and the throughput chart draws ${they} dashed.`,
    };
  });
}

/** Who a sentence is about: one policy, or several with identical curves described together. */
interface Subject {
  name: string;
  many: boolean;
}

const verb = (s: Subject, one: string, many: string) => (s.many ? many : one);

/**
 * One sentence per policy, in policy order, except that policies with identical curves whose
 * sentences would read the same apart from the name share one sentence ("a and b saturate …").
 */
function describeTogether(
  results: Results,
  policies: string[],
  describe: (policy: string, subject: Subject) => string | null,
): string[] {
  const groups = identicalCurves(results);
  const done = new Set<string>();
  return policies.flatMap((policy) => {
    if (done.has(policy)) return [];
    const members = (groups.find((g) => g.includes(policy)) ?? [policy]).filter((m) => policies.includes(m));
    const alike = members.map((m) => describe(m, { name: '', many: false }));
    if (members.length > 1 && alike[0] !== null && alike.every((t) => t === alike[0])) {
      for (const m of members) done.add(m);
      return [describe(policy, { name: joinWords(members), many: true }) as string];
    }
    const text = describe(policy, { name: policy, many: false });
    return text === null ? [] : [text];
  });
}

function scalingText(points: Point[], peak: PeakAnswer, s: Subject): { kind: Finding['kind']; text: string } {
  const last = points[points.length - 1];
  const saturation = saturationCores(points, peak);
  const bound = bindingBound(last);
  const its = verb(s, 'its', 'their');
  const boundText = (b: BoundCheck) =>
    b.binds
      ? `at ${its} ${boundWords[b.bound]} of ${rate(b.allocsPerSec)} (${formatPct(b.fraction)} of it at ${cores(last.cores)})`
      : `at ${formatPct(b.fraction)} of ${its} tightest bound, the ${boundWords[b.bound]} of ${rate(b.allocsPerSec)}: ` +
        `queueing, not a hard limit, holds ${verb(s, 'it', 'them')} back`;
  if (saturation !== null) {
    const where = bound ? boundText(bound) : `at ${rate(last.allocsPerSec.mean)}`;
    const text =
      saturation === points[0].cores && peak.flat === true
        ? `${s.name} ${verb(s, 'is', 'are')} flat from ${cores(saturation)} on, ${where}.`
        : `${s.name} ${verb(s, 'saturates', 'saturate')} at ${cores(saturation)}, ${where}.`;
    return { kind: 'saturation', text };
  }
  const at = `${cores(last.cores)} (${rate(last.allocsPerSec.mean)})`;
  if (bound?.binds && bound.bound === 'core') {
    const text =
      `${s.name} ${verb(s, 'scales', 'scale')} almost linearly: at ${at} ${verb(s, 'it reaches', 'they reach')} ` +
      `${formatPct(bound.fraction)} of ${its} core bound N / (Z + D).`;
    return { kind: 'scaling', text };
  }
  const tail = bound?.binds
    ? `, already at ${formatPct(bound.fraction)} of ${its} ${boundWords[bound.bound]} of ${rate(bound.allocsPerSec)}`
    : '';
  return { kind: 'scaling', text: `${s.name} ${verb(s, 'is', 'are')} still growing at ${at}${tail}.` };
}

/**
 * Where each policy saturates, or that it still grows, and the bound it sits on; nothing for a policy
 * without a capacity answer to say where it saturates.
 */
function scalingFindings(results: Results): Finding[] {
  const curves = new Map(pointsByPolicy(results).map((c) => [c.policy, c.points]));
  const kinds = new Map<string, Finding['kind']>();
  const texts = describeTogether(results, [...curves.keys()], (policy, subject) => {
    const peak = peakAnswer(results, policy);
    if (peak === undefined) return null;
    const { kind, text } = scalingText(curves.get(policy)!, peak, subject);
    kinds.set(text, kind);
    return text;
  });
  return texts.map((text) => ({ kind: kinds.get(text)!, text }));
}

const STATE_WORDS = {
  alloc: 'on the small-object fast path',
  lockWait: 'waiting for the heap lock',
  lockHold: 'holding the heap lock',
  clear: 'clearing memory after unlock',
  pageFault: 'in page faults',
  free: 'freeing',
} as const;

function timeFinding(results: Results, maxCores: number): Finding[] {
  const atMax = new Map(results.points.filter((p) => p.cores === maxCores).map((p) => [p.policy, p]));
  const policies = pointsByPolicy(results)
    .map((c) => c.policy)
    .filter((p) => atMax.has(p));
  const parts = describeTogether(results, policies, (policy, subject) => {
    const point = atMax.get(policy)!;
    const [state, share] = (Object.keys(STATE_WORDS) as Array<keyof typeof STATE_WORDS>)
      .map((s) => [s, point.coreTimeShare[s] ?? 0] as const)
      .reduce((a, b) => (b[1] > a[1] ? b : a));
    return share >= NOTABLE_SHARE
      ? `${subject.name} cores spend ${formatPct(share, 2)} of their time ${STATE_WORDS[state]}`
      : null;
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
    ...floorFinding(results, maxCores),
    ...identicalFinding(results),
    ...scalingFindings(results),
    ...timeFinding(results, maxCores),
    ...mvaFinding(results),
  ];
}
