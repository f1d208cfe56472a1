// Issue 10's "How we will know": on every C-harness sitting committed as
// test/fixtures/measurements/c-sitting-*.jsonl, `calibrate --from`, fitted on the clear, lock and
// fault rows and the 1-thread alloc rows, predicts the 2-thread alloc rows (the check rows) with a
// median |error| ≤ 10% and a worst |error| ≤ 25%. A sitting known to be disturbed is listed in
// DISTURBED with the reason; for it the test asserts only that the fit runs and writes every file.

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
      : `${name}: median |error| ≤ 10%, worst ≤ 25% on the 2-thread alloc rows`;
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
      expect(c.summary.check.medianAbsErrorPct ?? Number.NaN, table).toBeLessThanOrEqual(10);
      expect(c.summary.check.maxAbsErrorPct ?? Number.NaN, table).toBeLessThanOrEqual(25);
    });
  }
});
