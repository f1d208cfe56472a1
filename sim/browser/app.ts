/**
 * The playground page's script (bundled by sim/browser/build.mjs, inlined by reports/playground.ts, the
 * first script of the page): starts the simulator's workers and asks for the scenario as the page opened
 * before anything else (the vega scripts evaluate meanwhile), then builds the inputs, and on every edit
 * asks for a preview and then the full study, drawing each answer with the report's chart builders.
 * When the page carries the results of the CLI run that wrote it (a plain `run`), they are its first
 * answer, labelled as the CLI's, and the worker's full study of the same scenario replaces them: the
 * page's own numbers, checked against the CLI's. An edit while the workers are busy stops the helpers
 * and hands the edit to the simulating worker, which stops its study between two replications
 * (threads.ts), so the page never waits for a stale study nor, mostly, for a cold worker.
 * `window.zerosimResults` holds the results as they stand; `window.zerosimPlayground` says which stage
 * they are and when things happened (performance.now, from page load).
 */
import type { PlaygroundConfig } from '../../reports/playground.js';
import type { StaticCharts } from '../../reports/playground-charts.js';
import type { Results } from '../types/index.js';
import { chartPanel } from './charts.js';
import { byId, element, type FormElement, page } from './dom.js';
import { buildForm } from './form.js';
import { EDIT_DELAY_MS, PREVIEW } from './preview.js';
import type { SimulateRequest, Stage, WorkerAnswer } from './protocol.js';
import { type Simulator, simulatorThreads, startSimulator } from './threads.js';

interface PlaygroundState {
  /**
   * where the latest edit is: simulating, the CLI run's results shown (the page as it opened), its
   * preview or full study shown, or its problems
   */
  stage: 'running' | 'cli' | Stage | 'problems' | 'failed';
  /** the latest edit (1: the scenario as the page opened) */
  id: number;
  /** performance.now() when the page first asked the worker, and when the first results arrived */
  firstRequestMs: number | null;
  firstResultsMs: number | null;
  problems: string[];
  /** worker time of each finished stage, in ms */
  elapsedMs: Partial<Record<Stage, number>>;
  /**
   * the page's full study of the scenario as it opened matched the CLI's results it carries, number
   * for number (null: not yet, or the page carries none)
   */
  cliMatched: boolean | null;
  /** the threads that simulated the latest stage shown (helpers join once an answer is drawn) */
  threads: number;
  /** where the first answer's time went, in ms from page load */
  timings: FirstAnswerTimings;
}

/** The way to the first drawn answer, on the page's clock (ms from page load); null until it happened. */
interface FirstAnswerTimings {
  /** per worker of the first set (0: the simulating one, then helpers): its script started and finished evaluating */
  workers: Array<{ startedMs: number; evaluatedMs: number }>;
  /** every script of the page had run (vega's included) */
  scriptsMs: number | null;
  /** the simulating worker began the first stage */
  simulationStartedMs: number | null;
  /** it began the full study: after the preview was drawn, when there was one (worker.ts) */
  refinementStartedMs: number | null;
  /** the first answer's first chart (throughput) was drawn, and all its charts were */
  firstChartMs: number | null;
  firstDrawnMs: number | null;
}

const config = JSON.parse(byId('zerosim-playground').textContent ?? '') as PlaygroundConfig;
const workerUrl = page.URL.createObjectURL(
  new page.Blob([JSON.parse(byId('zerosim-worker').textContent ?? '') as string], {
    type: 'text/javascript',
  }),
);
/** The results of the CLI run that wrote the page, for the scenario as it opens; null when it has none. */
const cliResults = JSON.parse(byId('zerosim-cli-results').textContent ?? 'null') as Results | null;
const threads = simulatorThreads();
const state: PlaygroundState = {
  stage: 'running',
  id: 0,
  firstRequestMs: null,
  firstResultsMs: null,
  problems: [],
  elapsedMs: {},
  cliMatched: null,
  threads: 1,
  timings: {
    workers: [],
    scriptsMs: null,
    simulationStartedMs: null,
    refinementStartedMs: null,
    firstChartMs: null,
    firstDrawnMs: null,
  },
};
page.zerosimPlayground = state;

const statusLine = byId('status');
const bar = byId('progress-bar');
const problems = byId('problems');
const exportLink = byId('export') as FormElement;

let simulator: Simulator | null = null;
let busy = false;
let edits = 0;
let timer: number | null = null;
let exportUrl: string | null = null;
/**
 * results waiting to be drawn, with their edit and, for the CLI's, their charts drawn beforehand; and
 * whether a drawing is under way: one at a time, the newest next
 */
