/**
 * Study benchmarks: simulated allocations per wall second for the default scenario on one thread,
 * what-if grid points per wall second on 1 and 2 worker threads, and peak memory at 4096 cores.
 */

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expandTasks } from '../experiment/points.js';
import { runOptions, simulatePoints } from '../experiment/run.js';
import { gridVariants, parseVary } from '../experiment/vary.js';
import { modelConfig } from '../model/config.js';
import { runReplication } from '../model/replication.js';
import type { Scenario } from '../types/index.js';

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
  const points = await simulatePoints(gridVariants(scenario, axes), runOptions(scenario, { jobs }));
  return points.length;
}

/** Peak resident memory (MiB) of a fresh process running one 4096-core replication of `allocsPerCore`. */
export function peakRss4096Cores(allocsPerCore: number): number {
  const script = `
    const { modelConfig } = await import(${JSON.stringify(new URL('../model/config.js', import.meta.url).href)});
    const { runReplication } = await import(${JSON.stringify(new URL('../model/replication.js', import.meta.url).href)});
    const { presets } = await import(${JSON.stringify(new URL('../policies/registry.js', import.meta.url).href)});
    const { loadScenarioValue } = await import(${JSON.stringify(new URL('../experiment/scenario/load.js', import.meta.url).href)});
    const s = loadScenarioValue({ name: 'rss', cores: [4096], machine: { memory: { totalClearGBps: 400 } },
      workload: { sizeBytes: 1048576 }, run: { allocationsPerCore: ${allocsPerCore} } }, 'bench');
    runReplication(modelConfig(s, presets['go1.1-after-unlock'], 4096, 1));
    console.log(process.resourceUsage().maxRSS);`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return Number(out.stdout.trim()) / 1024;
}

/**
 * The grid in a fresh process, as `zerosim whatif` runs it: cold, so --jobs 1 and --jobs 2 pay the same
 * start-up and JIT warm-up. Returns points per second of the study phase (no report rendering).
 */
export function whatifGridColdPointsPerSec(jobs: number, allocationsPerCore: number): number {
  const scenarioFile = fileURLToPath(new URL('../../../scenarios/default.json', import.meta.url));
  const script = `
    const { readFileSync } = await import('node:fs');
    const { loadScenarioText } = await import(${JSON.stringify(new URL('../experiment/scenario/index.js', import.meta.url).href)});
    const { whatifGrid } = await import(${JSON.stringify(import.meta.url)});
    const d = loadScenarioText(readFileSync(${JSON.stringify(scenarioFile)}, 'utf8'), 'default.json');
    const s = { ...d, cores: [1, 4, 16, 64], run: { ...d.run, allocationsPerCore: ${allocationsPerCore}, replications: 3 } };
    const t = performance.now();
    const points = await whatifGrid(s, ${jobs});
    console.log(points / ((performance.now() - t) / 1000));`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return Number(out.stdout.trim());
}
