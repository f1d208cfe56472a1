/**
 * The report in a real browser: Debian chromium driven by playwright-core opens report.html from
 * file:// with every other request blocked, and every chart must render with marks, with no console
 * error, no page error and, for the hostile scenario, nothing executed or injected. The what-if and
 * analysis reports get the same checks. At a 1366×768 and a 1400×900 viewport every chart must fit
 * inside its card, and a plain run's first screen must show the throughput and speed-up charts whole.
 * At 1366×768 no table cell may be narrower than its longest word, and no report may be more than
 * twice as tall as at 1920×1080 (squeezed tables once made pages 26,000 px tall).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/index.js';
import { loadAssets } from '../../sim/cli/assets.js';
import type { Results } from '../../sim/types/index.js';
import { type FixtureName, fixture, hostileWhatif } from './helpers.js';

/** The vega builds, read once as the CLI reads them for every report. */
const assets = loadAssets();

/** The laptop screens the first screen is laid out for; pages open at the larger one. */
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1400, height: 900 },
] as const;
const VIEWPORT = VIEWPORTS[1];
type Viewport = (typeof VIEWPORTS)[number];

/**
 * The browser globals the page callbacks touch, typed here because the project compiles without the
 * DOM lib. Callbacks run in the page, so they reach these through `globalThis` (the cast is erased).
 */
interface PageElement {
  id: string;
  dataset: Record<string, string | undefined>;
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
  querySelectorAll(selector: string): { length: number };
  querySelector(selector: string): PageElement | null;
  getBoundingClientRect(): { left: number; right: number };
}
interface PageWindow {
  scrollTo(x: number, y: number): void;
  document: {
    querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
    getElementById(id: string): PageElement | null;
    scripts: { length: number };
  };
  zerosim?: {
    ready: Promise<unknown>;
    errors: string[];
    views: Record<string, { signal(name: string): unknown }>;
  };
}

interface Opened {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  blocked: string[];
  chartNames: string[];
}

let browser: Browser;
const dirs: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Writes the report to a fresh temp dir, opens it offline and waits until every chart has settled. */
async function open(results: Results): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'zerosim-report-'));
  dirs.push(dir);
  const report = await buildReport(results, assets);
  writeFileSync(join(dir, 'report.html'), report.html);
  const page = await browser.newPage({ viewport: VIEWPORT });
  const opened: Opened = {
    page,
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    blocked: [],
    chartNames: report.charts.map((c) => c.name),
  };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => opened.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    opened.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    opened.blocked.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
  await page.waitForFunction(() => (globalThis as unknown as PageWindow).zerosim !== undefined, null, {
    timeout: 30_000,
  });
  await page.evaluate(() => (globalThis as unknown as PageWindow).zerosim?.ready);
  return opened;
}

/** Drawn items (path, rect, line, symbol, text) inside the data-mark groups of each chart's SVG. */
function markCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const el of (globalThis as unknown as PageWindow).document.querySelectorAll('.chart[data-chart]')) {
      const items = el.querySelectorAll(
        'svg.marks g.role-mark > path, svg.marks g.role-mark > rect, svg.marks g.role-mark > line, svg.marks g.role-mark > text',
      );
      counts[el.dataset.chart ?? '?'] = items.length;
    }
    return counts;
  });
}

describe('report.html in chromium, offline', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open(fixture('results'));
  });

  it('renders every chart, each with marks', async () => {
    const counts = await markCounts(opened.page);
    expect(Object.keys(counts)).toEqual(opened.chartNames);
    for (const name of opened.chartNames) expect(counts[name], name).toBeGreaterThan(0);
    expect(await opened.page.evaluate(() => (globalThis as unknown as PageWindow).zerosim?.errors)).toEqual(
      [],
    );
  });

  it('makes no request beyond file://, and logs no error', () => {
    expect(opened.blocked).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  });

  it('toggles a policy from the legend: a click dims the other series', async () => {
    const view = () =>
      opened.page.evaluate(() => {
        const v = (globalThis as unknown as PageWindow).zerosim!.views.throughput;
        return JSON.stringify(v.signal('pick_tuple') ?? null);
      });
    expect(await view()).toBe('null');
    await opened.page.locator('#chart-throughput .role-legend-symbol path').first().click();
    expect(await view()).toContain('go1.0-under-lock');
  });
});

