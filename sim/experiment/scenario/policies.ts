// The `policies` list of a scenario: preset names and policy objects that extend a preset or each other,
// checked for unknown, duplicate and circular references, then resolved to full PolicySpec objects.

import { z } from 'zod';
import type { PresetName } from '../../policies/registry.js';
import { isPresetName, presetNames, presetPolicy, presets } from '../../policies/registry.js';
import { dirtyTrackingNames, type PolicySpec, reuseOrderNames, zeroAtNames } from '../../types/index.js';
import * as messages from '../messages.js';
import type { PathSegment, Problem } from './errors.js';
import { enumField, numberField, strictObject } from './fields.js';
import { closestMatch } from './suggest.js';

/** The axes a policy object may set; everything of a PolicySpec except its name and description. */
export const policyAxes = [
  'zeroAt',
  'honorNeedZero',
  'dirtyTracking',
  'freshIsZero',
  'zeroerThreads',
  'chunkBytes',
  'reuseOrder',
] as const satisfies readonly (keyof PolicySpec)[];

const policyName = z
  .string({ error: messages.expectedPolicyName })
  .regex(/^[a-z0-9.-]+$/, { error: messages.expectedPolicyName });

const policyObjectSchema = strictObject(
  {
    name: policyName,
    extends: z.string({ error: messages.expectedPolicyReference(presetNames, []) }).optional(),
    description: z.string({ error: messages.expectedType('string') }).optional(),
    zeroAt: enumField(zeroAtNames).optional(),
    honorNeedZero: z.boolean({ error: messages.expectedType('boolean') }).optional(),
    dirtyTracking: enumField(dirtyTrackingNames).optional(),
    freshIsZero: z.boolean({ error: messages.expectedType('boolean') }).optional(),
    zeroerThreads: numberField({ int: true, min: 0 }).optional(),
    chunkBytes: numberField({ int: true, min: 0 }).optional(),
    reuseOrder: enumField(reuseOrderNames).optional(),
  },
  messages.expectedPolicyEntry,
);

export type PolicyObject = z.output<typeof policyObjectSchema>;
export type PolicyEntry = string | PolicyObject;

export const policyEntriesSchema = z
  .array(z.union([z.string(), policyObjectSchema], { error: messages.expectedPolicyEntry }), {
    error: messages.expectedPolicies,
  })
  .min(1, { error: messages.expectedPolicies })
  .superRefine(
    (entries, ctx) => {
      for (const problem of policyReferenceProblems(entries)) {
        ctx.addIssue({
          code: 'custom',
          path: problem.path,
          message: problem.expected,
          params: { what: problem.what },
        });
      }
    },
    // also when some entries are malformed, so that every problem of the list is reported at once
    { when: (payload) => Array.isArray(payload.value) },
  );

/**
 * Unknown, duplicate, self- and circular references, and incomplete stand-alone policies. Entries that
 * are malformed (reported by the schema) are skipped, keeping the indices of the others.
 */
