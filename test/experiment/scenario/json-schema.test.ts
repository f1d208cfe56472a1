// The JSON Schema that `zerosim schema` prints agrees with the zod schema it is generated from: the
// shipped scenarios, every valid fixture, resolved scenarios and random valid scenarios pass ajv's
// draft 2020-12 validator; invalid ones fail it and zod alike. Random scenarios use a fixed
// fast-check seed, which a failure prints together with the path to replay.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { machineReader } from '../../../sim/cli/scenario-files.js';
import { scenarioFieldDocs } from '../../../sim/experiment/messages.js';
import {
  InputError,
  type JsonSchema,
  jsonSchemaDialect,
  loadScenarioText,
  loadScenarioValue,
  scenarioJsonSchema,
} from '../../../sim/experiment/scenario/index.js';
import { presetNames } from '../../../sim/policies/registry.js';
import { scenarioJsonArb } from '../../property/arbitraries.js';
import { validScenarioTexts } from './valid-scenarios.js';

const FC_SEED = 20121;

const schema = scenarioJsonSchema();
// strict: unknown keywords and type mix-ups in the schema itself are errors, not ignored
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** ajv's complaints about `value`, one string each; empty when it passes. */
function schemaErrors(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const scenariosDir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const shipped = readdirSync(scenariosDir).filter((file) => file.endsWith('.json'));

describe('the scenario JSON Schema', () => {
  it('is a valid draft 2020-12 schema that says so', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(jsonSchemaDialect).toBe(schema.$schema);
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('gives every field a type: nothing zod could not express became "anything"', () => {
    const untyped: string[] = [];
    walkFields(schema, '', (path, node) => {
      const typed = ['type', 'anyOf', 'oneOf', 'enum', 'const'].some((keyword) => keyword in node);
      if (!typed) untyped.push(path);
    });
    expect(untyped).toEqual([]);
  });

  it('describes a field wherever its words are written, and gives the unit its name carries', () => {
    const described = new Map<string, string>();
    walkFields(schema, '', (path, node) => {
      if (typeof node.description === 'string') described.set(path, node.description);
    });
    // words for a field the schema lacks are stale
    expect(Object.keys(scenarioFieldDocs(presetNames)).filter((path) => !described.has(path))).toEqual([]);
    expect(described.get('machine.lock.acquireNs')).toMatch(/^\[ns\] /);
    expect(described.get('workload.sizeBytes')).toMatch(/^\[bytes\] /);
    expect(described.get('machine.memory.totalClearGBps')).toMatch(/^\[GB\/s\] /);
  });

  for (const file of shipped) {
    it(`accepts the shipped ${file}, and its resolved form`, () => {
      const text = readFileSync(join(scenariosDir, file), 'utf8');
      expect(schemaErrors(JSON.parse(text))).toEqual([]);
      const options = { readMachine: machineReader(scenariosDir) };
      expect(schemaErrors(JSON.parse(JSON.stringify(loadScenarioText(text, file, options))))).toEqual([]);
    });
  }

  for (const [name, text] of Object.entries(validScenarioTexts)) {
    it(`accepts the valid fixture ${name}, and its resolved form (every default)`, () => {
      expect(schemaErrors(JSON.parse(text))).toEqual([]);
      expect(schemaErrors(JSON.parse(JSON.stringify(loadScenarioText(text, `${name}.json`))))).toEqual([]);
    });
  }

  it('accepts random valid scenarios', () => {
    fc.assert(
      fc.property(scenarioJsonArb, (scenario) => {
        expect(schemaErrors(scenario)).toEqual([]);
      }),
      { seed: FC_SEED, numRuns: 200 },
    );
  });
});

describe('an invalid scenario is refused by the JSON Schema and by zod alike', () => {
  const base = { name: 'x', cores: [1] };
  it.each<[string, Record<string, unknown>]>([
    ['an unknown top-level key', { ...base, extra: 1 }],
    ['an unknown nested key', { ...base, machine: { memory: { coreClearGbps: 20 } } }],
    [
      'an unknown distribution parameter',
      { ...base, workload: { workNs: { dist: 'fixed', value: 1, mean: 2 } } },
    ],
    ['an unknown distribution family', { ...base, workload: { workNs: { dist: 'normal', mean: 1 } } }],
    ['a missing required field', { name: 'x' }],
    ['a name with capitals and spaces', { ...base, name: 'My Study' }],
    ['cores as a string', { ...base, cores: '1,2' }],
    ['a number as a string', { ...base, workload: { needZeroFraction: '1' } }],
    ['a $schema that is not a string', { ...base, $schema: 42 }],
    ['a policy object without a name', { ...base, policies: [{ extends: 'no-zero' }] }],
    ['an unknown zeroAt', { ...base, policies: [{ name: 'p', extends: 'no-zero', zeroAt: 'sometimes' }] }],
    ['a fraction above 1', { ...base, workload: { needZeroFraction: 2 } }],
    ['zero cores', { ...base, cores: [0] }],
    ['a core count listed twice', { ...base, cores: [1, 1] }],
    ['one replication', { ...base, run: { replications: 1 } }],
    ['a seed beyond 32 bits', { ...base, run: { seed: 2 ** 32 } }],
    ['a warm-up of the whole run', { ...base, run: { warmupFraction: 1 } }],
    ['a negative bare number for a time', { ...base, workload: { workNs: -1 } }],
    ['a zero size', { ...base, workload: { sizeBytes: 0 } }],
    ['a fractional page size', { ...base, machine: { memory: { pageBytes: 4096.5 } } }],
    ['zero bandwidth', { ...base, machine: { memory: { totalClearGBps: 0 } } }],
  ])('%s', (_, scenario) => {
    expect(schemaErrors(scenario)).not.toEqual([]);
    expect(() => loadScenarioValue(scenario, 'x.json')).toThrow(InputError);
  });
});

describe('a "$schema" key', () => {
  it('is ignored: the scenario resolves as without it, and the resolved scenario has none', () => {
    const withKey = {
      $schema: '../dist/scenario.schema.json',
      ...JSON.parse(validScenarioTexts.contractsExample),
    };
    const resolved = loadScenarioValue(withKey, 'with.json');
    expect(resolved).toEqual(loadScenarioText(validScenarioTexts.contractsExample, 'without.json'));
    expect(Object.keys(resolved)).not.toContain('$schema');
  });
});

/** Calls `visit` with the dot path and schema of every field (every entry of a `properties`). */
function walkFields(node: JsonSchema, path: string, visit: (path: string, node: JsonSchema) => void): void {
  const properties = node.properties as Record<string, JsonSchema> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) {
    const at = path === '' ? key : `${path}.${key}`;
    visit(at, child);
    walkFields(child, at, visit);
  }
  if (typeof node.items === 'object' && node.items !== null)
    walkFields(node.items as JsonSchema, path, visit);
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    for (const branch of (node[keyword] as JsonSchema[] | undefined) ?? []) walkFields(branch, path, visit);
  }
}
