/**
 * The playground's Web Worker (bundled by sim/browser/build.mjs, started by the page from a Blob
 * URL): validates each edited scenario with the CLI's loader, then runs the CLI's runStudy on it, once
 * small for a quick preview and once as the scenario says. Replications run one after another on this
 * thread (sim/browser/pool.ts), through the same per-replication function as the CLI's threads, so the
 * final numbers equal `zerosim run`'s for the same scenario and seed.
 */
import { z } from 'zod';
import { plainStudy, runOptions, runStudy } from '../experiment/run.js';
import { InputError, loadScenarioValue } from '../experiment/scenario/index.js';
import type { Results, Scenario } from '../types/index.js';
import { previewScenario } from './preview.js';
import type { SimulateRequest, Stage, WorkerAnswer } from './protocol.js';

/** The worker's global scope, as far as this file uses it (the project compiles without the DOM lib). */
interface WorkerScope {
  onmessage: ((event: { data: SimulateRequest }) => void) | null;
  postMessage(answer: WorkerAnswer): void;
}
declare const self: WorkerScope;
declare const performance: { now(): number };

// zod would probe `new Function` for its fast path; the page's CSP allows no eval, so never ask.
z.config({ jitless: true });

/**
 * The results as results.json holds them: JSON turns NaN and ±Infinity into null and drops undefined
 * fields, where postMessage would keep them; the page shows (and the report draws) what the CLI writes.
 */
function asResultsJson(results: Results): Results {
  return JSON.parse(JSON.stringify(results)) as Results;
}

async function simulate(request: SimulateRequest): Promise<void> {
  const { id } = request;
  let scenario: Scenario;
  try {
    scenario = loadScenarioValue(request.scenario, request.source);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    self.postMessage({ kind: 'problems', id, lines: error.problems });
    return;
  }
  const preview = previewScenario(scenario, request.preview);
  if (preview !== null) await stage(request, 'preview', preview);
  await stage(request, 'final', scenario);
}

async function stage(request: SimulateRequest, name: Stage, scenario: Scenario): Promise<void> {
  const { id } = request;
  const started = performance.now();
  const options = runOptions(scenario, {
    jobs: 1,
    toolVersion: request.toolVersion,
    targetAllocsPerSec: request.targetAllocsPerSec,
    budgetSource: request.source,
    onProgress: (done, total) => self.postMessage({ kind: 'progress', id, stage: name, done, total }),
  });
  const results = asResultsJson(await runStudy(plainStudy(scenario), options));
  self.postMessage({ kind: 'results', id, stage: name, results, elapsedMs: performance.now() - started });
}

self.onmessage = (event) => {
  const request = event.data;
  simulate(request).catch((error: unknown) => {
    // a study refused up front (over the event budget) is bad input; anything else is a bug
    if (error instanceof InputError)
      self.postMessage({ kind: 'problems', id: request.id, lines: error.problems });
    else self.postMessage({ kind: 'failed', id: request.id, message: String(error) });
  });
};
