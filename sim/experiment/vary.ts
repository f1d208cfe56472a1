/**
 * What-if axes: `--vary PATH=V1,V2,...` over any number, boolean or enum leaf of the resolved scenario
 * (machine.*, workload.*, heap.*, run.*), or `policy.FIELD` to set a field of every policy. The full
 * grid of values makes the variants; each is re-validated like a scenario file.
 */

import {
  type DistSpec,
  type PolicySpec,
  type Scenario,
  type VaryAxis,
  valueAt,
  withValueAt,
} from '../types/index.js';
import * as messages from './messages.js';
import type { Variant } from './points.js';
import { InputError } from './scenario/errors.js';
import { loadScenarioValue } from './scenario/load.js';

type Leaf = number | string | boolean;

const SECTIONS = ['machine', 'workload', 'heap', 'run'] as const;

/** The leaf a path names in the scenario (for policy.FIELD, in its first policy), or a problem. */
function leafAt(scenario: Scenario, path: string): { value: Leaf } | { problem: string } {
  const parts = path.split('.');
  if (parts[0] === 'policy') {
    const field = parts[1] as keyof PolicySpec;
    if (
      parts.length !== 2 ||
      field === 'name' ||
      field === 'description' ||
      field === 'extends' ||
      !(field in scenario.policies[0])
    ) {
      return { problem: messages.varyUnknownPath(path) };
    }
    return { value: scenario.policies[0][field] as Leaf };
  }
  if (!(SECTIONS as readonly string[]).includes(parts[0])) return { problem: messages.varyUnknownPath(path) };
  const node = valueAt(scenario, path);
  if (node === undefined) return { problem: messages.varyUnknownPath(path) };
  if (typeof node === 'number' || typeof node === 'string' || typeof node === 'boolean')
    return { value: node };
  // a null leaf (heap.maxFreeBytes: keep all) takes numbers
  if (node === null) return { value: 0 };
  return { problem: messages.varyNotALeaf(path) };
}

function parseValue(text: string, like: Leaf): Leaf | undefined {
  if (typeof like === 'number') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  if (typeof like === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  return text;
}

/** Parses --vary flags against the scenario; InputError with one line per bad flag. */
export function parseVary(flags: readonly string[], scenario: Scenario): VaryAxis[] {
  const problems: string[] = [];
  const axes: VaryAxis[] = [];
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const path = eq > 0 ? flag.slice(0, eq).trim() : '';
    const texts =
      eq > 0
        ? flag
            .slice(eq + 1)
            .split(',')
            .map((t) => t.trim())
        : [];
    if (path === '' || texts.length === 0 || texts.some((t) => t === '')) {
      problems.push(messages.varyMalformed(flag));
      continue;
    }
    const leaf = leafAt(scenario, path);
    if ('problem' in leaf) {
      problems.push(leaf.problem);
      continue;
    }
    const values = texts.map((t) => parseValue(t, leaf.value));
    const bad = texts.filter((_, i) => values[i] === undefined);
    if (bad.length > 0) problems.push(messages.varyBadValue(path, bad, typeof leaf.value));
    else if (axes.some((a) => a.path === path)) problems.push(messages.varyRepeated(path));
    else if (new Set(values).size !== values.length) problems.push(messages.varyRepeatedValue(path));
    else axes.push({ path, values: values as Leaf[] });
  }
  if (problems.length > 0) throw new InputError(problems);
  return axes;
}

/** A copy of the scenario with the field at a dot path set (policy.FIELD: in every policy). */
export function withValue(scenario: Scenario, path: string, value: Leaf | DistSpec): Scenario {
  const [section, field] = path.split('.');
  if (section !== 'policy') return withValueAt(scenario, path, value);
  const copy = structuredClone(scenario);
  for (const policy of copy.policies) (policy as unknown as Record<string, unknown>)[field] = value;
  return copy;
}

/** Every combination of the axes' values, first axis slowest, each variant validated. */
export function gridVariants(scenario: Scenario, axes: readonly VaryAxis[]): Variant[] {
  let combos: Array<Record<string, Leaf>> = [{}];
  for (const axis of axes) combos = combos.flatMap((c) => axis.values.map((v) => ({ ...c, [axis.path]: v })));
  const problems: string[] = [];
  const variants: Variant[] = [];
  for (const vary of combos) {
    let s = scenario;
    for (const [path, value] of Object.entries(vary)) s = withValue(s, path, value);
    try {
      // The variant must be a valid scenario: same rules, reported against the --vary values. A preset
      // whose field was varied is no longer that preset, which the loader refuses under the preset's
      // name; it is checked under a private name and keeps its own in the results.
      const names = s.policies.map((p) => p.name);
      const checked = loadScenarioValue(
        { ...s, policies: s.policies.map((p) => ({ ...p, name: `${p.name}--varied` })) },
        `--vary ${messages.varyLabel(vary)}`,
      );
      const policies = checked.policies.map((p, i) => ({ ...p, name: names[i] }));
      variants.push({ scenario: { ...checked, policies }, vary });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError([...new Set(problems)]);
  return variants;
}
