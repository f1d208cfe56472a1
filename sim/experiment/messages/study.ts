// Problems with a study as a whole: the event budget, --vary axes and what-if labels.

// ─── run budget ──────────────────────────────────────────────────────────────────────────────

/**
 * A study refused before it starts because its estimated events exceed the budget; `source` is the
 * scenario file, or --max-events when the budget came from that flag.
 */
export function budgetExceeded(source: string, estimate: number, budget: number): string {
  const where = source.startsWith('--') ? source : `${source}: run.maxEvents`;
  return `${where}: the study would take about ${estimate.toExponential(2)} events, over the budget of ${budget.toExponential(2)} (expected fewer cores, policies, replications or allocationsPerCore, or a larger --max-events)`;
}

// ─── what-if and sensitivity ─────────────────────────────────────────────────────────────────

export function varyLabel(vary: Record<string, number | string | boolean>): string {
  return Object.entries(vary)
    .map(([path, value]) => `${path}=${value}`)
    .join(',');
}

export function varyMalformed(flag: string): string {
  return `--vary: got ${JSON.stringify(flag)} (expected PATH=V1,V2,... such as machine.memory.totalClearGBps=30,60,120)`;
}

export function varyUnknownPath(path: string): string {
  return `--vary: ${path}: no such field in the scenario (expected a dot path under machine, workload, heap or run, such as workload.needZeroFraction, or policy.FIELD such as policy.dirtyTracking)`;
}

export function varyNotALeaf(path: string): string {
  return `--vary: ${path}: is not a single value (expected a path to a number, boolean or name, such as ${path}.value or ${path}.mean for a distribution)`;
}

export function varyBadValue(path: string, bad: readonly string[], type: string): string {
  return `--vary: ${path}: got ${bad.map((b) => JSON.stringify(b)).join(', ')} (expected ${type === 'number' ? 'numbers' : type === 'boolean' ? 'true or false' : 'names'})`;
}

export function varyRepeated(path: string): string {
  return `--vary: ${path}: varied twice (expected each path in one --vary flag)`;
}

export function varyRepeatedValue(path: string): string {
  return `--vary: ${path}: a value is listed twice (expected distinct values)`;
}

export const whatifNeedsAxis =
  'zerosim whatif: nothing to vary (expected at least one --vary PATH=V1,V2,... or --sensitivity)';
