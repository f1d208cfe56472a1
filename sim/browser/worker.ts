/**
 * The playground's Web Worker (bundled by sim/browser/build.mjs, started by the page from a Blob URL).
 * The simulating one validates each edited scenario with the CLI's loader, then runs the CLI's
 * runStudy on it, once small for a quick preview and, once the page has drawn that, as the scenario
 * says (the preview is left out when the page already shows the CLI's results of the scenario). Replications run here and on the helper workers whose ports the page sends once an answer is
 * drawn (sim/browser/pool.ts), through the same per-replication function as the CLI's threads, so
 * the final numbers equal `zerosim run`'s for the same scenario and seed. The other workers the page
 * starts are those helpers (sim/browser/helper.ts).
 */
import { z } from 'zod';
import type { Study } from '../experiment/points.js';
import { plainStudy, type RunOptions, runOptions, runStudy } from '../experiment/run.js';
import { InputError, loadScenarioValue } from '../experiment/scenario/index.js';
import type { Results, Scenario } from '../types/index.js';
import { serveTasks } from './helper.js';
import type { BrowserPoolOptions } from './pool.js';
import { previewScenario } from './preview.js';
import {
  epochMs,
  type PageRequest,
  type SimulateRequest,
  type Stage,
  type TaskPort,
  type WorkerAnswer,
} from './protocol.js';

/** The worker's global scope, as far as this file uses it (the project compiles without the DOM lib). */
interface WorkerScope {
  onmessage: ((event: { data: PageRequest }) => void) | null;
  postMessage(answer: WorkerAnswer): void;
}
declare const self: WorkerScope;
declare const performance: { timeOrigin: number; now(): number };
declare function setTimeout(callback: () => void, ms: number): unknown;
/** set by the bundle's first line (sim/browser/build.mjs), before any module evaluates */
declare const zerosimStartedAt: number;

// zod would probe `new Function` for its fast path; the page's CSP allows no eval, so never ask.
z.config({ jitless: true });

/**
 * The results as results.json holds them: JSON turns NaN and ±Infinity into null and drops undefined
 * fields, where postMessage would keep them; the page shows (and the report draws) what the CLI writes.
 */
function asResultsJson(results: Results): Results {
  return JSON.parse(JSON.stringify(results)) as Results;
}

async function simulate(request: SimulateRequest, signal: AbortSignal): Promise<void> {
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
  if (preview !== null && request.shown) {
    // The page shows the CLI's results of this very scenario: they are the quick answer. The preview
    // still runs, unsent, to compile the simulator's code on replications small enough that an edit
    // made meanwhile is taken up at once; the full study's first replications are the largest.
    await runStudy(previewStudy(preview), { ...runOptions(preview), jobs: 1, signal });
  } else if (preview !== null) {
    await stage(request, 'preview', preview, signal);
    await answerDrawn(id, signal);
  }
  if (signal.aborted) return;
  await stage(request, 'final', scenario, signal);
}

/**
 * A preview's study: without the report's timeline, a traced replication the page does not draw (it
 * cost about a sixth of the preview); the full study records it, as the CLI does.
 */
function previewStudy(preview: Scenario): Study {
  return { ...plainStudy(preview), timeline: false };
}

/**
 * The longest the full study waits for the page to draw the first answer: the page says when it has
 * (a 'drawn' note), but a page in a background tab may not draw at all.
 */
const DRAW_WAIT_MS = 3000;

/** The edits whose answers the page has drawn, and the studies waiting for that, by edit. */
const drawnEdits = new Set<number>();
const waitingForDraw = new Map<number, () => void>();

/**
 * Resolves when the page has drawn edit `id`'s first answer, after DRAW_WAIT_MS, or when a newer edit
 * stops this one: drawing is the page's one long task, and the full study, started at once, would take
 * a core from it just when the user waits to see the first answer.
 */
