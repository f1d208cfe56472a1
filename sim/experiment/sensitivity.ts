/**
 * Sensitivity (tornado) study: each machine, workload and heap-lock parameter is scaled by (1 − swing)
 * and (1 + swing), one at a time, at the scenario's largest core count, and ranked per policy by how far
 * throughput moves. Distributions scale as a whole (a fixed value, a mean, a median, bounds, values).
 */
import { distMean, scaleDist } from '../dist/index.js';
import {
  type DistSpec,
  type Point,
  type Results,
  type Scenario,
  type Sensitivity,
  type SensitivityRow,
  valueAt,
} from '../types/index.js';
import type { Variant } from './points.js';
import { loadScenarioValue } from './scenario/load.js';
import { withValue } from './vary.js';

/**
 * The parameters swung, by dot path. Left out: workload.sizeBytes, because throughput counts
 * allocations of that size, so swinging it changes the unit being counted (vary it with
 * `--vary workload.sizeBytes.value=...` instead); pageBytes and liveBlocksPerCore, which are structural.
 */
export const SENSITIVITY_PATHS = [
  'machine.memory.coreClearGBps',
  'machine.memory.totalClearGBps',
  'machine.memory.pageFaultNs',
  'machine.lock.acquireNs',
  'machine.lock.handoffNs',
  'workload.workNs',
  'workload.needZeroFraction',
  'heap.allocHoldNs',
  'heap.freeHoldNs',
] as const;

/** The parameter's value as a number (a distribution by its mean), for labels. */
export function parameterValue(scenario: Scenario, path: string): number {
  const v = valueAt(scenario, path);
  return typeof v === 'number' ? v : distMean(v as DistSpec);
}

/** The scenario with one parameter scaled by f; needZeroFraction stays a fraction. */
export function scaled(scenario: Scenario, path: string, f: number): Scenario {
  const v = valueAt(scenario, path);
  if (typeof v !== 'number') return withValue(scenario, path, scaleDist(v as DistSpec, f));
  return withValue(scenario, path, path === 'workload.needZeroFraction' ? Math.min(1, v * f) : v * f);
}

export interface SensitivityPlan {
  cores: number;
  swing: number;
  /** base first, then low and high per parameter that is not zero */
  variants: Variant[];
  paths: string[];
}

/** The variants to run: the base and each non-zero parameter down and up, at the largest core count. */
export function sensitivityPlan(scenario: Scenario, swing = 0.5): SensitivityPlan {
  const cores = scenario.cores[scenario.cores.length - 1];
  const base = { ...scenario, cores: [cores] };
  const paths = SENSITIVITY_PATHS.filter((p) => parameterValue(scenario, p) !== 0);
  const variants: Variant[] = [{ scenario: base, vary: { sensitivity: 'base' } }];
  for (const path of paths) {
    for (const [side, f] of [
      ['low', 1 - swing],
      ['high', 1 + swing],
    ] as const) {
      const s = loadScenarioValue(scaled(base, path, f), `--sensitivity ${path}×${f}`);
      variants.push({ scenario: s, vary: { sensitivity: `${path}:${side}` } });
    }
  }
  return { cores, swing, variants, paths };
}

/** Ranks the parameters per policy from the points of a sensitivity run. */
export function sensitivityRows(
  plan: SensitivityPlan,
  base: Scenario,
  points: readonly Point[],
): Sensitivity {
  const x = (tag: string, policy: string) =>
    points.find((p) => p.vary?.sensitivity === tag && p.policy === policy)?.allocsPerSec.mean ?? 0;
  const rows: SensitivityRow[] = [];
  for (const policy of base.policies.map((p) => p.name)) {
    const baseX = x('base', policy);
    const mine = plan.paths.map((path) => {
      const value = parameterValue(base, path);
      const low = x(`${path}:low`, policy);
      const high = x(`${path}:high`, policy);
      return {
        path,
        policy,
        baseValue: value,
        lowValue: parameterValue(scaled(base, path, 1 - plan.swing), path),
        highValue: parameterValue(scaled(base, path, 1 + plan.swing), path),
        baseAllocsPerSec: baseX,
        lowAllocsPerSec: low,
        highAllocsPerSec: high,
        effect: baseX > 0 ? (high - low) / baseX : 0,
        rank: 0,
      };
    });
    // rank by magnitude; ties keep the parameter order, so the ranking is deterministic
    mine
      .map((row, i) => ({ row, i }))
      .sort((a, b) => Math.abs(b.row.effect) - Math.abs(a.row.effect) || a.i - b.i)
      .forEach(({ row }, r) => {
        row.rank = r + 1;
      });
    rows.push(...mine.sort((a, b) => a.rank - b.rank));
  }
  return { cores: plan.cores, swing: plan.swing, rows };
}

/** Keeps the sensitivity points out of the main points list: they live in `sensitivity`. */
export function withoutSensitivityPoints(results: Results): Results {
  return { ...results, points: results.points.filter((p) => p.vary?.sensitivity === undefined) };
}
