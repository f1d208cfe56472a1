/**
 * The playground's inputs: one per scenario field, named by its dot path (`machine.memory.totalClearGBps`,
 * `workload.workNs.mean`, ...), starting at the scenario's value; the policies (the scenario's own and
 * every preset) as checkboxes; the core counts as a list. Each edit updates the edited scenario, which
 * goes to the worker as typed: a value that is not a number stays text, so the CLI's loader names the
 * problem in its own words.
 */
import type { DistName, DistSpec, PolicySpec, Scenario } from '../types/index.js';
import { lockKindNames, valueAt, withValueAt } from '../types/index.js';
import { element, type FormElement, type PageElement } from './dom.js';

/** The sections of the scenario the page offers, each field under them by its dot path. */
const SECTIONS = [
  { path: 'machine.memory', title: 'Machine: memory' },
  { path: 'machine.lock', title: 'Machine: heap lock' },
  { path: 'workload', title: 'Workload' },
  { path: 'heap', title: 'Heap' },
  { path: 'run', title: 'Run' },
] as const;

/** Fields whose text is one of a few names: a select. */
const CHOICES: Record<string, readonly string[]> = { 'machine.lock.kind': lockKindNames };

/** Fields that may be null (`heap.maxFreeBytes`: keep everything): an empty input means null. */
const NULLABLE = new Set(['heap.maxFreeBytes']);

export interface EditedScenario {
  /** the scenario as edited, ready to validate: plain JSON */
  value(): Record<string, unknown>;
}

/** A number when the text is one, else the text itself (the loader then says what was expected). */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isFinite(n) ? n : text;
}

/** A comma list of numbers, each a number when it is one. */
function listOf(text: string): Array<number | string> {
  return text.split(',').map((part) => numberOrText(part.trim()));
}

function isDist(value: unknown): value is DistSpec {
  return typeof value === 'object' && value !== null && 'dist' in value;
}

/**
 * A typical value of a distribution: its own location parameter. (sim/dist has the exact means, but
 * would bring the scenario schema into the page script; a starting value for a new family needs none.)
 */
function typicalValue(spec: DistSpec): number {
  switch (spec.dist) {
    case 'fixed':
      return spec.value;
    case 'exponential':
      return spec.mean;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'lognormal':
      return spec.median;
    case 'empirical': {
      const total = spec.weights.reduce((sum, w) => sum + w, 0);
      return spec.values.reduce((sum, v, i) => sum + v * spec.weights[i], 0) / total;
    }
  }
}

/** A distribution of another family around the same value, for when the user switches family. */
export function switchFamily(spec: DistSpec, to: DistName): DistSpec {
  const m = typicalValue(spec);
  const specs: { [N in DistName]: DistSpec } = {
    fixed: { dist: 'fixed', value: m },
    exponential: { dist: 'exponential', mean: m },
    uniform: { dist: 'uniform', min: 0, max: 2 * m },
    lognormal: { dist: 'lognormal', median: m, sigma: 0.5 },
    empirical: { dist: 'empirical', values: [m], weights: [1] },
  };
  return specs[to];
}

