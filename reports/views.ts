/**
 * Views over a what-if study's results: its axes, the scenario's own value of each varied field,
 * the base-scenario slice of the grid (what the plain charts and findings draw), and the order
 * and labels of varied values in tables.
 */
import { type Point, type Results, type VaryAxis, valueAt } from '../sim/types/index.js';
import { policyNames } from './points.js';

export type VaryValue = number | string | boolean;
export type Vary = Record<string, VaryValue>;

/** The varied axes; none for a plain run. */
export function whatifAxes(results: Results): VaryAxis[] {
  return results.whatif?.vary ?? [];
}

/**
 * The scenario's value at a dot path when it is a plain value (a fixed distribution counts as its
 * value); undefined for anything else, such as a distribution that varies.
 */
export function scenarioValueAt(results: Results, path: string): VaryValue | undefined {
  const node = valueAt(results.scenario, path);
  if (typeof node === 'number' || typeof node === 'string' || typeof node === 'boolean') return node;
  const fixed = node as { dist?: unknown; value?: unknown } | null;
  return fixed?.dist === 'fixed' && typeof fixed.value === 'number' ? fixed.value : undefined;
}

/** The scenario's own values of the varied fields; null when some axis does not include its value. */
export function baseVary(results: Results): Vary | null {
  const axes = whatifAxes(results);
  if (axes.length === 0) return null;
  const base: Vary = {};
  for (const axis of axes) {
    const value = scenarioValueAt(results, axis.path);
    if (value === undefined || !axis.values.includes(value)) return null;
    base[axis.path] = value;
  }
  return base;
}

/** True when every field of `want` has the same value in `vary`. */
export function matchesVary(vary: Vary | undefined, want: Vary): boolean {
  return Object.entries(want).every(([path, value]) => vary?.[path] === value);
}

/**
 * What the plain charts and findings read: a plain run as it is; a what-if run cut down to the
 * points (and USL fits and capacity answers) at the scenario's own values, when the grid has them.
 * Without them the run stays whole, and the plain charts do not apply (several points per cores).
 */
export function baseScenarioView(results: Results): Results {
  const base = baseVary(results);
  if (base === null) return results;
  const view: Results = { ...results, points: results.points.filter((p) => matchesVary(p.vary, base)) };
  if (results.usl !== undefined) {
    view.usl = Object.fromEntries(Object.entries(results.usl).filter(([, u]) => matchesVary(u.vary, base)));
  }
  if (results.capacity !== undefined) {
    view.capacity = results.capacity.filter((a) => matchesVary(a.vary, base));
  }
  return view;
}

/** "path = value, path = value" in axis order (paths outside the axes follow in their own order). */
export function varyText(results: Results, vary: Vary | undefined): string {
  const axisPaths = whatifAxes(results).map((a) => a.path);
  const paths = axisPaths.filter((p) => vary !== undefined && p in vary);
  for (const p of Object.keys(vary ?? {})) if (!paths.includes(p)) paths.push(p);
  return paths.map((p) => `${p} = ${String(vary![p])}`).join(', ');
}

/**
 * The compact form tables use: each field by its last name part, its value in the field's unit, and
 * no-break spaces inside one field so a cell wraps only between fields ("totalClearGBps = 30 GB/s,
 * needZeroFraction = 0.5"). The what-if section above the tables names the full paths.
 */
export function varyCompact(
  results: Results,
  vary: Vary | undefined,
  format: (path: string, v: number) => string,
): string {
  const axisPaths = whatifAxes(results).map((a) => a.path);
  const paths = axisPaths.filter((p) => vary !== undefined && p in vary);
  for (const p of Object.keys(vary ?? {})) if (!paths.includes(p)) paths.push(p);
  return paths
    .map((p) => {
      const v = vary![p];
      const name = p
        .replace(/\.value$/, '')
        .split('.')
        .pop();
      const value = typeof v === 'number' ? format(p, v) : String(v);
      return `${name} = ${value}`.replaceAll(' ', '\u00a0');
    })
    .join(', ');
}

/** Position of a point's varied values in the grid, axis by axis, for sorting. */
function gridIndex(results: Results, vary: Vary | undefined): number[] {
  return whatifAxes(results).map((axis) => axis.values.indexOf(vary?.[axis.path] as VaryValue));
}

function compareIndex(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Every point for tables: by policy (scenario order), then grid position, then cores. */
export function pointsInTableOrder(results: Results): Point[] {
  const policies = policyNames(results);
  return [...results.points].sort(
    (a, b) =>
      policies.indexOf(a.policy) - policies.indexOf(b.policy) ||
      compareIndex(gridIndex(results, a.vary), gridIndex(results, b.vary)) ||
      a.cores - b.cores,
  );
}

/** Items with `policy` and optional `vary` (USL fits, capacity answers) in the same order. */
export function inTableOrder<T extends { policy: string; vary?: Vary }>(results: Results, items: T[]): T[] {
  const policies = policyNames(results);
  const rank = (p: string) => (policies.includes(p) ? policies.indexOf(p) : policies.length);
  return [...items].sort(
    (a, b) =>
      rank(a.policy) - rank(b.policy) || compareIndex(gridIndex(results, a.vary), gridIndex(results, b.vary)),
  );
}
