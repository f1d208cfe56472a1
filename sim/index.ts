/**
 * zerosim as a library (`import { loadScenario, simulate } from 'zerosim'`): the same loading,
 * simulation and report the CLI uses, without its files, progress bar or exit codes.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { buildReport as buildReportPage, type ChartAssets, type Report } from '../reports/index.js';
import { loadAssets } from './cli/assets.js';
import { fsReason } from './cli/files.js';
import { toolVersion } from './cli/paths.js';
import { machineReader } from './cli/scenario-files.js';
import { cannotRead } from './experiment/messages.js';
import { plainStudy, runOptions, runStudy } from './experiment/run.js';
import { InputError, loadScenarioText, loadScenarioValue } from './experiment/scenario/index.js';
import type { Results, Scenario } from './types/index.js';

export type { ChartAssets, Report } from '../reports/index.js';
export { loadAssets } from './cli/assets.js';
export { InputError } from './experiment/scenario/index.js';
export type * from './types/index.js';

export interface SimulateOptions {
  /** threads to run replications on (default: the number of CPUs); results are identical for every value */
  jobs?: number;
  /** called after each finished replication with (done, total) */
  onProgress?: (done: number, total: number) => void;
  /** adds the cores and bandwidth this throughput needs to the capacity answers */
  targetAllocsPerSec?: number;
  /** aborts the run: pending replications are dropped and the promise rejects with the signal's reason */
  signal?: AbortSignal;
}

export interface LoadScenarioOptions {
  /**
   * the folder a scenario object's `machine` string (the path of a machine.json) is relative to; a
   * scenario file's own folder is used for a file
   */
  baseDir?: string;
}

/**
 * A scenario file's path, or a scenario object (a resolved Scenario loads back to itself), validated
 * and resolved as `zerosim run` does. Throws an InputError whose message holds one line per problem,
 * `SOURCE: json.path: what is wrong (what was expected)`; SOURCE is the path, or `source` for an object.
 * A `machine` string is read as the path of a machine.json, and the scenario holds its machine.
 */
export function loadScenario(
  pathOrObject: string | object,
  source = 'scenario',
  options: LoadScenarioOptions = {},
): Scenario {
  if (typeof pathOrObject !== 'string') {
    const readMachine = options.baseDir === undefined ? undefined : machineReader(options.baseDir);
    return loadScenarioValue(pathOrObject, source, { readMachine });
  }
  let text: string;
  try {
    text = readFileSync(pathOrObject, 'utf8');
  } catch (error) {
    throw new InputError([cannotRead(pathOrObject, fsReason(error))]);
  }
  return loadScenarioText(text, pathOrObject, { readMachine: machineReader(dirname(pathOrObject)) });
}

/** Runs every policy × cores point of a scenario, with USL fits and capacity answers: results.json's shape. */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<Results> {
  // re-validated, so a hand-built or edited object is refused as a file would be
  const checked = loadScenarioValue(scenario, 'scenario');
  const jobs = options.jobs ?? availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs: ${jobs} (expected an integer ≥ 1)`);
  const given = {
    jobs,
    onProgress: options.onProgress,
    signal: options.signal,
    targetAllocsPerSec: options.targetAllocsPerSec,
    toolVersion: toolVersion(),
  };
  return runStudy(plainStudy(checked), runOptions(checked, given));
}

/**
 * The report page of `results` (vega inlined from the installed packages unless `assets` are given)
 * and each chart's vega-lite spec and SVG: what `zerosim report` writes.
 */
export function buildReport(results: Results, assets: ChartAssets = loadAssets()): Promise<Report> {
  return buildReportPage(results, assets);
}
