/**
 * The report's sections for what a plain sweep does not have: the what-if axes, the capacity answers,
 * the Universal Scalability Law fit per policy and the sensitivity ranking. Each returns '' when the
 * results lack its part, and every piece of text goes through escapeHtml.
 */

import type { Results, UslSummary } from '../sim/types/index.js';
import { formatCapacity } from './capacity-text.js';
import { escapeHtml } from './escape.js';
import {
  formatChange,
  formatCoefficient,
  formatFixed,
  formatParameter,
  formatPct,
  formatSi,
} from './format.js';
import { coreCounts, policyNames } from './points.js';
import { table } from './tables.js';
import { judgeUsl } from './usl-judge.js';
import { baseScenarioView, baseVary, inTableOrder, scenarioValueAt, varyText, whatifAxes } from './views.js';

/** "value [lo, hi]", or the value alone without an interval. */
function withCi(value: string, ci: [number, number] | undefined, f: (v: number) => string): string {
  return ci === undefined ? value : `${value} [${f(ci[0])}, ${f(ci[1])}]`;
}

/** The what-if axes in one paragraph: each field, its values and the scenario's own value, and what the plain charts show. */
export function whatifSection(results: Results): string {
  const axes = whatifAxes(results);
  if (axes.length === 0) return '';
  const combos = axes.reduce((n, a) => n * a.values.length, 1);
  const fields = axes.map((a) => {
    const own = scenarioValueAt(results, a.path);
    const ownText = own === undefined ? '' : ` (scenario ${String(own)})`;
    return `<code>${escapeHtml(a.path)}</code> ∈ {${escapeHtml(a.values.map(String).join(', '))}}${escapeHtml(ownText)}`;
  });
  const base = baseVary(results);
  const summary =
    `: ${combos} combination${combos === 1 ? '' : 's'} × ${policyNames(results).length} policies × ` +
    `${coreCounts(results).length} core counts = ${results.points.length} points. ` +
    (base === null
      ? 'The grid does not include the scenario’s own values, so only the what-if charts are drawn.'
      : 'Key findings and the per-scenario charts below the what-if charts describe the base scenario.');
  return `<section class="study" aria-label="what-if study">
<h2>What-if</h2>
<p>Varied ${fields.join(' and ')}${escapeHtml(summary)}</p>
</section>`;
}

function capacityList(results: Results, answers: NonNullable<Results['capacity']>): string {
  const lines = formatCapacity(inTableOrder(results, answers)).map((line) => `<li>${escapeHtml(line)}</li>`);
  return `<ul>\n${lines.join('\n')}\n</ul>`;
}

/**
 * The capacity answers as formatCapacity words them, one line each, above the charts. A what-if
 * study shows its base scenario's here (one line per policy, so the charts stay in the first
 * screen) and every combination's below the charts (capacityDetails).
 */
export function capacitySection(results: Results): string {
  const whatif = whatifAxes(results).length > 0;
  const answers = (whatif ? baseScenarioView(results) : results).capacity ?? [];
  if (whatif && baseVary(results) === null) return '';
  if (answers.length === 0) return '';
  const title = whatif
    ? 'Capacity answers (base scenario; every combination below the charts)'
    : 'Capacity answers';
  // the title says which values the base answers are for, so their lines need not repeat them
  const shown = whatif ? answers.map(({ vary: _vary, ...answer }) => answer) : answers;
  return `<section class="capacity" aria-label="capacity answers">
<h2>${escapeHtml(title)}</h2>
${capacityList(results, shown)}
</section>`;
}

/** A what-if study's capacity answers for every combination of varied values. */
export function capacityDetails(results: Results): string {
  const answers = results.capacity ?? [];
  if (whatifAxes(results).length === 0 || answers.length === 0) return '';
  return `<h2>Capacity answers for every what-if combination</h2>\n<div class="capacity-all">${capacityList(results, answers)}</div>\n`;
}

/** "yes", or why not and the knee N* = (Z + D) / D_max of the bound-limited curve. */
function fitVerdict(results: Results, fit: UslSummary): string {
  const verdict = judgeUsl(results, fit);
  if (verdict.describes) return 'yes';
  const knee =
    verdict.kneeCores === null
      ? ''
      : `; bound-limited, knee N* = ${formatFixed(verdict.kneeCores, 1)} cores (${verdict.boundName})`;
  return `no: ${verdict.why}${knee}`;
}

