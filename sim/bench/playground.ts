/**
 * The playground's first answer, in chromium: loads a playground.html from file:// (nothing else may
 * load) in a fresh browser each time, so no load reuses another's compiled code, and reads where the
 * time to the first results went from the page's own clock (window.zerosimPlayground, ms from
 * navigation start). A benchmark, never a test: the CLI's `npm run bench` prints the medians.
 */
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

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
}

/** What the page keeps on window, as far as this reads it. */
interface PlaygroundState {
  firstRequestMs: number;
  firstResultsMs: number | null;
  elapsedMs: { preview?: number; final?: number };
  threads?: number;
  timings?: {
    workers: Array<{ evaluatedMs: number }>;
    scriptsMs: number | null;
    simulationStartedMs: number | null;
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

/** Loads `file` once in a fresh browser and waits for its first drawn results. */
async function loadOnce(file: string, timeoutMs: number): Promise<FirstAnswer> {
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
    return {
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
  timeoutMs = 60_000,
): Promise<FirstAnswer[]> {
  const answers: FirstAnswer[] = [];
  for (let i = 0; i < loads; i++) answers.push(await loadOnce(file, timeoutMs));
  return answers;
}