describe('report.html for a hostile scenario', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open(fixture('hostile'));
  });

  it('executes nothing: no dialog, no error, no injected element', async () => {
    expect(opened.dialogs).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    const injected = await opened.page.evaluate(() => ({
      imgs: (globalThis as unknown as PageWindow).document.querySelectorAll('img').length,
      scripts: (globalThis as unknown as PageWindow).document.scripts.length,
      onerror: (globalThis as unknown as PageWindow).document.querySelectorAll('[onerror]').length,
    }));
    expect(injected).toEqual({ imgs: 0, scripts: 6, onerror: 0 });
  });

  it('shows the payloads as literal, visible text', async () => {
    const { page } = opened;
    await expect(page.locator('h1').textContent()).resolves.toContain(
      '<script>alert(1)</script> "><img src=x onerror=alert(1)>',
    );
    expect(await page.locator('h1').isVisible()).toBe(true);
    await expect(page.locator('.desc').textContent()).resolves.toContain(
      '</script><script>alert(2)</script>',
    );
    const policyCell = page.locator('td', { hasText: 'honours zeroed, span tracking' }).first();
    await expect(policyCell.textContent()).resolves.toContain('"><img src=x onerror=alert(1)>');
    // a policy named with markup is drawn as literal text in the chart legends, too
    await expect(page.locator('#chart-throughput svg.marks').textContent()).resolves.toContain('evil"><img');
  });

  it('still renders every chart, and its embedded results parse back unchanged', async () => {
    const counts = await markCounts(opened.page);
    for (const name of opened.chartNames) expect(counts[name], name).toBeGreaterThan(0);
    const embedded = await opened.page.evaluate(() =>
      JSON.parse(
        (globalThis as unknown as PageWindow).document.getElementById('zerosim-results')!.textContent!,
      ),
    );
    expect(embedded).toEqual(fixture('hostile'));
    expect(opened.blocked).toEqual([]);
  });
});

/** Cards whose chart (SVG) reaches past the card's right edge. */
function chartsPastTheirCard(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(globalThis as unknown as PageWindow).document.querySelectorAll('figure.card')]
      .filter((card) => {
        const svg = card.querySelector('svg.marks');
        return svg !== null && svg.getBoundingClientRect().right > card.getBoundingClientRect().right + 1;
      })
      .map((card) => card.id),
  );
}

describe.each([
  { label: 'what-if', name: 'whatif' as const },
  { label: 'analysis', name: 'results-analysis' as const },
])('report.html of the $label fixture in chromium', ({ name }) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open(fixture(name));
  });

  it('renders every chart, each with marks, and logs no error', async () => {
    const counts = await markCounts(opened.page);
    expect(Object.keys(counts)).toEqual(opened.chartNames);
    for (const chart of opened.chartNames) expect(counts[chart], chart).toBeGreaterThan(0);
    expect(await opened.page.evaluate(() => (globalThis as unknown as PageWindow).zerosim?.errors)).toEqual(
      [],
    );
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
    expect(opened.blocked).toEqual([]);
  });
});

describe('report.html of a hostile what-if study', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open(hostileWhatif());
  });

  it('executes nothing and still draws its charts, the policy name as literal text', async () => {
    expect(opened.dialogs).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    const counts = await markCounts(opened.page);
    for (const chart of opened.chartNames) expect(counts[chart], chart).toBeGreaterThan(0);
    expect(
      await opened.page.evaluate(() => (globalThis as unknown as PageWindow).document.scripts.length),
    ).toBe(6);
    await expect(opened.page.locator('#chart-whatif-heatmap svg.marks').textContent()).resolves.toContain(
      'evil"><img',
    );
  });
});

/** The page at one viewport size, scrolled to the top. */
async function atViewport(page: Page, viewport: Viewport | { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.evaluate(() => (globalThis as unknown as PageWindow).scrollTo(0, 0));
}

/** Charts whose container scrolls sideways: the chart is wider than the room its card gives it. */
function chartsThatScroll(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(globalThis as unknown as PageWindow).document.querySelectorAll('.chart')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.id),
  );
}

const LAID_OUT: FixtureName[] = ['results', 'default-run', 'whatif', 'results-analysis'];