/** Builds the inputs into `root` and keeps the edited scenario; `changed` runs after every edit. */
export function buildForm(
  root: PageElement,
  scenario: Scenario,
  choices: { presets: readonly PolicySpec[]; distributions: readonly DistName[] },
  changed: () => void,
): EditedScenario {
  const { presets, distributions } = choices;
  let edited: Record<string, unknown> = structuredClone(scenario) as unknown as Record<string, unknown>;
  const set = (path: string, value: unknown) => {
    edited = withValueAt(edited, path, value);
    changed();
  };

  /** One labelled input for a leaf field. */
  const leaf = (path: string, value: unknown): PageElement => {
    const row = element('label', 'field');
    row.append(element('span', 'path', path));
    let input: FormElement;
    if (CHOICES[path] !== undefined) {
      input = select(CHOICES[path], String(value));
      input.addEventListener('change', () => set(path, input.value));
    } else if (typeof value === 'boolean') {
      input = element('input');
      input.type = 'checkbox';
      input.checked = value;
      input.addEventListener('change', () => set(path, input.checked));
    } else if (Array.isArray(value)) {
      input = element('input');
      input.type = 'text';
      input.value = value.join(', ');
      input.addEventListener('input', () => set(path, listOf(input.value)));
    } else if (typeof value === 'number' || value === null) {
      input = element('input');
      input.type = 'text';
      input.setAttribute('inputmode', 'decimal');
      input.value = value === null ? '' : String(value);
      if (NULLABLE.has(path)) input.setAttribute('placeholder', 'none');
      input.addEventListener('input', () =>
        set(path, NULLABLE.has(path) && input.value.trim() === '' ? null : numberOrText(input.value)),
      );
    } else {
      input = element('input');
      input.type = 'text';
      input.value = String(value);
      input.addEventListener('input', () => set(path, input.value));
    }
    input.name = path;
    row.append(input);
    return row;
  };

  /** A distribution: its family as a select, then one input per parameter. */
  const dist = (path: string, spec: DistSpec): PageElement => {
    const group = element('fieldset', 'dist');
    const legend = element('legend', '', path);
    const params = element('div', 'params');
    const family = select(distributions, spec.dist);
    family.name = `${path}.dist`;
    const fill = (current: DistSpec) => {
      params.replaceChildren(
        ...Object.entries(current)
          .filter(([key]) => key !== 'dist')
          .map(([key, value]) => leaf(`${path}.${key}`, value)),
      );
    };
    family.addEventListener('change', () => {
      const next = switchFamily(valueAt(edited, path) as DistSpec, family.value as DistName);
      fill(next);
      set(path, next);
    });
    fill(spec);
    group.append(legend, family, params);
    return group;
  };

  const fields = (path: string, node: unknown): PageElement[] => {
    if (isDist(node)) return [dist(path, node)];
    if (typeof node === 'object' && node !== null && !Array.isArray(node))
      return Object.entries(node).flatMap(([key, value]) => fields(`${path}.${key}`, value));
    return [leaf(path, node)];
  };

  const cores = element('section', 'group');
  cores.append(element('h2', '', 'Cores'), leaf('cores', scenario.cores));
  root.append(
    cores,
    policyBoxes(scenario, presets, (policies) => set('policies', policies)),
  );
  for (const section of SECTIONS) {
    const group = element('section', 'group');
    group.append(element('h2', '', section.title), ...fields(section.path, valueAt(scenario, section.path)));
    root.append(group);
  }
  return { value: () => edited };
}

/**
 * The policies as checkboxes, the scenario's own first in its order, then the presets it does not use;
 * the edited list keeps that order. A preset goes by its name, a user variant as its resolved spec.
 */
function policyBoxes(
  scenario: Scenario,
  presets: readonly PolicySpec[],
  changed: (policies: Array<string | PolicySpec>) => void,
): PageElement {
  const isPreset = new Set(presets.map((p) => p.name));
  const entries = [
    ...scenario.policies.map((policy) => ({ policy, on: true })),
    ...presets
      .filter((p) => !scenario.policies.some((s) => s.name === p.name))
      .map((policy) => ({ policy, on: false })),
  ];
  const group = element('section', 'group policies');
  group.append(element('h2', '', 'Policies'));
  const boxes = entries.map(({ policy, on }) => {
    const row = element('label', 'check');
    const box = element('input');
    box.type = 'checkbox';
    box.name = 'policies';
    box.value = policy.name;
    box.checked = on;
    row.title = policy.description;
    row.append(box, element('span', isPreset.has(policy.name) ? '' : 'variant', policy.name));
    group.append(row);
    return { box, policy };
  });
  const current = () =>
    boxes
      .filter(({ box }) => box.checked)
      .map(({ policy }) =>
        isPreset.has(policy.name) && policy.extends === undefined ? policy.name : policy,
      );
  for (const { box } of boxes) box.addEventListener('change', () => changed(current()));
  return group;
}

function select(options: readonly string[], value: string): FormElement {
  const el = element('select');
  for (const name of options) {
    const option = element('option', '', name);
    option.value = name;
    el.append(option);
  }
  el.value = value;
  return el;
}
