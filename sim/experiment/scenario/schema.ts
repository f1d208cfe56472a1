// The shape of a scenario file as zod schemas: types, ranges and unknown keys. Defaults are filled in
// later (resolve.ts), so every field but `name` and `cores` is optional here.

import { z } from 'zod';
import { heapReuseOrderNames, lockKindNames } from '../../types/index.js';
import * as messages from '../messages.js';
import { distributionSchema } from './distribution.js';
import { enumField, numberField, strictObject } from './fields.js';
import { policyEntriesSchema } from './policies.js';

export const maxCores = 65536;

export const coresSchema = z
  .array(numberField({ int: true, min: 1, max: maxCores }), { error: messages.expectedCoresList })
  .min(1, { error: messages.expectedCoresList })
  .superRefine(
    (cores, ctx) => {
      cores.forEach((count, index) => {
        const first = cores.indexOf(count);
        if (typeof count === 'number' && first !== index) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            input: count,
            message: messages.expectedDistinctCores,
            params: { what: messages.duplicateCore(count, first) },
          });
        }
      });
    },
    // also when other entries are malformed, so that every problem is reported at once
    { when: (payload) => Array.isArray(payload.value) },
  );

export const replicationsSchema = numberField({ int: true, min: 2 }, messages.expectedReplications);
export const seedSchema = numberField({ int: true, min: 0, max: 2 ** 32 - 1 });
export const maxEventsSchema = numberField({ int: true, min: 1 });

const text = z.string({ error: messages.expectedType('string') });

// Order, sizes and which levels carry a total are cross-field rules (checks.ts).
const cacheLevelSchema = strictObject({
  // a key of results' cacheLevels and part of results.csv's column names
  name: z
    .string({ error: messages.expectedCacheName })
    .regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/, { error: messages.expectedCacheName }),
  bytes: numberField({ int: true, min: 1 }),
  shared: z.boolean({ error: messages.expectedType('boolean') }),
  coreGBps: numberField({ gt: 0 }),
  totalGBps: numberField({ gt: 0 }).optional(),
  remoteGBps: numberField({ gt: 0 }).optional(),
});

const memorySchema = strictObject({
  coreClearGBps: numberField({ gt: 0 }).optional(),
  totalClearGBps: numberField({ gt: 0 }).optional(),
  pageBytes: numberField({ int: true, min: 1 }).optional(),
  pageFaultNs: numberField({ min: 0 }).optional(),
  caches: z.array(cacheLevelSchema, { error: messages.expectedType('array') }).optional(),
});

const lockSchema = strictObject({
  kind: enumField(lockKindNames).optional(),
  acquireNs: numberField({ min: 0 }).optional(),
  handoffNs: numberField({ min: 0 }).optional(),
  // every kind accepts every cost field and ignores those of other kinds, so that a what-if can vary
  // the kind and leave the costs as they are
  migrateNs: numberField({ min: 0 }).optional(),
  perWaiterNs: numberField({ min: 0 }).optional(),
  spinNs: numberField({ min: 0 }).optional(),
  wakeNs: numberField({ min: 0 }).optional(),
  wakeLatencyNs: numberField({ min: 0 }).optional(),
});

/** A scenario's `machine` section, and the whole of a machine.json (calibrate writes one). */
export const machineSchema = strictObject({ memory: memorySchema.optional(), lock: lockSchema.optional() });

/** The path of a machine.json, relative to the scenario's folder; the loader reads it (load.ts). */
const machinePath = z.string({ error: messages.expectedMachine }).min(1, { error: messages.expectedMachine });

const workloadSchema = strictObject({
  workNs: distributionSchema('nonNegative').optional(),
  sizeBytes: distributionSchema('positive').optional(),
  needZeroFraction: numberField({ min: 0, max: 1 }).optional(),
  // 0 is meaningful: a block goes back right after it is allocated (the calibration loop)
  liveBlocksPerCore: numberField({ int: true, min: 0 }).optional(),
});

const heapSchema = strictObject({
  allocHoldNs: distributionSchema('nonNegative').optional(),
  // 0 is meaningful: freeing takes no lock
  freeHoldNs: distributionSchema('nonNegative').optional(),
  // 0 is meaningful: every allocation takes the large path
  smallMaxBytes: numberField({ int: true, min: 0 }).optional(),
  smallAllocNs: numberField({ min: 0 }).optional(),
  spanBytes: numberField({ int: true, min: 1 }).optional(),
  initialDirtyBytes: numberField({ int: true, min: 0 }).optional(),
  // null: keep all free memory; otherwise bytes freed beyond it go back to the OS
  maxFreeBytes: numberField({ int: true, min: 0 }, messages.expectedMaxFreeBytes).nullable().optional(),
  reuseOrder: enumField(heapReuseOrderNames).optional(),
});

const runSchema = strictObject({
  allocationsPerCore: numberField({ int: true, min: 1 }).optional(),
  warmupFraction: numberField({ min: 0, lt: 1 }).optional(),
  replications: replicationsSchema.optional(),
  seed: seedSchema.optional(),
  maxEvents: maxEventsSchema.optional(),
});

export const scenarioSchema = strictObject(
  {
    name: z
      .string({ error: messages.expectedScenarioName })
      .regex(/^[a-z0-9-]+$/, { error: messages.expectedScenarioName }),
    title: text.optional(),
    description: text.optional(),
    cores: coresSchema,
    policies: policyEntriesSchema.optional(),
    machine: z.union([machineSchema, machinePath], { error: messages.expectedMachine }).optional(),
    // where the machine came from (a machine string or --machine), as given; resolved scenarios keep it
    machineSource: text.optional(),
    workload: workloadSchema.optional(),
    heap: heapSchema.optional(),
    run: runSchema.optional(),
    // the JSON Schema the file follows, for editors; zerosim ignores it and resolving drops it
    $schema: text.optional(),
  },
  messages.expectedScenarioObject,
);

/** A scenario as validated: right types and ranges, defaults not yet filled in. */
export type ScenarioInput = z.output<typeof scenarioSchema>;

/** A machine section as validated, defaults not yet filled in. */
export type MachineInput = z.output<typeof machineSchema>;
