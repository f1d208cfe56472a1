/**
 * playground.html in chromium (Debian's, driven by playwright-core), opened from file:// with every
 * other request refused: the page simulates in its Web Worker, and its results equal the CLI's
 * results.json for the same scenario and seed, number for number; an edit re-simulates, and the
 * exported scenario validates and runs in the CLI to the page's numbers again; bad input shows the
 * loader's own problem lines; nothing logs an error. Screenshots at 1366×768 go to /tmp/zerosim-shots/.
 * A page `run` writes carries the run's results and shows them first, labelled as the CLI's; what the
 * tests compare with the CLI is what the page then simulated itself (a page whose carried results were
 * altered still simulates the true ones, and says they differ). The default scenario's page answers
 * first with the CLI's results (timed from page load and printed; `npm run bench` times it properly),
 * then simulates them on a helper worker per further core; an edit while it does is taken up by the
 * same worker and simulates to the CLI's numbers for the edited scenario. Without the CLI's results (a
 * what-if study's page) the page answers first with a preview.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../sim/types/index.js';
import { packageRoot, scratchDir, writeFile, zerosim } from '../cli/helpers.js';

const SHOTS = '/tmp/zerosim-shots';
const VIEWPORT = { width: 1366, height: 768 };

/** What the page keeps on window, typed here: the project compiles without the DOM lib. */
interface PlaygroundWindow {
  zerosimResults?: Results;
  zerosimPlayground?: {
    stage: string;
    id: number;
    firstResultsMs: number | null;
    problems: string[];
    elapsedMs: Record<string, number>;
    threads: number;
    cliMatched: boolean | null;
    timings: { firstDrawnMs: number | null; refinementStartedMs: number | null };
  };
}

/**
 * A shipped scenario cut to a study small enough to run in the page in a few seconds: no preview (it
 * is no bigger than one).
 */
function smallScenario(file = 'default.json', extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base = JSON.parse(readFileSync(join(packageRoot, 'scenarios', file), 'utf8'));
  return {
    ...base,
    name: 'playground-small',
    cores: [1, 2, 4, 8],
    run: { ...base.run, allocationsPerCore: 300, replications: 2, seed: 7 },
    ...extra,
  };
}

