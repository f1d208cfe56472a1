/**
 * Key findings for studies beyond a plain sweep: how far each policy's throughput moves across a
 * what-if grid at the largest core count, and which parameters move it most in a sensitivity study.
 */
import type { Point, Results, SensitivityRow } from '../sim/types/index.js';
import type { Finding } from './finding.js';
import {
  formatAllocsRate,
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
    return [{ kind: 'whatif', text }];
  });
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
