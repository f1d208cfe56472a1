// The scenario format as a JSON Schema (draft 2020-12), generated from the zod schema (schema.ts), so
// that a field added there appears here by itself. It describes what a file may say, zod's input side:
// a bare number where a distribution goes. Words come from messages (by dot path), units from the
// field's name, defaults from defaults.ts. Checks that zod runs in code (known policy references,
// uniform min <= max, ...) have no JSON Schema form; the schema's description names them.

import { z } from 'zod';
import { presetNames } from '../../policies/registry.js';
import { valueAt } from '../../types/index.js';
import * as messages from '../messages.js';
import { defaultPolicyNames, defaultSettings } from './defaults.js';
import { scenarioSchema } from './schema.js';

const fieldDocs = messages.scenarioFieldDocs(presetNames);

/** The meta-schema the printed schema declares as its `$schema`. */
export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

export type JsonSchema = { [keyword: string]: unknown };

/**
 * Keywords for checks that schema.ts makes in a refinement, where JSON Schema has a keyword of its own:
 * zod's refinements are invisible to z.toJSONSchema.
 */
const refinementKeywords: Readonly<Record<string, JsonSchema>> = {
  cores: { uniqueItems: true },
};

/** The JSON Schema of a scenario file, with titles, descriptions (units included) and defaults. */
export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-2020-12',
    // a field zod cannot express (a custom check) accepts anything rather than breaking the command;
    // a test requires every field to say its type, so one such field is noticed
    unrepresentable: 'any',
  });
  const defaults = { ...defaultSettings(), policies: [...defaultPolicyNames] };
  const { $schema: _, ...body } = annotate(JSON.parse(JSON.stringify(generated)), [], {}, defaults);
  return {
    $schema: jsonSchemaDialect,
    title: messages.scenarioSchemaTitle,
    description: messages.scenarioSchemaDescription,
    ...body,
  };
}

/** What annotate puts before a node's own keywords (title, description) and after them (default). */
interface Notes {
  head?: JsonSchema;
  tail?: JsonSchema;
}

/** A copy of `node` (at dot path `path`) with notes on it and on every field below it. */
function annotate(node: JsonSchema, path: readonly string[], notes: Notes, defaults: unknown): JsonSchema {
  const family = familyName(node);
  const out: JsonSchema = { ...(family === undefined ? {} : { title: family }), ...notes.head };
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === 'properties' && isSchemaRecord(value)) {
      const properties: Record<string, JsonSchema> = {};
      for (const [key, child] of Object.entries(value)) {
        const at = [...path, key];
        const childNotes =
          family === undefined ? fieldNotes(child, at, defaults) : paramNotes(family, key, path);
        properties[key] = annotate(child, at, childNotes, defaults);
      }
      out.properties = properties;
    } else if (keyword === 'items' && isSchema(value)) {
      out.items = annotate(value, path, {}, defaults);
    } else if ((keyword === 'anyOf' || keyword === 'oneOf' || keyword === 'allOf') && Array.isArray(value)) {
      out[keyword] = value.map((branch: JsonSchema) => annotate(branch, path, {}, defaults));
    } else {
      out[keyword] = value;
    }
  }
  return { ...out, ...notes.tail };
}

/** A scenario field's description, unit and default, and keywords for its refinements. */
function fieldNotes(node: JsonSchema, path: readonly string[], defaults: unknown): Notes {
  const dotted = path.join('.');
  const unit = unitOfField(path[path.length - 1]);
  const parts = [fieldDocs[dotted], isDistribution(node) ? messages.distributionFieldDoc : undefined];
  const words = parts.filter((part) => part !== undefined).join('; ');
  // the unit first, as a quantity's [unit]: the words after it may go on with "0: ..." or "null: ..."
  const description = [unit && `[${unit}]`, words].filter(Boolean).join(' ');
  const head: JsonSchema = description === '' ? {} : { description };
  // a section's default is that of its fields, given on each of them
  const fallback = isSection(node) ? undefined : valueAt(defaults, dotted);
  return {
    head,
    tail: { ...refinementKeywords[dotted], ...(fallback === undefined ? {} : { default: fallback }) },
  };
}

/** A distribution family's parameter, in the unit of the field the distribution is for. */
function paramNotes(family: string, param: string, fieldPath: readonly string[]): Notes {
  const unit = unitOfField(fieldPath[fieldPath.length - 1] ?? '');
  const description = messages.distParamDoc(family, param, unit ? ` [${unit}]` : '');
  return { head: description === undefined ? {} : { description } };
}

/** The unit a field's name carries, as every name in the scenario does (`holdNs`, `sizeBytes`). */
function unitOfField(key: string): string | undefined {
  if (key === 'ns' || key.endsWith('Ns')) return 'ns';
  if (key === 'bytes' || key.endsWith('Bytes')) return 'bytes';
  if (key.endsWith('GBps')) return 'GB/s';
  return undefined;
}

/** The family of a `{"dist": "...", ...}` object schema. */
function familyName(node: JsonSchema): string | undefined {
  const properties = node.properties;
  if (!isSchemaRecord(properties) || !isSchema(properties.dist)) return undefined;
  const name = properties.dist.const;
  return typeof name === 'string' ? name : undefined;
}

/** A number or one of the family objects (distribution.ts). */
function isDistribution(node: JsonSchema): boolean {
  const branches = Array.isArray(node.anyOf) ? (node.anyOf as JsonSchema[]) : [];
  return branches.some(
    (branch) =>
      Array.isArray(branch.oneOf) &&
      (branch.oneOf as JsonSchema[]).every((family) => familyName(family) !== undefined),
  );
}

function isSection(node: JsonSchema): boolean {
  return node.type === 'object' && isSchemaRecord(node.properties);
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchemaRecord(value: unknown): value is Record<string, JsonSchema> {
  return isSchema(value) && Object.values(value).every(isSchema);
}
