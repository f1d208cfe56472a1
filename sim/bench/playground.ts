/**
 * The playground's first answer, in chromium: loads a playground.html from file:// (nothing else may
 * load) in a fresh browser each time, so no load reuses another's compiled code, and reads where the
 * time to the first results went from the page's own clock (window.zerosimPlayground, ms from
 * navigation start). Then two edits, as a user makes them, each timed from its input event to its
 * quick answer's results and throughput chart: one as soon as the page has begun the full study of the
 * scenario it opened with (while it simulates), and one when the page is idle. The edit timings hook the page from outside
 * (window.zerosimResults and the chart's element), so any version of the page is timed alike. A
 * benchmark, never a test: the CLI's `npm run bench` prints the medians.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

/** Debian's chromium, as the browser tests drive it. */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** One load of the page, in ms from its navigation start (null: the page did not say). */
export interface FirstAnswer {
  /** the page script asked the simulating worker for the first study */
  requestMs: number;
  /** the simulating worker finished evaluating its script */
  workerReadyMs: number | null;
  /** every script of the page had run, vega's included */
  scriptsMs: number | null;
  /** the simulating worker began the preview */
  simulationStartedMs: number | null;
  /** the preview simulated, from its start to its results (worker clock) */
  simulationMs: number;
  /** the first results reached the page: window.zerosimPlayground.firstResultsMs */
  firstResultsMs: number;
  /** the first answer's first chart (throughput) was drawn */
  firstChartMs: number | null;
  /** all its charts were drawn */
  firstDrawnMs: number | null;
  /** threads that simulated the preview */
  threads: number;
  /** what the first answer was: the CLI run's results the page carries ('cli'), or a preview */
  firstStage: string;
  /** an edit while the page simulated the scenario it opened with, and one on an idle page (no edits: null) */
  busyEdit: EditAnswer | null;
  idleEdit: EditAnswer | null;
}

/** One edit's quick answer, in ms from its input event (the edit delay included). */
export interface EditAnswer {
  resultsMs: number;
  chartMs: number;
  /** what the answer was (preview, or final for a scenario no bigger than a preview) */
  stage: string;
}

/** What the page keeps on window, as far as this reads it. */
interface PlaygroundState {
  stage: string;
  id: number;
  firstRequestMs: number;
  firstResultsMs: number | null;
  elapsedMs: { preview?: number; final?: number };
  threads?: number;
  timings?: {
    workers: Array<{ evaluatedMs: number }>;
    scriptsMs: number | null;
    simulationStartedMs: number | null;
    refinementStartedMs?: number | null;
    firstChartMs?: number | null;
    firstDrawnMs: number | null;
  };
}

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  } catch (error) {
    throw new Error(`the playground benchmark needs chromium at ${CHROMIUM}: ${(error as Error).message}`);
  }
}

/** What the edit hooks keep on window. */
interface EditHooks {
  inputMs: number;
  results: Array<{ ms: number; id: number; stage: string }>;
  charts: number[];
}

/** A node the chart's element gained, as far as the hooks look at it. */
interface AddedNode {
  matches?(selector: string): boolean;
  querySelector?(selector: string): unknown;
}

/**
 * Times edits from outside the page: the input event's time, every assignment of zerosimResults with
 * the edit and stage it was for, and every throughput chart drawn (its SVG marks added).
 */
function installEditHooks(): void {
  const w = globalThis as unknown as {
    zerosimResults?: unknown;
    zerosimPlayground?: PlaygroundState;
    zerosimEditHooks?: EditHooks;
    performance: { now(): number };
    document: {
      addEventListener(type: string, listener: () => void, capture: boolean): void;
      getElementById(id: string): unknown;
    };
    MutationObserver: new (
      callback: (records: Array<{ addedNodes: ArrayLike<AddedNode> }>) => void,
    ) => { observe(node: unknown, options: object): void };
  };
  const hooks: EditHooks = { inputMs: Number.NaN, results: [], charts: [] };
  w.zerosimEditHooks = hooks;
  w.document.addEventListener('input', () => (hooks.inputMs = w.performance.now()), true);
  let value = w.zerosimResults;
  Object.defineProperty(w, 'zerosimResults', {
    configurable: true,
    get: () => value,
    set(results) {
      value = results;
      const s = w.zerosimPlayground;
      hooks.results.push({ ms: w.performance.now(), id: s?.id ?? -1, stage: s?.stage ?? '' });
    },
  });
  new w.MutationObserver((records) => {
    const drawn = records.some((r) =>
      Array.from(r.addedNodes).some(
        (n) => n.matches?.('svg.marks') || n.querySelector?.('svg.marks') != null,
      ),
    );
    if (drawn) hooks.charts.push(w.performance.now());
  }).observe(w.document.getElementById('chart-throughput'), { childList: true, subtree: true });
}

