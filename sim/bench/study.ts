/**
 * Study benchmarks: simulated allocations per wall second for the default scenario on one thread, and
 * what-if grid points per wall second on 1 and 2 worker threads.
 */

import { expandTasks } from '../experiment/points.js';
import { runVariants } from '../experiment/run.js';
import type { Scenario } from '../experiment/types.js';
import { gridVariants, parseVary } from '../experiment/vary.js';
import { modelConfig } from '../model/config.js';
import { runReplication } from '../model/replication.js';

/** Runs every replication of the scenario in this thread; returns allocations simulated. */
export function simulateAll(scenario: Scenario): number {
  let allocations = 0;
  for (const task of expandTasks(scenario)) {
    const policy = scenario.policies[task.policy];
    runReplication(modelConfig(scenario, policy, task.cores, task.seed));
    allocations += task.cores * scenario.run.allocationsPerCore;
  }
  return allocations;
}

/** A what-if grid (total bandwidth × needZeroFraction) on `jobs` threads; returns the points summarised. */
export async function whatifGrid(scenario: Scenario, jobs: number): Promise<number> {
  const axes = parseVary(
    ['machine.memory.totalClearGBps=30,60,120', 'workload.needZeroFraction=0.5,1'],
    scenario,
  );
  const results = await runVariants(scenario, gridVariants(scenario, axes), { jobs }, axes);
  return results.points.length;
}
