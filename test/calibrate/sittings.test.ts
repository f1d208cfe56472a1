// On every C-harness sitting committed as test/fixtures/measurements/c-sitting-*.jsonl,
// `calibrate --from`, fitted on the clear (and clear-remote), lock and fault rows and the 1-thread
// alloc rows, predicts the 2-thread alloc rows (the check rows). The goal (MODEL.md, issue 10) is a
// median |error| ≤ 10% and a worst ≤ 25% in every quiet sitting. It is NOT met. Medians / worsts
// today (fit of 2026-12-08):
//   sittings 7 and 8, today's harness (the plan in 5 interleaved passes, threads pinned; taken ten
//   minutes apart): 15.9% / 81% and 11.2% / 68%; sitting 9, the same harness a day later (2026-12-08,
//   03:38 UTC): 11.0% / 73%;
//   sittings 2 and 3 (the first harness: no clear-remote or held-lock rows): 16.4% / 75% and 15.0% / 59%;
//   sittings 5 and 6 (one pass, unpinned): 14.8% / 237% and 12.4% / 86%.
// Sittings 2–6 were taken with a harness that measured each point once (5 repeats of 200 ms in a row,
// threads unpinned), whose 2-thread alloc rows repeated badly: in the pairs taken minutes apart (2 and
// 3, 5 and 6) the same loop read up to 1.9× and 2.7× apart; they keep their own looser guards. In
// sittings 7 and 8 the 2-thread alloc rows agree within 1.20× but one (64 KiB after-unlock without
// work, 1.84×: bimodal, its passes read 1.0 M or 2.0 M), the 2-thread lock rows within 1.22×. A day
// later, sitting 9's 2-thread alloc rows agree with sitting 8's within 1.23× (median row 1.02×), while
// its 1-thread 256 MiB clear read 2.2× faster (64 against 29 GB/s), so its fit takes 4–256 MiB as one
// level, DRAM, and misses its own clear-remote rows by up to 150% (fit rows; the check rows do not
// clear blocks of those sizes from another core's copy, and their errors stay those below). The
// worst rows left are model errors that repeat in both: the contended loops that clear nothing
// (zeroAt never, no work: measured 7.4 M–9.5 M allocs/s, predicted 12–14 M, as the lock loop's
// hand-offs; likely missing: the free list's and the block's lines moving between the cores), and
// the 1 MiB after-unlock loops with little work (measured twice the 1-thread rate, so each core mostly
// reuses its own block; the simulation predicts the other core's rate, −33% to −67%: its two
// identical, deterministic threads likely stay in lock step and swap blocks). This test guards what
// is reached (each sitting's median and worst as they stand, with a
// little room) and prints every row's error; tighten it to the goal when the model gets there. A
// sitting known to be disturbed is listed in DISTURBED with the reason; for it the test asserts only
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

/** What the model reaches on each quiet sitting today (median, worst), with a little room; the goal is 10% / 25%. */
const REACHED_PCT: Readonly<Record<string, { median: number; worst: number }>> = {
  'c-sitting-2.jsonl': { median: 18, worst: 80 },
  'c-sitting-3.jsonl': { median: 17, worst: 65 },
  'c-sitting-5.jsonl': { median: 17, worst: 245 },
  'c-sitting-6.jsonl': { median: 15, worst: 90 },
  'c-sitting-7.jsonl': { median: 18, worst: 85 },
  'c-sitting-8.jsonl': { median: 13, worst: 72 },
  'c-sitting-9.jsonl': { median: 13, worst: 77 },
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
      if (!DISTURBED[name]) expect(REACHED_PCT[name]?.worst, name).toBeGreaterThan(0);
  });

  for (const name of sittings) {
    const disturbed = DISTURBED[name];
    const title = disturbed
      ? `${name} (disturbed, see DISTURBED): the fit runs and writes every file`
      : `${name}: median |error| ≤ ${REACHED_PCT[name].median}%, worst ≤ ${REACHED_PCT[name].worst}% on the 2-thread alloc rows (goal 10% / 25%)`;
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
      const reached = REACHED_PCT[name];
      expect(c.summary.check.medianAbsErrorPct ?? Number.NaN, table).toBeLessThanOrEqual(reached.median);
      expect(c.summary.check.maxAbsErrorPct ?? Number.NaN, table).toBeLessThanOrEqual(reached.worst);
    });
  }
});
