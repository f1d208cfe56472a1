// Fills in every default of a validated scenario and resolves its policies, giving the Scenario that
// everything downstream reads without checking for missing options.

import { presetPolicy } from '../../policies/registry.js';
import type { MemorySpec, Scenario } from '../../types/index.js';
import { defaultPolicyNames, defaultSettings } from './defaults.js';
import { resolvePolicyEntries } from './policies.js';
import type { MachineInput, ScenarioInput } from './schema.js';

/** `input.machine` is an object by now: the loader has read any machine file in its place. */
export function resolveScenario(input: ScenarioInput & { machine?: MachineInput }): Scenario {
  const defaults = defaultSettings();
  return {
    name: input.name,
    title: input.title ?? input.name,
    description: input.description ?? '',
    cores: [...input.cores].sort((a, b) => a - b),
    policies: input.policies ? resolvePolicyEntries(input.policies) : defaultPolicyNames.map(presetPolicy),
    machine: {
      memory: resolveMemory(defaults.machine.memory, input.machine?.memory),
      lock: { ...defaults.machine.lock, ...input.machine?.lock },
    },
    // only when given, so that scenarios without a machine file resolve (and write results) as before
    ...(input.machineSource !== undefined && { machineSource: input.machineSource }),
    workload: { ...defaults.workload, ...input.workload },
    heap: { ...defaults.heap, ...input.heap },
    run: { ...defaults.run, ...input.run },
  };
}

/** The memory with defaults; cache levels are copied, so no two scenarios share one. */
function resolveMemory(defaults: MemorySpec, input: MachineInput['memory']): MemorySpec {
  const memory = { ...defaults, ...input };
  return { ...memory, caches: memory.caches.map((level) => ({ ...level })) };
}
