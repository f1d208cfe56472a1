// calibration.html in a real browser: Debian chromium (playwright-core) opens it from file:// with
// every other request blocked; every chart (those of the invented clear-remote and held-lock rows of
// calibration-rows.ts too) must render with marks, with no console or page error and no request
// outside the page.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCalibrationHtml } from '../../reports/calibration.js';
import { calibrate } from '../../sim/calibrate/fit.js';
import { markCheckRows, readMeasurements } from '../../sim/calibrate/read.js';
import { loadAssets } from '../../sim/cli/assets.js';
import { withNewBenches } from './calibration-rows.js';

const SITTING = fileURLToPath(new URL('../fixtures/measurements/c-sitting-1.jsonl', import.meta.url));

interface PageWindow {
  zerosim?: { ready: Promise<unknown>; errors: string[] };
  document: {
    querySelectorAll(selector: string): Iterable<{
      dataset: Record<string, string | undefined>;
      querySelectorAll(s: string): { length: number };
    }>;
  };
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  dir = mkdtempSync(join(tmpdir(), 'zerosim-calibration-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('calibration.html in chromium, offline', () => {
  it('renders every chart with marks, without errors or requests', async () => {
    // the 2-thread alloc rows as check rows, as the README's workflow does: they are drawn the same,
    // and the fit does not simulate them on every trial
    const rows = markCheckRows(
      readMeasurements(readFileSync(SITTING, 'utf8'), 'c-sitting-1.jsonl'),
      'bench=alloc,threads=2',
    );
    const html = renderCalibrationHtml(
      withNewBenches(calibrate(rows, { source: 'fixture', toolVersion: 'test', resamples: 5 })),
      loadAssets(),
    );
    writeFileSync(join(dir, 'calibration.html'), html);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(dir, 'calibration.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (globalThis as unknown as PageWindow).zerosim !== undefined, null, {
      timeout: 30_000,
    });
    await page.evaluate(() => (globalThis as unknown as PageWindow).zerosim?.ready);
    const counts = await page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const el of (globalThis as unknown as PageWindow).document.querySelectorAll('.chart[data-chart]'))
        out[el.dataset.chart ?? '?'] = el.querySelectorAll('svg.marks g.role-mark > path').length;
      return out;
    });
    expect(Object.keys(counts)).toEqual([
      'clear',
      'clear-remote',
      'lock',
      'lock-held',
      'fault',
      'alloc',
      'measured-vs-predicted',
    ]);
    for (const [name, n] of Object.entries(counts)) expect(n, name).toBeGreaterThan(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).zerosim?.errors)).toEqual([]);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  }, 240_000); // the fit simulates the loops first: slow when the whole suite shares 2 cores
});