let undrawn: Undrawn | null = null;
interface Undrawn {
  results: Results;
  id: number;
  drawn: StaticCharts | null;
}
let drawing = false;

/** The CLI's results' charts, drawn by the CLI: shown at once, without vega. */
function cliCharts(): StaticCharts {
  return JSON.parse(byId('zerosim-cli-charts').textContent ?? '{}') as StaticCharts;
}

/** The charts draw with vega, whose scripts follow this one: a quick answer the page simulated waits for them. */
const scriptsRan = new Promise<void>((resolve) => {
  if (page.document.readyState !== 'loading') resolve();
  else page.document.addEventListener('DOMContentLoaded', () => resolve());
}).then(() => {
  state.timings.scriptsMs = page.performance.now();
});

// The scenario as the page opened is the form's starting value (buildForm clones it). Without the CLI's
// results of it, it is asked for first, so the workers start while the rest of the page builds and the
// vega scripts evaluate; with them, they are the first answer, and the workers start once it is drawn
// (draw()), leaving the cores to the vega scripts and the drawing until then.
if (cliResults === null) simulate(config.scenario);
const charts = chartPanel(byId('charts'));
if (cliResults !== null) showResults('cli', cliResults, null);
const form = buildForm(byId('inputs'), config.scenario, config, () => {
  if (timer !== null) page.clearTimeout(timer);
  timer = page.setTimeout(() => simulate(form.value()), EDIT_DELAY_MS);
  refreshExport();
});

/** The page's clock for a worker's epoch time. */
function pageMs(epoch: number): number {
  return epoch - page.performance.timeOrigin;
}

/**
 * The longest an edit waits for a busy simulating worker to take it up (a replication of its study
 * must end first): then a fresh, cold worker set takes the edit instead.
 */
const TAKE_UP_WAIT_MS = 1000;

/** Whether the simulating worker has answered the latest edit at all. */
let takenUp = false;

function simulate(scenario: unknown, shown = false): void {
  timer = null;
  edits++;
  const request: SimulateRequest = {
    kind: 'simulate',
    id: edits,
    scenario,
    source: config.source,
    preview: PREVIEW,
    shown,
    toolVersion: config.toolVersion,
    targetAllocsPerSec: config.targetAllocsPerSec ?? undefined,
  };
  takenUp = false;
  if (busy && simulator !== null) {
    // the warm worker stops the study under way and takes this one; the helpers' queued tasks would
    // hold it up, so they go, and fresh ones join once its first answer is drawn
    simulator.stopHelpers();
    page.setTimeout(() => {
      if (state.id !== request.id || takenUp) return;
      simulator?.terminate();
      simulator = startSimulator(workerUrl, answer, fail);
      simulator.post(request);
    }, TAKE_UP_WAIT_MS);
  }
  simulator ??= startSimulator(workerUrl, answer, fail);
  busy = true;
  state.id = edits;
  simulator.post(request);
  state.firstRequestMs ??= page.performance.now();
  // the CLI's results stay shown, and labelled, while the page simulates them itself
  if (shown) return;
  state.stage = 'running';
  showStage('Simulating', 'running');
  showStatus('Simulating…', 0);
}

function answer(message: WorkerAnswer, worker: number): void {
  if (message.kind === 'ready') {
    // only the first set's workers say when they started: that is the page's first answer
    if (edits === 1) {
      state.timings.workers[worker] = {
        startedMs: pageMs(message.startedAt),
        evaluatedMs: pageMs(message.evaluatedAt),
      };
    }
    return;
  }
  if (message.id !== edits) return;
  takenUp = true;
  if (message.kind === 'started') {
    state.timings.simulationStartedMs ??= pageMs(message.startedAt);
    if (message.stage === 'final') state.timings.refinementStartedMs ??= pageMs(message.startedAt);
  } else if (message.kind === 'progress') {
    const what =
      message.stage === 'preview'
        ? 'Preview'
        : state.stage === 'cli'
          ? 'Simulating it in this page'
          : 'Refining';
    showStatus(`${what}: replication ${message.done} of ${message.total}`, message.done / message.total);
  } else if (message.kind === 'results') {
    state.threads = message.threads;
    showResults(message.stage, message.results, message.elapsedMs);
  } else if (message.kind === 'problems') {
    busy = false;
    state.stage = 'problems';
    state.problems = message.lines;
    problems.replaceChildren(...message.lines.map((line) => element('li', '', line)));
    problems.hidden = false;
    showStage('Problems', 'bad');
    showStatus('The edited scenario has problems; the charts show the last valid one.', null);
  } else fail(message.message);
}

