// The C harness compiles with the system compiler (and with every warning as an error), and its
// --quick sitting (cut to a few seconds), whole or only the new benches, in passes, prints a whole row
// for every planned point (threads pinned unless --no-pin); on one CPU it leaves clear-remote out and
// says so. Speeds are never asserted.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileLoops, findCompiler, loopsArgs, runCHarness } from '../../sim/calibrate/harness-c.js';
import { HarnessError } from '../../sim/calibrate/messages.js';
import { resolveOptions } from '../../sim/calibrate/plan.js';
import type { MeasurementRow } from '../../sim/calibrate/rows.js';
import { cSourcePath } from '../../sim/calibrate/source.js';
import { checkRows, TINY } from './check-rows.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'zerosim-c-harness-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const hasCompiler = (() => {
  try {
    findCompiler();
    return true;
  } catch {
    return false;
  }
})();

describe('the C harness', () => {
  it('finds its source beside the TypeScript module', () => {
    expect(cSourcePath()).toMatch(/sim\/calibrate\/c\/zerosim-loops\.c$/);
  });

  it('says in one line that no compiler was found', () => {
    const attempt = () => findCompiler(undefined, { PATH: '' });
    expect(attempt).toThrow(HarnessError);
    expect(attempt).toThrow(
      /^zerosim calibrate: no C compiler found on PATH \(tried cc, gcc, clang\)[^\n]*$/,
    );
  });

  it('passes its options as the C program flags', () => {
    expect(
      loopsArgs({
        quick: true,
        benches: ['clear', 'alloc'],
        threads: [1, 4],
        durationMs: 7,
        repeats: 3,
        passes: 2,
      }),
    ).toEqual([
      '--quick',
      '--bench',
      'clear,alloc',
      '--threads',
      '1,4',
      '--duration-ms',
      '7',
      '--repeats',
      '3',
      '--passes',
      '2',
    ]);
  });

  it.runIf(hasCompiler)('compiles once, then reuses the cached binary', async () => {
    const binary = await compileLoops({ cacheDir });
    const built = statSync(binary).mtimeMs;
    expect(await compileLoops({ cacheDir })).toBe(binary);
    expect(statSync(binary).mtimeMs).toBe(built);
  });

  it.runIf(hasCompiler)('refuses a bad flag with exit 2 and one line', async () => {
    const binary = await compileLoops({ cacheDir });
    const run = spawnSync(binary, ['--bench', 'sweep'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(
      "zerosim-loops: --bench: unknown bench 'sweep' (clear, clear-remote, lock, fault or alloc)",
    );
  });

  it.runIf(hasCompiler)('compiles with -O2 -pthread -Wall -Wextra -Werror', () => {
    const out = join(cacheDir, 'strict');
    const build = spawnSync(
      findCompiler(),
      ['-O2', '-pthread', '-Wall', '-Wextra', '-Werror', '-o', out, cSourcePath()],
      { encoding: 'utf8' },
    );
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it.runIf(hasCompiler)(
    'measures only clear-remote and lock when asked: rows that read.ts accepts',
    async () => {
      const options = { ...TINY, benches: ['clear-remote', 'lock'] as const };
      const rows = await runCHarness({ ...options, cacheDir });
      checkRows(rows, 'c', resolveOptions(options, availableParallelism()));
      const held = rows.filter((r) => r.bench === 'lock' && r.holdNs !== undefined);
      expect(new Set(held.map((r) => r.holdNs))).toEqual(new Set([1000, 10000]));
      for (const r of held) expect(r.mutex).toBe('pthread');
    },
  );

  it.runIf(hasCompiler)('on one CPU, leaves clear-remote out with one line on stderr', async () => {
    const binary = await compileLoops({ cacheDir });
    const args = ['--quick', '--bench', 'clear-remote', '--duration-ms', '1', '--repeats', '1'];
    const run = spawnSync('taskset', ['-c', '0', binary, ...args], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'zerosim-loops: clear-remote skipped: it needs 2 CPUs and this process may use 1\n',
    );
  });

  it.runIf(hasCompiler)(
    'runs the plan in passes, round-robin: every pass adds its repeats to each row; threads pinned',
    async () => {
      const options = { ...TINY, benches: ['clear', 'lock'] as const, passes: 2 };
      const rows = await runCHarness({ ...options, cacheDir });
      checkRows(rows, 'c', resolveOptions(options, availableParallelism()));
      for (const row of rows) expect(row.pinned).toBe(true);
      const binary = await compileLoops({ cacheDir });
      const args = ['--quick', '--bench', 'lock', '--threads', '2', '--duration-ms', '1', '--repeats', '1'];
      const run = spawnSync(binary, [...args, '--no-pin'], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      for (const line of run.stdout.trim().split('\n')) expect(JSON.parse(line).pinned).toBe(false);
    },
  );

  it.runIf(hasCompiler)(
    'prints a valid row for every point of a quick sitting, streamed as it goes',
    async () => {
      const streamed: MeasurementRow[] = [];
      const rows = await runCHarness({
        ...TINY,
        cacheDir,
        host: 'test host',
        onRow: (r) => streamed.push(r),
      });
      expect(streamed).toEqual(rows);
      checkRows(rows, 'c', resolveOptions(TINY, availableParallelism()));
      for (const row of rows) expect(row.host).toBe('test host');
    },
  );
});
