// On every C-harness sitting committed as test/fixtures/measurements/c-sitting-*.jsonl,
// `calibrate --from`, fitted on the clear (and clear-remote), lock and fault rows and the 1-thread
// alloc rows, predicts the 2-thread alloc rows (the check rows). The goal (MODEL.md, issue 10) is a
// median |error| ≤ 10% and a worst ≤ 25%; the model does not reach it yet. Medians / worsts today:
// sittings 2 and 3 (the first harness: no clear-remote or held-lock rows) 17.5% / 75% and 15.2% /
// 59%; sittings 5 and 6 (today's harness) 18.5% / 218% and 16.0% / 86%. The worst rows are the
// contended loops without clearing or work, which measure 12 M to 32 M allocs/s from one sitting to
// the next for the same loop (the model says 18–27 M), and in sitting 5 the 16 MiB loops, whose DRAM
// rate fell by a third between the clear rows and the alloc rows (its 1-thread 16 MiB alloc rows, fit
// rows, are off by 28–64% too). So this test guards what is reached (median ≤ 20%, and each sitting's
// worst as it stands, with a little room) and prints every row's error; tighten it to the goal when
// the model gets there. A sitting known to be disturbed is listed in DISTURBED with the reason; for it
// the test asserts only that the fit runs and writes every file.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Calibration } from '../../sim/types/calibration.js';
import { packageRoot, scratchDir, zerosim } from '../cli/helpers.js';

const FIXTURES = join(packageRoot, 'test', 'fixtures', 'measurements');

/** Sittings measured while the host was not ours: their errors say more about the load than the model. */
const DISTURBED: Readonly<Record<string, string>> = {
  'c-sitting-1.jsonl':
    'taken at load average 11–14 on 2 cores while other jobs ran: 2 threads did not get 2 cores, and identical loops (zeroAt never, where the block size does not matter) measured 232 k, 314 k and 294 k allocs/s at 1 thread',
};

/** What the model reaches on each quiet sitting today, with a little room; the goal is 10% / 25%. */
const REACHED_MEDIAN_PCT = 20;
const REACHED_WORST_PCT: Readonly<Record<string, number>> = {
  'c-sitting-2.jsonl': 80,
  'c-sitting-3.jsonl': 65,
  'c-sitting-5.jsonl': 225,
  'c-sitting-6.jsonl': 90,
};

const sittings = readdirSync(FIXTURES)
  .filter((name) => /^c-sitting-.*\.jsonl$/.test(name))
  .sort();

describe('calibrate --from every committed C sitting, 2-thread alloc rows as check rows', () => {
  it('finds the sittings', () => {
    expect(sittings.length).toBeGreaterThan(0);
    for (const name of Object.keys(DISTURBED)) expect(sittings).toContain(name);
    // every quiet sitting has its reached worst written down
    for (const name of sittings)
      if (!DISTURBED[name]) expect(REACHED_WORST_PCT[name], name).toBeGreaterThan(0);
  });

  for (const name of sittings) {
    const disturbed = DISTURBED[name];
    const title = disturbed
      ? `${name} (disturbed, see DISTURBED): the fit runs and writes every file`
      : `${name}: median |error| ≤ ${REACHED_MEDIAN_PCT}%, worst ≤ ${REACHED_WORST_PCT[name]}% on the 2-thread alloc rows (goal 10% / 25%)`;
    it(title, { timeout: 240_000 }, () => {
      const dir = scratchDir();
      const args = ['calibrate', '--from', join(FIXTURES, name), '--check', 'bench=alloc,threads=2'];
      const r = zerosim([...args, '--out', 'cal', '--quiet'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      for (const file of ['machine.json', 'calibration.json', 'calibration.html'])
        expect(existsSync(join(dir, 'cal', file)), file).toBe(true);
      const c = JSON.parse(readFileSync(join(dir, 'cal', 'calibration.json'), 'utf8')) as Calibration;
      const check = c.rows.filter((row) => row.use === 'check');
      expect(check.length).toBeGreaterThan(0);
      for (const row of check) expect([row.bench, row.threads]).toEqual(['alloc', 2]);
      if (disturbed) return;
      const table = check.map((row) => `line ${row.line}: ${row.errorPct.toFixed(1)}%`).join(', ');
      expect(c.summary.check.medianAbsErrorPct ?? Number.NaN, table).toBeLessThanOrEqual(REACHED_MEDIAN_PCT);
      expect(c.summary.check.maxAbsErrorPct ?? Number.NaN, table).toBeLessThanOrEqual(
        REACHED_WORST_PCT[name],
      );
    });
  }
});
