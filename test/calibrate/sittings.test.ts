// On every C-harness sitting committed as test/fixtures/measurements/c-sitting-*.jsonl,
// `calibrate --from`, fitted on the clear, lock and fault rows and the 1-thread alloc rows, predicts
// the 2-thread alloc rows (the check rows). The goal (MODEL.md, issue 10) is a median |error| ≤ 10%
// and a worst ≤ 25%; the model does not reach it yet. On the two quiet sittings (2 and 3, load
// average about 1.2) it gives medians of 17.5% and 17.2% and worsts of 74% and 59%: the contended
// loops without clearing (zeroAt never, no work) run at about half the lock bench's rate, since the
// free-list head and the block's first and last bytes move between cores with the lock, which
// migrateNs, fitted on the bare lock loop, does not see. So this test guards what is reached (median
// ≤ 20%, worst ≤ 80%) and prints every row's error; tighten it to the goal when the model gets there.
// A sitting known to be disturbed is listed in DISTURBED with the reason; for it the test asserts only
// that the fit runs and writes every file.

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

/** What the model reaches on the quiet sittings today, with a little room; the goal is 10% / 25%. */
const REACHED = { medianPct: 20, worstPct: 80 };

const sittings = readdirSync(FIXTURES)
  .filter((name) => /^c-sitting-.*\.jsonl$/.test(name))
  .sort();

describe('calibrate --from every committed C sitting, 2-thread alloc rows as check rows', () => {
  it('finds the sittings', () => {
    expect(sittings.length).toBeGreaterThan(0);
    for (const name of Object.keys(DISTURBED)) expect(sittings).toContain(name);
  });

  for (const name of sittings) {
    const disturbed = DISTURBED[name];
    const title = disturbed
      ? `${name} (disturbed, see DISTURBED): the fit runs and writes every file`
      : `${name}: median |error| ≤ ${REACHED.medianPct}%, worst ≤ ${REACHED.worstPct}% on the 2-thread alloc rows (goal 10% / 25%)`;
    it(title, { timeout: 60_000 }, () => {
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
      expect(c.summary.check.medianAbsErrorPct ?? Number.NaN, table).toBeLessThanOrEqual(REACHED.medianPct);
      expect(c.summary.check.maxAbsErrorPct ?? Number.NaN, table).toBeLessThanOrEqual(REACHED.worstPct);
    });
  }
});