interface Opened {
  page: Page;
  errors: string[];
  blocked: string[];
}

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a page offline: only file:// loads; console errors of the page and its workers are kept. */
async function open(file: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
  const opened: Opened = { page, errors: [], blocked: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('worker', (worker) =>
    worker.on('console', (m) => {
      if (m.type() === 'error') opened.errors.push(`worker: ${m.text()}`);
    }),
  );
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    opened.blocked.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return opened;
}

/** Waits for the final results of the edit numbered `id` (1: the page's first simulation). */
async function finalResults(page: Page, id: number): Promise<Results> {
  await page.waitForFunction(
    (id) => {
      const state = (globalThis as unknown as PlaygroundWindow).zerosimPlayground;
      return state !== undefined && state.id === id && ['final', 'problems', 'failed'].includes(state.stage);
    },
    id,
    { timeout: 240_000 },
  );
  const state = await page.evaluate(() => (globalThis as unknown as PlaygroundWindow).zerosimPlayground);
  expect(state?.stage, JSON.stringify(state)).toBe('final');
  return (await page.evaluate(() => (globalThis as unknown as PlaygroundWindow).zerosimResults)) as Results;
}

function readResults(dir: string): Results {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
}

/** The element of the page that carries the CLI run's results (reports/playground.ts). */
const CLI_RESULTS = /(<script type="application\/json" id="zerosim-cli-results">)([\s\S]*?)(<\/script>)/;

/** A copy of the page at `file` whose carried CLI results are `change`d (null: none, as a what-if page's). */
function pageWithCliResults(file: string, change: (results: Results) => Results | null): string {
  const html = readFileSync(file, 'utf8');
  const carried = JSON.parse(html.match(CLI_RESULTS)![2]) as Results;
  const changed = JSON.stringify(change(carried)).replace(/<\//g, '<\\/');
  const copy = file.replace(/\.html$/, '-changed.html');
  writeFileSync(
    copy,
    html.replace(CLI_RESULTS, (_, open, _json, close) => `${open}${changed}${close}`),
  );
  return copy;
}

/** What the page's state says, as it stands. */
function pageState(page: Page) {
  return page.evaluate(() => (globalThis as unknown as PlaygroundWindow).zerosimPlayground);
}

describe('playground.html of a small study, in chromium, offline', () => {
  let dir: string;
  let opened: Opened;
  let cli: Results;

  beforeAll(async () => {
    dir = scratchDir();
    const scenario = writeFile(dir, 'small.json', smallScenario());
    const run = zerosim(['run', scenario, '--out', join(dir, 'out'), '--quiet', '--jobs', '2']);
    expect(run.code, run.stderr).toBe(0);
    cli = readResults(join(dir, 'out'));
    opened = await open(join(dir, 'out', 'playground.html'));
  });

  it('shows its first results, equal to the CLI results.json for the same scenario and seed', async () => {
    const page = await finalResults(opened.page, 1);
    expect(page.points.length).toBe(cli.points.length);
    // every number of every point, the USL fits and the capacity answers: exactly, not within a tolerance
    expect(page).toEqual(cli);
    // the page simulated them (stage final) and found them equal to the CLI's it showed first
    expect((await pageState(opened.page))?.cliMatched).toBe(true);
    await opened.page.waitForSelector('#chart-throughput svg.marks');
    await opened.page.screenshot({ path: join(SHOTS, 'playground-small-first.png') });
  });

  it('has an input named by dot path for each field, starting at the scenario value', async () => {
    const value = (name: string) => opened.page.locator(`[name="${name}"]`).inputValue();
    expect(await value('machine.memory.totalClearGBps')).toBe('60');
    expect(await value('workload.workNs.dist')).toBe('exponential');
    expect(await value('workload.workNs.mean')).toBe('20000');
    expect(await value('heap.allocHoldNs.value')).toBe('700');
    expect(await value('machine.lock.acquireNs')).toBe('20');
    expect(await value('cores')).toBe('1, 2, 4, 8');
    const checked = await opened.page
      .locator('input[name="policies"]')
      .evaluateAll((boxes) =>
        boxes.map((b) => [
          (b as unknown as { value: string }).value,
          (b as unknown as { checked: boolean }).checked,
        ]),
      );
    expect(checked.filter(([, on]) => on).map(([name]) => name)).toEqual(
      cli.scenario.policies.map((p) => p.name),
    );
    expect(checked.length).toBeGreaterThan(cli.scenario.policies.length);
  });

  it('re-simulates an edit; the exported scenario validates and runs in the CLI to the same numbers', async () => {
    const { page } = opened;
    await page.locator('[name="machine.memory.totalClearGBps"]').fill('30');
    const edited = await finalResults(page, 2);
    expect(edited.scenario.machine.memory.totalClearGBps).toBe(30);
    expect(edited.points.map((p) => p.allocsPerSec.mean)).not.toEqual(
      cli.points.map((p) => p.allocsPerSec.mean),
    );
    await page.screenshot({ path: join(SHOTS, 'playground-small-edited.png') });

    const download = page.waitForEvent('download');
    await page.locator('#export').click();
    const file = join(dir, 'exported.json');
    await (await download).saveAs(file);
    const validate = zerosim(['validate', file]);
    expect(validate.code, validate.stderr).toBe(0);
    const rerun = zerosim(['run', file, '--out', join(dir, 'edited'), '--quiet', '--jobs', '2']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(edited).toEqual(readResults(join(dir, 'edited')));
  });

  it('shows the loader problem line for bad input, and keeps the last results', async () => {
    const { page } = opened;
    await page.locator('[name="cores"]').fill('1, 2, many');
    await page.waitForFunction(
      () => (globalThis as unknown as PlaygroundWindow).zerosimPlayground?.stage === 'problems',
      null,
      { timeout: 30_000 },
    );
    const problems = await page.locator('#problems li').allTextContents();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^playground: cores\[2\]: /);
    expect(
      await page.evaluate(() => (globalThis as unknown as PlaygroundWindow).zerosimResults?.points.length),
    ).toBe(cli.points.length);
    await page.screenshot({ path: join(SHOTS, 'playground-small-problems.png') });
  });

  it('makes no request beyond file://, and logs no error', () => {
    expect(opened.blocked).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});

describe('playground.html whose carried CLI results were altered', () => {
  it('shows them first, labelled as the CLI run, then simulates the true ones and says they differ', async () => {
    const dir = scratchDir();
    const scenario = writeFile(dir, 'small.json', smallScenario());
    const run = zerosim(['run', scenario, '--out', join(dir, 'out'), '--quiet', '--jobs', '2']);
    expect(run.code, run.stderr).toBe(0);
    const cli = readResults(join(dir, 'out'));
    const altered = pageWithCliResults(join(dir, 'out', 'playground.html'), (results) => ({
      ...results,
      points: results.points.map((p, i) =>
        i === 0 ? { ...p, allocsPerSec: { ...p.allocsPerSec, mean: 1 } } : p,
      ),
    }));
    const opened = await open(altered);
    // the first answer is the (altered) CLI results, shown before the worker answers
    await opened.page.waitForFunction(
      () => (globalThis as unknown as PlaygroundWindow).zerosimPlayground?.firstResultsMs != null,
    );
    const first = await opened.page.evaluate(
      () => (globalThis as unknown as PlaygroundWindow).zerosimResults,
    );
    expect(first?.points[0].allocsPerSec.mean).toBe(1);
    expect(await finalResults(opened.page, 1)).toEqual(cli);
    expect((await pageState(opened.page))?.cliMatched).toBe(false);
    await expect(opened.page.locator('#status').textContent()).resolves.toMatch(
      /NOT the numbers of the CLI run/,
    );
    expect(opened.errors).toEqual([
      'zerosim playground: the page simulated other numbers than the CLI run that wrote it',
    ]);
  });
});

describe('playground.html of a lognormal workload with a user variant (cos, exp and log in the samples)', () => {
  it('gives the CLI results.json, number for number, and offers the variant as a checked box', async () => {
    const dir = scratchDir();
    const base = JSON.parse(readFileSync(join(packageRoot, 'scenarios', 'mixed-zeroing.json'), 'utf8'));
    const variant = { name: 'my-exact', extends: 'go1.1-after-unlock', dirtyTracking: 'exact' };
    const scenario = writeFile(
      dir,
      'mixed.json',
      smallScenario('mixed-zeroing.json', { policies: [...base.policies.slice(0, 2), variant] }),
    );
    const run = zerosim(['run', scenario, '--out', join(dir, 'out'), '--quiet', '--jobs', '2']);
    expect(run.code, run.stderr).toBe(0);
    const opened = await open(join(dir, 'out', 'playground.html'));
    expect(await finalResults(opened.page, 1)).toEqual(readResults(join(dir, 'out')));
    expect(await opened.page.locator('input[name="policies"][value="my-exact"]').isChecked()).toBe(true);
    expect(opened.blocked).toEqual([]);
    expect(opened.errors).toEqual([]);
  });
});

describe('playground.html of the default scenario, as `npm start` writes it', () => {
  let dir: string;
  let cli: Results;

  beforeAll(() => {
    dir = scratchDir();
    const run = zerosim(['run', '--out', join(dir, 'out'), '--quiet', '--jobs', '2']);
    expect(run.code, run.stderr).toBe(0);
    cli = readResults(join(dir, 'out'));
  });

  it('answers first with the CLI run, labelled, then simulates it on every core to the same numbers; an edit meanwhile is taken up and simulates to the CLI numbers of the edit', async () => {
    const opened = await open(join(dir, 'out', 'playground.html'));
    const { page } = opened;
    await page.waitForFunction(
      () => (globalThis as unknown as PlaygroundWindow).zerosimPlayground?.timings.firstDrawnMs != null,
      null,
      { timeout: 120_000 },
    );
    const state = await pageState(page);
    process.stdout.write(
      `playground first answer (default scenario, the CLI's): ${Math.round(state!.firstResultsMs!)} ms from page load, ` +
        `charts drawn at ${Math.round(state!.timings.firstDrawnMs!)} ms\n`,
    );
    expect(state?.stage).toBe('cli');
    await expect(page.locator('#stage').textContent()).resolves.toBe('CLI run');
    expect(await page.evaluate(() => (globalThis as unknown as PlaygroundWindow).zerosimResults)).toEqual(
      cli,
    );
    await page.screenshot({ path: join(SHOTS, 'playground-default-cli.png') });

    // the page's own study of it, with a helper per further core the browser reports (4 threads at most)
    const final = await finalResults(page, 1);
    const cores = await page.evaluate(
      () =>
        (globalThis as unknown as { navigator: { hardwareConcurrency: number } }).navigator
          .hardwareConcurrency,
    );
    const refined = await pageState(page);
    expect(refined?.threads).toBe(Math.max(1, Math.min(4, cores)));
    expect(refined?.elapsedMs.final).toBeGreaterThan(0);
    expect(refined?.cliMatched).toBe(true);
    expect(final).toEqual(cli);

    // an edit, then another while the page simulates the first: the warm worker stops that study and
    // takes the second up, and its numbers are the CLI's for the edited scenario
    await page.locator('[name="machine.memory.totalClearGBps"]').fill('45');
    // (a replication of its full study has finished: the study is under way)
    await page.waitForFunction(
      () => {
        const g = globalThis as unknown as PlaygroundWindow & {
          document: { getElementById(id: string): { textContent: string } };
        };
        const status = g.document.getElementById('status').textContent;
        return g.zerosimPlayground?.id === 2 && /^Refining: replication [1-9]/.test(status);
      },
      null,
      { timeout: 120_000 },
    );
    await page.locator('[name="machine.memory.totalClearGBps"]').fill('30');
    const edited = await finalResults(page, 3);
    await page.screenshot({ path: join(SHOTS, 'playground-default-edited.png') });
    const download = page.waitForEvent('download');
    await page.locator('#export').click();
    const file = join(dir, 'edited.json');
    await (await download).saveAs(file);
    const rerun = zerosim(['run', file, '--out', join(dir, 'edited'), '--quiet', '--jobs', '2']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(edited.scenario.machine.memory.totalClearGBps).toBe(30);
    expect(edited).toEqual(readResults(join(dir, 'edited')));
    expect(opened.blocked).toEqual([]);
    expect(opened.errors).toEqual([]);
  }, 400_000);

  it('without the CLI results (as a what-if page), answers first with a labelled preview, then refines on every core to the CLI results; the first-answer time is printed', async () => {
    const opened = await open(pageWithCliResults(join(dir, 'out', 'playground.html'), () => null));
    const { page } = opened;
    await page.waitForFunction(
      () => (globalThis as unknown as PlaygroundWindow).zerosimPlayground?.timings.firstDrawnMs != null,
      null,
      { timeout: 120_000 },
    );
    const state = await page.evaluate(() => (globalThis as unknown as PlaygroundWindow).zerosimPlayground);
    const first = await page.evaluate(() => (globalThis as unknown as PlaygroundWindow).zerosimResults);
    process.stdout.write(
      `playground first answer (default scenario, no CLI results): ${Math.round(state!.firstResultsMs!)} ms from page load, ` +
        `${Math.round(state!.elapsedMs.preview)} ms of it simulating; ` +
        `charts drawn at ${Math.round(state!.timings.firstDrawnMs!)} ms\n`,
    );
    expect(state?.stage).toBe('preview');
    // the preview runs on the simulating worker alone; helpers join once it is drawn
    expect(state?.threads).toBe(1);
    expect(state!.timings.firstDrawnMs!).toBeGreaterThanOrEqual(state!.firstResultsMs!);
    expect(first?.scenario.run.replications).toBe(2);
    expect(first?.scenario.run.allocationsPerCore).toBeLessThan(cli.scenario.run.allocationsPerCore);
    // the page draws no timeline, and the preview records none; the full study does, as the CLI
    expect(first?.timeline).toBeUndefined();
    expect(cli.timeline).toBeDefined();
    await expect(page.locator('#stage').textContent()).resolves.toBe('Preview');
    await page.waitForSelector('#chart-throughput svg.marks');
    await page.screenshot({ path: join(SHOTS, 'playground-default-preview.png') });

    // the refinement, begun once the preview was drawn: a helper per further core the browser reports
    // (4 threads at most) joined it
    const final = await finalResults(page, 1);
    const cores = await page.evaluate(
      () =>
        (globalThis as unknown as { navigator: { hardwareConcurrency: number } }).navigator
          .hardwareConcurrency,
    );
    const refined = await page.evaluate(() => (globalThis as unknown as PlaygroundWindow).zerosimPlayground);
    expect(refined?.threads).toBe(Math.max(1, Math.min(4, cores)));
    // (the page's and the worker's clocks agree to within a millisecond)
    expect(refined!.timings.refinementStartedMs!).toBeGreaterThanOrEqual(refined!.timings.firstDrawnMs! - 1);
    expect(final).toEqual(cli);
    expect(opened.blocked).toEqual([]);
    expect(opened.errors).toEqual([]);
  }, 300_000);
});
