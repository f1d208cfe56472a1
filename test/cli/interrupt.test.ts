// Ctrl-C never loses data: a run interrupted at any moment leaves either the previous outputs or a
// complete new set (results.json, results.csv, report.html and charts/ all from the same run).

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../sim/types/index.js';
import { packageRoot, scratchDir, writeFile, zerosim } from './helpers.js';

const study = {
  name: 'interrupted',
  cores: [1, 2, 4, 8],
  policies: ['go1.0-under-lock', 'go1.1-after-unlock', 'no-zero'],
  workload: { sizeBytes: 1048576 },
  run: { allocationsPerCore: 1500, replications: 3 },
};

/** Starts `zerosim run` and sends SIGINT after `delayMs`; resolves with the exit code. */
function runAndInterrupt(dir: string, args: string[], delayMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageRoot, 'bin', 'zerosim.js'), ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGINT'), delayMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** The output folder's run seed, after checking every file in it comes from that one run. */
function consistentSeed(out: string): number {
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
  const seed = results.scenario.run.seed;
  const csv = readFileSync(join(out, 'results.csv'), 'utf8').trimEnd().split('\n');
  expect(csv).toHaveLength(1 + results.points.length);
  expect(csv[1].split(',').slice(0, 4)).toEqual([
    results.points[0].policy,
    String(results.points[0].cores),
    '3',
    String(results.points[0].seed),
  ]);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  expect(html).toContain(`seed ${seed}`);
  const charts = readdirSync(join(out, 'charts'));
  expect(charts.filter((f) => f.endsWith('.svg')).length).toBe(
    charts.filter((f) => f.endsWith('.vl.json')).length,
  );
  expect(charts.length).toBeGreaterThan(0);
  expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(charts.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  return seed;
}

describe('an interrupted run', () => {
  it('leaves the previous outputs or a complete new set, whenever Ctrl-C comes', async () => {
    const dir = scratchDir();
    writeFile(dir, 'study.json', study);
    expect(
      zerosim(['run', 'study.json', '--out', 'o', '--seed', '1', '--quiet', '--jobs', '1'], dir).code,
    ).toBe(0);
    expect(consistentSeed(join(dir, 'o'))).toBe(1);
    const outcomes = new Set<string>();
    // From start-up through simulation, report rendering and writing, to after the end.
    for (const delayMs of [50, 400, 900, 1400, 1900, 2400, 3000, 4000]) {
      const code = await runAndInterrupt(
        dir,
        ['run', 'study.json', '--out', 'o', '--seed', '2', '--quiet', '--jobs', '1'],
        delayMs,
      );
      const seed = consistentSeed(join(dir, 'o'));
      // interrupted (130, or killed by the signal before handlers were installed): old outputs;
      // finished (0, or 130 when Ctrl-C came during the final renames): complete new ones
      if (seed === 1) expect(code === 130 || code === null).toBe(true);
      else expect(code === 0 || code === 130).toBe(true);
      outcomes.add(`${code}:${seed}`);
      if (seed === 2) {
        // back to the old outputs for the next attempt
        expect(
          zerosim(['run', 'study.json', '--out', 'o', '--seed', '1', '--quiet', '--jobs', '1'], dir).code,
        ).toBe(0);
      }
    }
    // the delays span both outcomes
    expect([...outcomes].some((o) => o.endsWith(':1'))).toBe(true);
    expect([...outcomes].some((o) => o.endsWith(':2'))).toBe(true);
    expect(existsSync(join(dir, 'o', 'results.json'))).toBe(true);
  }, 180_000);
});