function answerDrawn(id: number, signal: AbortSignal): Promise<void> {
  if (drawnEdits.has(id)) return Promise.resolve();
  return new Promise((resolve) => {
    waitingForDraw.set(id, resolve);
    signal.addEventListener('abort', () => resolve(), { once: true });
    setTimeout(resolve, DRAW_WAIT_MS);
  });
}

/**
 * A port to each helper the page has started; they join after the first answer is drawn, so they may
 * come while a study is under way (the pool asks between its tasks).
 */
const helpers: TaskPort[] = [];

async function stage(
  request: SimulateRequest,
  name: Stage,
  scenario: Scenario,
  signal: AbortSignal,
): Promise<void> {
  const { id } = request;
  const startedAt = epochMs(performance);
  self.postMessage({ kind: 'started', id, stage: name, startedAt });
  const defaults = runOptions(scenario, {
    jobs: 1,
    toolVersion: request.toolVersion,
    targetAllocsPerSec: request.targetAllocsPerSec,
    budgetSource: request.source,
    signal,
    onProgress: (done, total) => self.postMessage({ kind: 'progress', id, stage: name, done, total }),
  });
  // runStudy hands its options to the pool as they are, so the helpers reach sim/browser/pool.ts;
  // each port notes that it was given a task, so the page learns how many threads really ran
  const used = new Set<TaskPort>();
  const noted = new Map<TaskPort, TaskPort>();
  const noting = (port: TaskPort): TaskPort => {
    const known = noted.get(port);
    if (known !== undefined) return known;
    const wrapped: TaskPort = {
      get onmessage() {
        return port.onmessage;
      },
      set onmessage(listener) {
        port.onmessage = listener;
      },
      postMessage(message) {
        used.add(port);
        port.postMessage(message);
      },
    };
    noted.set(port, wrapped);
    return wrapped;
  };
  const options: RunOptions & BrowserPoolOptions = { ...defaults, helpers: () => helpers.map(noting) };
  const study = name === 'preview' ? previewStudy(scenario) : plainStudy(scenario);
  const results = asResultsJson(await runStudy(study, options));
  self.postMessage({
    kind: 'results',
    id,
    stage: name,
    results,
    elapsedMs: epochMs(performance) - startedAt,
    threads: 1 + used.size,
  });
}

/**
 * The study under way: a newer request aborts it, and the pool stops it between two replications
 * (sim/browser/pool.ts), so this worker, its code already compiled, takes the new one up after at most
 * one replication instead of the page starting a cold worker. The next study begins when it has ended.
 */
let current: { controller: AbortController; ended: Promise<void> } | null = null;

function start(request: SimulateRequest): void {
  const controller = new AbortController();
  const previous = current;
  previous?.controller.abort();
  const run = async () => {
    await previous?.ended;
    if (controller.signal.aborted) return;
    await simulate(request, controller.signal);
  };
  const ended = run().catch((error: unknown) => {
    // a study stopped by a newer one says nothing; one refused up front (over the event budget) is bad
    // input; anything else is a bug
    if (controller.signal.aborted) return;
    if (error instanceof InputError)
      self.postMessage({ kind: 'problems', id: request.id, lines: error.problems });
    else self.postMessage({ kind: 'failed', id: request.id, message: String(error) });
  });
  current = { controller, ended };
}

self.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'connect') {
    helpers.push(...request.helpers);
    return;
  }
  if (request.kind === 'disconnect') {
    // the study under way may have tasks on them: it stops, and the page sends the next one
    current?.controller.abort();
    helpers.length = 0;
    return;
  }
  if (request.kind === 'serve') {
    serveTasks(request.port);
    return;
  }
  if (request.kind === 'drawn') {
    drawnEdits.add(request.id);
    waitingForDraw.get(request.id)?.();
    waitingForDraw.delete(request.id);
    return;
  }
  start(request);
};

self.postMessage({ kind: 'ready', startedAt: zerosimStartedAt, evaluatedAt: epochMs(performance) });