/** One row per fitted curve: σ, κ and λ with 95% CIs, N*, the peak and R². */
export function uslTable(results: Results): string | null {
  const fits = inTableOrder(results, Object.values(results.usl ?? {}));
  if (fits.length === 0) return null;
  const varied = whatifAxes(results).length > 0;
  const maxCores = Math.max(...coreCounts(results));
  const peak = (u: UslSummary) => {
    if (u.peakCores === null || u.peakAllocsPerSec === null) return ['– (no peak: κ = 0)', '–'];
    const beyond = u.peakCores > maxCores ? ' (beyond the simulated cores)' : '';
    return [`${formatFixed(u.peakCores, 1)}${beyond}`, formatSi(u.peakAllocsPerSec)];
  };
  const rows = fits.map((u) => [
    u.policy,
    ...(varied ? [varyText(results, u.vary)] : []),
    withCi(formatCoefficient(u.sigma), u.ci95?.sigma, formatCoefficient),
    withCi(formatCoefficient(u.kappa), u.ci95?.kappa, formatCoefficient),
    withCi(formatSi(u.lambda), u.ci95?.lambda, (v) => formatSi(v)),
    ...peak(u),
    u.r2 === null ? '–' : formatFixed(u.r2, 4),
    fitVerdict(results, u),
  ]);
  const head = [
    'policy',
    ...(varied ? ['varied values'] : []),
    'σ contention [95% CI]',
    'κ coherency [95% CI]',
    'λ one core (allocs/s) [95% CI]',
    'N* = √((1−σ)/κ) (cores)',
    'peak X(N*) (allocs/s)',
    'R²',
    'describes the curve',
  ];
  const first = varied ? 2 : 1;
  return table(head, rows, [first, first + 1, first + 2, first + 3, first + 4, first + 5]);
}

/** The fit's method and, when some fit has no interval, why. */
export function uslNote(results: Results): string {
  const fits = Object.values(results.usl ?? {});
  const noCi = fits.some((u) => u.ci95 === null);
  return (
    'Least-squares fit of X(N) = λN / (1 + σ(N−1) + κN(N−1)) to the mean throughputs; σ is the serialised ' +
    'share (the heap lock), κ the cost that grows with pairs of cores (shared clear bandwidth), and N* where ' +
    'the fitted curve peaks. A fit describes its curve when R² ≥ 0.98 and any peak inside the simulated cores ' +
    'is within 5% of the simulated peak; the throughput chart draws only those. A curve the USL does not ' +
    'describe is bound-limited: it rises until the tightest resource bound 1/D_max stops it, at the knee ' +
    'N* = (Z + D) / D_max of operational analysis (Z + D the uncontended cycle, from the core bound).' +
    (noCi ? ' Fits with 3 or fewer core counts have no confidence interval.' : '')
  );
}

/** Every sensitivity row: the parameter low and high, the throughput at each, and the effect. */
export function sensitivityTable(results: Results): string | null {
  const s = results.sensitivity;
  if (s === undefined || s.rows.length === 0) return null;
  const policies = policyNames(results);
  const rows = [...s.rows]
    .sort((a, b) => policies.indexOf(a.policy) - policies.indexOf(b.policy) || a.rank - b.rank)
    .map((r) => [
      r.policy,
      `${r.rank}`,
      r.path,
      formatParameter(r.path, r.lowValue),
      formatParameter(r.path, r.baseValue),
      formatParameter(r.path, r.highValue),
      formatSi(r.lowAllocsPerSec),
      formatSi(r.baseAllocsPerSec),
      formatSi(r.highAllocsPerSec),
      formatChange(r.effect),
    ]);
  const head = [
    'policy',
    'rank',
    'parameter',
    'low value',
    'scenario value',
    'high value',
    'at low (allocs/s)',
    'base (allocs/s)',
    'at high (allocs/s)',
    'effect (%)',
  ];
  return table(head, rows, [1, 3, 4, 5, 6, 7, 8, 9]);
}

export function sensitivityNote(results: Results): string {
  const s = results.sensitivity!;
  const pct = formatPct(s.swing);
  return `Each parameter set to −${pct} and +${pct} of its scenario value, one at a time, at ${s.cores} cores; distributions by their mean. Effect = (throughput at high − throughput at low) / base; ranked by its size.`;
}
