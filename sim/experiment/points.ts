/**
 * Expands a scenario into replication tasks (policy × cores × replication) with derived seeds.
 * The seed of a replication comes from (scenario seed, cores, replication) and deliberately not the
 * policy, so policies at the same point share random streams (common random numbers).
 */
import { deriveSeed } from '../engine/random/rng.js';
import type { Scenario } from '../types/index.js';

export interface Task {
  /** index into scenario.policies */
  policy: number;
  cores: number;
  replication: number;
  seed: number;
}

export function replicationSeed(scenarioSeed: number, cores: number, replication: number): number {
  return deriveSeed(scenarioSeed, cores, replication);
}

/** The base seed of a point, reported in results; replication r's seed derives from it and r. */
export function pointSeed(scenarioSeed: number, cores: number): number {
  return deriveSeed(scenarioSeed, cores);
}

export function expandTasks(scenario: Scenario): Task[] {
  const tasks: Task[] = [];
  scenario.policies.forEach((_, policy) => {
    for (const cores of scenario.cores) {
      for (let replication = 0; replication < scenario.run.replications; replication++) {
        tasks.push({
          policy,
          cores,
          replication,
          seed: replicationSeed(scenario.run.seed, cores, replication),
        });
      }
    }
  });
  return tasks;
}
