// The JS harness (worker threads) measures every planned point of a --quick sitting, cut to a few
// seconds, whole or only the new benches, in passes, and reports progress once per measurement of
// every pass; on one CPU it leaves clear-remote out and says so. Speeds are never asserted.

import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type JsProgress, runJsHarness } from '../../sim/calibrate/harness-js.js';
import { resolveOptions } from '../../sim/calibrate/plan.js';
import { packageRoot, scratchDir, writeFile } from '../cli/helpers.js';
import { checkRows, TINY } from './check-rows.js';

describe('the JS harness', () => {
  it('prints a valid row for every point of a quick sitting, with progress per measurement', async () => {
    const progress: JsProgress[] = [];
    const rows = await runJsHarness({ ...TINY, onProgress: (p) => progress.push(p) });
    checkRows(rows, 'js', resolveOptions(TINY, availableParallelism()));
    expect(progress.map((p) => p.done)).toEqual(rows.map((_, i) => i + 1));
    expect(progress.map((p) => p.row)).toEqual(rows);
    for (const p of progress) expect(p.total).toBe(rows.length);
  });

  it('runs the plan in passes, round-robin, with progress over every pass', async () => {
    const options = { ...TINY, benches: ['clear', 'lock'] as const, passes: 2 };
    const progress: JsProgress[] = [];
    const rows = await runJsHarness({ ...options, onProgress: (p) => progress.push(p) });
    checkRows(rows, 'js', resolveOptions(options, availableParallelism()));
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.filter((p) => p.row !== undefined).map((p) => p.row)).toEqual(rows);
    for (const p of progress) expect(p.total).toBe(2 * rows.length);
  });

  it('measures only clear-remote and lock when asked: rows that read.ts accepts', async () => {
    const options = { ...TINY, benches: ['clear-remote', 'lock'] as const };
    const rows = await runJsHarness(options);
    checkRows(rows, 'js', resolveOptions(options, availableParallelism()));
    const held = rows.filter((r) => r.bench === 'lock' && r.holdNs !== undefined);
    expect(new Set(held.map((r) => r.holdNs))).toEqual(new Set([1000, 10000]));
    for (const r of held) expect(r.mutex).toBe('atomics-futex');
  });

  it('on one CPU, leaves clear-remote out with a note', () => {
    // the built harness (dist/, as the test setup compiles it) in a process allowed one CPU; a script
    // file, not --eval, since workers inherit the process's flags
    const harness = pathToFileURL(join(packageRoot, 'dist/sim/calibrate/harness-js.js')).href;
    const script = [
      `import { runJsHarness } from ${JSON.stringify(harness)};`,
      'const notes = [];',
      "const options = { quick: true, benches: ['clear-remote'], durationMs: 1, warmupMs: 1, repeats: 1 };",
      'const rows = await runJsHarness({ ...options, onNote: (line) => notes.push(line) });',
      'process.stdout.write(JSON.stringify({ rows, notes }));',
    ].join('\n');
    const file = writeFile(scratchDir(), 'one-cpu.mjs', script);
    const run = spawnSync('taskset', ['-c', '0', process.execPath, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      rows: [],
      notes: ['zerosim calibrate: clear-remote skipped: it needs 2 CPUs and this process may use 1'],
    });
  });
});