/** The edit field and the values the two edits set it to (the default 60 GB/s, halved and back up). */
const EDIT_FIELD = '[name="machine.memory.totalClearGBps"]';

/** Edits the field to `value` and waits for that edit's quick answer: its results and its chart. */
async function timeEdit(page: Page, value: string, timeoutMs: number): Promise<EditAnswer> {
  const id =
    (await page.evaluate(
      () => (globalThis as { zerosimPlayground?: PlaygroundState }).zerosimPlayground?.id,
    )) ?? 0;
  await page.locator(EDIT_FIELD).fill(value);
  await page.waitForFunction(
    (id) => {
      const h = (globalThis as { zerosimEditHooks?: EditHooks }).zerosimEditHooks!;
      const answer = h.results.find((r) => r.id === id);
      return answer !== undefined && h.charts.some((ms) => ms > answer.ms);
    },
    id + 1,
    { timeout: timeoutMs },
  );
  const hooks = (await page.evaluate(
    () => (globalThis as { zerosimEditHooks?: EditHooks }).zerosimEditHooks,
  )) as EditHooks;
  const answer = hooks.results.find((r) => r.id === id + 1)!;
  const chart = hooks.charts.find((ms) => ms > answer.ms)!;
  return { resultsMs: answer.ms - hooks.inputMs, chartMs: chart - hooks.inputMs, stage: answer.stage };
}

/** Waits until the page's latest edit has its full study shown: the page is idle. */
async function idle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => (globalThis as { zerosimPlayground?: PlaygroundState }).zerosimPlayground?.stage === 'final',
    null,
    { timeout: timeoutMs },
  );
}

/** Loads `file` once in a fresh browser and waits for its first drawn results; then times two edits. */
async function loadOnce(file: string, timeoutMs: number, edits: boolean): Promise<FirstAnswer> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.route('**/*', (route) =>
      route.request().url().startsWith('file://') ? route.continue() : route.abort(),
    );
    await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
    // the final study goes on in the workers; the first answer is all this measures
    await page.waitForFunction(
      () => {
        const s = (globalThis as { zerosimPlayground?: PlaygroundState }).zerosimPlayground;
        return s?.firstResultsMs != null && (s.timings === undefined || s.timings.firstDrawnMs !== null);
      },
      null,
      { timeout: timeoutMs },
    );
    const s = (await page.evaluate(
      () => (globalThis as { zerosimPlayground?: PlaygroundState }).zerosimPlayground,
    )) as PlaygroundState;
    const t = s.timings;
    // the first edit comes as soon as the page has begun the full study of the scenario it opened with
    if (edits) {
      await page.evaluate(installEditHooks);
      await page.waitForFunction(
        () =>
          (globalThis as { zerosimPlayground?: PlaygroundState }).zerosimPlayground?.timings
            ?.refinementStartedMs != null,
        null,
        { timeout: timeoutMs },
      );
    }
    const busyEdit = edits ? await timeEdit(page, '30', timeoutMs) : null;
    if (edits) await idle(page, timeoutMs);
    const idleEdit = edits ? await timeEdit(page, '45', timeoutMs) : null;
    return {
      firstStage: s.stage,
      busyEdit,
      idleEdit,
      requestMs: s.firstRequestMs,
      workerReadyMs: t?.workers[0]?.evaluatedMs ?? null,
      scriptsMs: t?.scriptsMs ?? null,
      simulationStartedMs: t?.simulationStartedMs ?? null,
      simulationMs: s.elapsedMs.preview ?? s.elapsedMs.final ?? Number.NaN,
      firstResultsMs: s.firstResultsMs as number,
      firstChartMs: t?.firstChartMs ?? null,
      firstDrawnMs: t?.firstDrawnMs ?? null,
      threads: s.threads ?? 1,
    };
  } finally {
    await browser.close();
  }
}

/** Loads the page `loads` times, one after another; returns every load's timings in order. */
export async function playgroundFirstAnswers(
  file: string,
  loads: number,
  edits: boolean,
  timeoutMs = 60_000,
): Promise<FirstAnswer[]> {
  const answers: FirstAnswer[] = [];
  for (let i = 0; i < loads; i++) answers.push(await loadOnce(file, timeoutMs, edits));
  return answers;
}