describe('the layout at 1366×768 and at 1400×900', () => {
  const pages: Partial<Record<FixtureName, Opened>> = {};
  beforeAll(async () => {
    for (const name of LAID_OUT) pages[name] = await open(fixture(name));
  });

  /** The fixture's page at one viewport, scrolled to the top. */
  async function pageAt(name: FixtureName, viewport: Viewport): Promise<Opened> {
    const opened = pages[name]!;
    await atViewport(opened.page, viewport);
    return opened;
  }

  const each = <N extends FixtureName>(names: N[]) =>
    names.flatMap((name) =>
      VIEWPORTS.map((viewport) => ({ name, viewport, size: `${viewport.width}×${viewport.height}` })),
    );

  it.each(each(LAID_OUT))(
    'fits every chart of the $name report inside its card at $size: nothing cut off or scrolling',
    async ({ name, viewport }) => {
      const { page } = await pageAt(name, viewport);
      expect(await chartsPastTheirCard(page)).toEqual([]);
      expect(await chartsThatScroll(page)).toEqual([]);
    },
  );

  it.each(each(['results', 'default-run']))(
    'shows the throughput and speed-up charts of the $name report whole, side by side, in the first screen at $size',
    async ({ name, viewport }) => {
      const { page } = await pageAt(name, viewport);
      const throughput = await page.locator('#chart-throughput svg.marks').boundingBox();
      const speedup = await page.locator('#chart-speedup svg.marks').boundingBox();
      expect(throughput!.height).toBeGreaterThan(200);
      for (const box of [throughput!, speedup!]) {
        expect(box.y).toBeGreaterThan(0);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
      expect(Math.abs(speedup!.y - throughput!.y)).toBeLessThan(2);
      expect(speedup!.x).toBeGreaterThan(throughput!.x + throughput!.width);
    },
  );

  it.each(each(['whatif', 'results-analysis']))(
    'starts the first chart of the $name report in the first screen at $size',
    async ({ name, viewport }) => {
      const { page, chartNames } = await pageAt(name, viewport);
      const box = await page.locator(`#chart-${chartNames[0]} svg.marks`).boundingBox();
      expect(box!.y).toBeLessThan(viewport.height);
    },
  );
});

describe('report.html of a current default run', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open(fixture('default-run'));
  });

  it('renders every chart with marks and logs no error', async () => {
    const counts = await markCounts(opened.page);
    for (const chart of opened.chartNames) expect(counts[chart], chart).toBeGreaterThan(0);
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
  });

  it('draws the hidden one of two identical curves dashed, and its legend entry still picks it', async () => {
    const dashed = await opened.page
      .locator('#chart-throughput svg.marks g.role-mark path[stroke-dasharray="5,5"]')
      .count();
    expect(dashed).toBeGreaterThan(0);
    const pick = () =>
      opened.page.evaluate(() =>
        JSON.stringify(
          (globalThis as unknown as PageWindow).zerosim!.views.throughput.signal('pick_tuple') ?? null,
        ),
      );
    // legend entries in policy order: go1.0-under-lock, go1.1-after-unlock, exact-dirty, no-zero
    await opened.page.locator('#chart-throughput .role-legend-symbol path').nth(2).click();
    expect(await pick()).toContain('exact-dirty');
  });
});

/** The browser globals the table checks touch (the project compiles without the DOM lib). */
interface CellWindow {
  document: {
    querySelectorAll(selector: string): Iterable<{
      textContent: string | null;
      clientWidth: number;
      closest(selector: string): { id?: string } | null;
    }>;
    createElement(tag: 'canvas'): {
      getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
    };
    documentElement: { scrollHeight: number };
  };
  getComputedStyle(el: unknown): { font: string; paddingLeft: string; paddingRight: string };
}

/** Table cells whose content box is narrower than their longest word (words split at ordinary spaces only). */
function cellsNarrowerThanAWord(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as CellWindow;
    const ctx = w.document.createElement('canvas').getContext('2d');
    const narrow: string[] = [];
    for (const cell of w.document.querySelectorAll('table th, table td')) {
      const style = w.getComputedStyle(cell);
      ctx.font = style.font;
      const room =
        cell.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const words = (cell.textContent ?? '').split(/[ \t\n]+/).filter((word) => word.length > 0);
      const longest = Math.max(0, ...words.map((word) => ctx.measureText(word).width));
      if (longest > room + 1)
        narrow.push(`${cell.textContent} (${Math.round(room)} px < ${Math.round(longest)} px)`);
    }
    return narrow;
  });
}

function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as CellWindow).document.documentElement.scrollHeight);
}

describe('tables readable on a 1366×768 laptop', () => {
  const pages: Partial<Record<FixtureName, Opened>> = {};
  beforeAll(async () => {
    for (const name of LAID_OUT) pages[name] = await open(fixture(name));
  });

  it.each(LAID_OUT)('no table cell of the %s report is narrower than its longest word', async (name) => {
    const { page } = pages[name]!;
    await atViewport(page, { width: 1366, height: 768 });
    expect(await cellsNarrowerThanAWord(page)).toEqual([]);
  });

  it.each(LAID_OUT)('the %s report at 1366 px is at most twice as tall as at 1920 px', async (name) => {
    const { page } = pages[name]!;
    await page.setViewportSize({ width: 1920, height: 1080 });
    const wide = await pageHeight(page);
    await atViewport(page, { width: 1366, height: 768 });
    const laptop = await pageHeight(page);
    expect(laptop).toBeLessThanOrEqual(2 * wide);
  });
});