export function policyReferenceProblems(entries: readonly unknown[]): Problem[] {
  const problems: Problem[] = [];
  const objects = new Map<string, { object: PolicyObject; index: number }>();
  const firstIndex = new Map<string, number>();
  entries.forEach((value, index) => {
    const entry = asEntry(value);
    if (entry === undefined) return;
    const name = typeof entry === 'string' ? entry : entry.name;
    const at: PathSegment[] = typeof entry === 'string' ? [index] : [index, 'name'];
    const first = firstIndex.get(name);
    if (first !== undefined) {
      problems.push({
        path: at,
        what: messages.policyListedTwice(name, first),
        expected: messages.expectedEachPolicyOnce,
      });
      return;
    }
    firstIndex.set(name, index);
    if (typeof entry === 'string') {
      if (!isPresetName(entry)) {
        const what = messages.unknownPolicy(entry, closestMatch(entry, presetNames));
        problems.push({ path: at, what, expected: messages.expectedPresetName(presetNames) });
      }
      return;
    }
    objects.set(name, { object: entry, index });
    if (isPresetName(name) && !spellsOutPreset(entry)) {
      problems.push({
        path: at,
        what: messages.policyNameIsPreset(name),
        expected: messages.expectedNewPolicyName,
      });
    }
  });

  const defined = [...objects.keys()].filter((name) => !isPresetName(name));
  const reported = new Set<string>();
  for (const { object, index } of objects.values()) {
    const base = object.extends;
    if (base === undefined) {
      const absent = policyAxes.filter((axis) => object[axis] === undefined);
      if (absent.length > 0) {
        const what = messages.missingExtends(absent);
        problems.push({ path: [index, 'extends'], what, expected: messages.expectedExtendsOrAllAxes });
      }
    } else if (base === object.name) {
      problems.push({
        path: [index, 'extends'],
        what: messages.extendsItself(base),
        expected: messages.expectedExtendsChain,
      });
    } else if (!objects.has(base) && !isPresetName(base)) {
      const what = messages.unknownPolicy(base, closestMatch(base, [...presetNames, ...defined]));
      problems.push({
        path: [index, 'extends'],
        what,
        expected: messages.expectedPolicyReference(presetNames, defined),
      });
    } else {
      const cycle = extendsCycle(object.name, objects);
      // report a cycle once, at its first member in the list
      if (cycle && !reported.has(cycle.key)) {
        reported.add(cycle.key);
        const first = Math.min(...cycle.chain.map((name) => objects.get(name)!.index));
        const start = cycle.chain.findIndex((name) => objects.get(name)!.index === first);
        const chain = [...cycle.chain.slice(start), ...cycle.chain.slice(0, start)];
        problems.push({
          path: [first, 'extends'],
          what: messages.extendsCycle([...chain, chain[0]]),
          expected: messages.expectedExtendsChain,
        });
      }
    }
  }
  return problems;
}

function asEntry(value: unknown): PolicyEntry | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, extends: base } = value as Record<string, unknown>;
  const usable = typeof name === 'string' && (base === undefined || typeof base === 'string');
  return usable ? (value as PolicyObject) : undefined;
}

/** The cycle `name` belongs to (following `extends` through policy objects), if any. */
function extendsCycle(
  name: string,
  objects: ReadonlyMap<string, { object: PolicyObject }>,
): { chain: string[]; key: string } | undefined {
  const chain: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined && objects.has(current) && !chain.includes(current)) {
    chain.push(current);
    current = objects.get(current)!.object.extends;
  }
  if (current !== name) return undefined;
  return { chain, key: [...chain].sort().join('\0') };
}

/** An object named after a preset is accepted when it repeats the preset exactly (a resolved scenario). */
function spellsOutPreset(object: PolicyObject): boolean {
  if (!isPresetName(object.name)) return false;
  const preset = presets[object.name];
  return object.extends === undefined && policyAxes.every((axis) => object[axis] === preset[axis]);
}

/** Full PolicySpec objects, in list order. The entries must be free of reference problems. */
export function resolvePolicyEntries(entries: readonly PolicyEntry[]): PolicySpec[] {
  const objects = new Map<string, PolicyObject>();
  for (const entry of entries) if (typeof entry !== 'string') objects.set(entry.name, entry);
  const resolved = new Map<string, PolicySpec>();

  const resolve = (name: string): PolicySpec => {
    const done = resolved.get(name);
    if (done) return done;
    const object = objects.get(name);
    let spec: PolicySpec;
    if (object === undefined || spellsOutPreset(object)) {
      spec = presetPolicy(name as PresetName);
    } else if (object.extends === undefined) {
      spec = {
        name,
        description: object.description ?? messages.standAlonePolicyDescription,
        ...(pickAxes(object) as Omit<PolicySpec, 'name' | 'description'>),
      };
    } else {
      const changes = pickAxes(object);
      spec = {
        ...resolve(object.extends),
        ...changes,
        name,
        extends: object.extends,
        description:
          object.description ?? messages.variantDescription(object.extends, Object.entries(changes)),
      };
    }
    resolved.set(name, spec);
    return spec;
  };
  return entries.map((entry) => ({ ...resolve(typeof entry === 'string' ? entry : entry.name) }));
}

function pickAxes(object: PolicyObject): Partial<PolicySpec> {
  const axes: Partial<Record<(typeof policyAxes)[number], unknown>> = {};
  for (const axis of policyAxes) if (object[axis] !== undefined) axes[axis] = object[axis];
  return axes as Partial<PolicySpec>;
}
