// The JS harness (worker threads) measures every planned point of a --quick sitting, cut to a few
// seconds, and reports progress once per measurement. Speeds are never asserted.

import { describe, expect, it } from 'vitest';
import { type JsProgress, runJsHarness } from '../../sim/calibrate/harness-js.js';
import { resolveOptions } from '../../sim/calibrate/plan.js';
import { checkRows, TINY } from './check-rows.js';

describe('the JS harness', () => {
  it('prints a valid row for every point of a quick sitting, with progress per measurement', async () => {
    const progress: JsProgress[] = [];
    const rows = await runJsHarness({ ...TINY, onProgress: (p) => progress.push(p) });
    checkRows(rows, 'js', resolveOptions(TINY, 2));
    expect(progress.map((p) => p.done)).toEqual(rows.map((_, i) => i + 1));
    expect(progress.map((p) => p.row)).toEqual(rows);
    for (const p of progress) expect(p.total).toBe(rows.length);
  });
});