/** Shows an answer: the CLI run's (no worker time), or a stage the worker simulated in `elapsedMs`. */
function showResults(stage: 'cli' | Stage, results: Results, elapsedMs: number | null): void {
  if (state.firstResultsMs === null) state.firstResultsMs = page.performance.now();
  if (stage === 'final') busy = false;
  const checked = stage === 'final' && state.stage === 'cli' ? checkAgainstCli(results) : null;
  state.stage = stage;
  state.problems = [];
  if (elapsedMs !== null && stage !== 'cli')
    state.elapsedMs = { ...(stage === 'final' ? state.elapsedMs : {}), [stage]: elapsedMs };
  problems.hidden = true;
  page.zerosimResults = results;
  const run = results.scenario.run;
  const size = `${run.replications} replications × ${run.allocationsPerCore} allocations per core`;
  const took = seconds(elapsedMs ?? 0);
  showStage({ cli: 'CLI run', preview: 'Preview', final: 'Final' }[stage], stage);
  showStatus(
    stage === 'cli'
      ? `${size}, seed ${run.seed}: the page simulates them again…`
      : stage === 'preview'
        ? `Preview (${size}, ${took}); refining with the scenario's own replications…`
        : `Final: ${size}, seed ${run.seed}, simulated in this page in ${took}${checked ?? ''}.`,
    stage === 'final' ? null : 0,
  );
  draw(results, stage);
}

/**
 * Compares the page's full study of the scenario as it opened with the CLI's results it showed first:
 * the same code, scenario and seed give the same numbers, so a difference is a bug, said loudly.
 */
function checkAgainstCli(results: Results): string {
  state.cliMatched = JSON.stringify(results) === JSON.stringify(cliResults);
  if (state.cliMatched) return ', the same numbers as the CLI run';
  page.console.error('zerosim playground: the page simulated other numbers than the CLI run that wrote it');
  return '; NOT the numbers of the CLI run that wrote this page (a bug: please report it)';
}

/**
 * Draws the newest results once the drawing under way is done: two embeds into one chart at once
 * would both render there, and results that were overtaken meanwhile need no drawing at all. The
 * CLI's results show their images first and are then drawn again by vega, once its scripts have run:
 * the charts become interactive, and vega has compiled its code before an edit's answer needs it.
 */
function draw(results: Results, stage: 'cli' | Stage): void {
  undrawn = { results, id: edits, drawn: stage === 'cli' ? cliCharts() : null };
  if (drawing) return;
  drawing = true;
  void (async () => {
    while (undrawn !== null) {
      const next: Undrawn = undrawn;
      undrawn = null;
      const shown = () => {
        state.timings.firstChartMs ??= page.performance.now();
      };
      if (next.drawn !== null) {
        await charts.show(next.results, next.drawn, shown);
        state.timings.firstDrawnMs ??= page.performance.now();
        // nothing was edited meanwhile: the page simulates the CLI's results itself
        if (edits === 0) simulate(config.scenario, true);
        undrawn ??= { ...next, drawn: null };
        continue;
      }
      await scriptsRan;
      await charts.draw(next.results, shown);
      state.timings.firstDrawnMs ??= page.performance.now();
      // an answer is on screen: the rest of the study may go on, and have the other cores (threads.ts)
      if (next.id === edits) simulator?.drawn(next.id);
      simulator?.grow(threads);
    }
    drawing = false;
  })();
}

function fail(message: string): void {
  busy = false;
  state.stage = 'failed';
  showStage('Failed', 'bad');
  simulator?.terminate();
  simulator = null;
  showStatus(`The simulation failed: ${message}`, null);
  page.console.error('zerosim playground:', message);
}

/** The badge before the status line: what the charts show. */
function showStage(label: string, kind: string): void {
  const badge = byId('stage');
  badge.textContent = label;
  badge.className = `stage ${kind}`;
}

/** The status line, and the progress bar filled to `fraction` (hidden when null). */
function showStatus(text: string, fraction: number | null): void {
  statusLine.textContent = text;
  byId('progress').hidden = fraction === null;
  bar.style.width = `${Math.round((fraction ?? 0) * 100)}%`;
}

/** Points the export link at the edited scenario, as a JSON file `zerosim validate` accepts. */
function refreshExport(): void {
  if (exportUrl !== null) page.URL.revokeObjectURL(exportUrl);
  const value = form.value();
  const text = `${JSON.stringify(value, null, 2)}\n`;
  exportUrl = page.URL.createObjectURL(new page.Blob([text], { type: 'application/json' }));
  exportLink.href = exportUrl;
  exportLink.download = `${String(value.name)}.json`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

refreshExport();
