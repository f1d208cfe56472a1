/**
 * Key findings for studies beyond a plain sweep: how far each policy's throughput moves across a
 * what-if grid at the largest core count and which bound binds it in each variant (the question a
 * what-if asks: lock or DRAM?), and which parameters move it most in a sensitivity study.
 */
import type { Point, Results, SensitivityRow } from '../sim/types/index.js';
import { bindingBound } from './bounds.js';
import type { Finding } from './finding.js';
import {
  formatAllocsRate,
  formatParameter,
  formatPct,
  formatSi,
  formatSignedPct,
  formatTimes,
  joinClauses,
} from './format.js';
import { coreCounts, policyNames } from './points.js';
import { varyText, whatifAxes } from './views.js';

/** A policy whose throughput moves less than this factor across the grid "stays" put. */
const FLAT_SPREAD = 1.1;

const rate = formatAllocsRate;
const signed = (fraction: number) => formatSignedPct(fraction, 2);

export function whatifFindings(results: Results): Finding[] {
  if (whatifAxes(results).length === 0) return [];
  const cores = coreCounts(results);
  const maxCores = cores[cores.length - 1];
  return policyNames(results).flatMap((policy): Finding[] => {
    const points = results.points.filter((p) => p.policy === policy && p.cores === maxCores);
    if (points.length < 2) return [];
    const mean = (p: Point) => p.allocsPerSec.mean;
    const lo = points.reduce((a, b) => (mean(b) < mean(a) ? b : a));
    const hi = points.reduce((a, b) => (mean(b) > mean(a) ? b : a));
    if (mean(lo) <= 0) return [];
    const spread = mean(hi) / mean(lo);
    const text =
      spread < FLAT_SPREAD
        ? `At ${maxCores} cores ${policy} stays within ${formatPct(spread - 1, 2)} across the what-if grid ` +
          `(${formatSi(mean(lo))} to ${rate(mean(hi))}): the varied fields barely matter to it.`
        : `At ${maxCores} cores ${policy} ranges ${formatTimes(spread)} across the what-if grid, from ` +
          `${rate(mean(lo))} (${varyText(results, lo.vary)}) to ${rate(mean(hi))} (${varyText(results, hi.vary)}).`;
    return [{ kind: 'whatif', text }, boundFinding(results, policy, maxCores, points)];
  });
}

/** A variant's varied values in their units, by the last part of each path: "totalClearGBps = 240 GB/s". */
function variantText(vary: Point['vary']): string {
  return Object.entries(vary ?? {})
    .map(
      ([path, v]) =>
        `${path.split('.').pop()} = ${typeof v === 'number' ? formatParameter(path, v) : String(v)}`,
    )
    .join(', ');
}

/** What binds a point: "the lock binds at 184 k allocs/s", or how close it is to its tightest bound. */
function bindsText(p: Point): string {
  const b = bindingBound(p);
  if (b === null) return 'no bound applies';
  const name = b.bound === 'core' ? 'the cores' : `the ${b.bound}`;
  return b.binds
    ? `${name} ${b.bound === 'core' ? 'bind' : 'binds'} at ${rate(b.allocsPerSec)}`
    : `no bound binds (${formatPct(b.fraction, 2)} of ${name} bound, ${rate(b.allocsPerSec)})`;
}

/**
 * Each variant's binding bound at the largest core count, in grid order: one clause per variant, or
 * one sentence when the same bound binds them all.
 */
function boundFinding(results: Results, policy: string, maxCores: number, points: Point[]): Finding {
  const order = results.points.filter((p) => points.includes(p));
  const checks = order.map((p) => ({ p, b: bindingBound(p) }));
  const kinds = new Set(checks.map(({ b }) => b?.bound ?? 'none'));
  if (kinds.size === 1 && checks.every(({ b }) => b?.binds === true)) {
    const values = checks.map(({ b }) => b!.allocsPerSec);
    const lo = checks[values.indexOf(Math.min(...values))];
    const hi = checks[values.indexOf(Math.max(...values))];
    const range =
      hi.b!.allocsPerSec <= 1.01 * lo.b!.allocsPerSec
        ? `at ${rate(lo.b!.allocsPerSec)}`
        : `from ${rate(lo.b!.allocsPerSec)} (${variantText(lo.p.vary)}) to ${rate(hi.b!.allocsPerSec)} (${variantText(hi.p.vary)})`;
    return {
      kind: 'whatif',
      text: `At ${maxCores} cores ${policy} sits on its ${[...kinds][0]} bound in every variant, ${range}.`,
    };
  }
  const text = `At ${maxCores} cores, what binds ${policy}: ${joinClauses(
    order.map((p) => `at ${variantText(p.vary)} ${bindsText(p)}`),
  )}.`;
  return { kind: 'whatif', text };
}

/** One finding for all policies: the parameter whose ±swing moves each policy's throughput most. */
export function sensitivityFindings(results: Results): Finding[] {
  const s = results.sensitivity;
  if (s === undefined) return [];
  const swing = formatPct(s.swing);
  const words = (r: SensitivityRow) =>
    r.baseAllocsPerSec > 0
      ? `${r.path} for ${r.policy} (${signed(r.lowAllocsPerSec / r.baseAllocsPerSec - 1)} at −${swing}, ` +
        `${signed(r.highAllocsPerSec / r.baseAllocsPerSec - 1)} at +${swing})`
      : `${r.path} for ${r.policy}`;
  const top = policyNames(results).flatMap((policy) => {
    const rows = s.rows.filter((r) => r.policy === policy && r.effect !== 0).sort((a, b) => a.rank - b.rank);
    return rows.length === 0 ? [] : [rows[0]];
  });
  if (top.length === 0) return [];
  const text = `At ${s.cores} cores the parameter that moves throughput most is ${joinClauses(top.map(words))}.`;
  return [{ kind: 'sensitivity', text }];
}
