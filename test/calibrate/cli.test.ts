// `zerosim calibrate --from`: bad rows give one line each and exit 2; the trial sitting writes every
// file in the contract's shape.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, packageRoot, scratchDir, stackFrame, writeFile, zerosim } from '../cli/helpers.js';

const SITTING = join(packageRoot, 'test/fixtures/measurements/c-sitting-1.jsonl');

describe('zerosim calibrate --from', () => {
  it('refuses a file with bad rows: one line per problem, exit 2, no stack', () => {
    const dir = scratchDir();
    writeFile(
      dir,
      'bad.jsonl',
      [
        '{"bench":"clear","blockBytes":65536,"threads":1,"gbPerSec":30}',
        '{"bench":"clear","blockBytes":-1,"threads":1,"gbPerSec":30}',
        '{"bench":"alloc","blockBytes":65536,"threads":1,"workNs":0,"zeroAt":"later","allocsPerSec":5}',
        '[1,2]',
        '{"bench":"clear-remote","blockBytes":65536,"threads":1,"gbPerSec":-2}',
        '{"bench":"lock","threads":2,"workNs":0,"holdNs":-1,"opsPerSec":5}',
      ].join('\n'),
    );
    const r = zerosim(['calibrate', '--from', 'bad.jsonl', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(stackFrame);
    expect(lines(r.stderr)).toEqual([
      'bad.jsonl:2: blockBytes: -1 (a number ≥ 0)',
      'bad.jsonl:3: zeroAt: "later" (under-lock, after-unlock, never)',
      'bad.jsonl:4: not a JSON object (one JSON object a line)',
      'bad.jsonl:5: gbPerSec: -2 (a number ≥ 0)',
      'bad.jsonl:6: holdNs: -1 (a number ≥ 0, or absent for an empty critical section)',
    ]);
  });

  it('refuses a missing file with one line', () => {
    const r = zerosim(['calibrate', '--from', 'nowhere.jsonl']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('nowhere.jsonl');
  });

  it('fits the trial sitting and writes machine.json, calibration.json and calibration.html', () => {
    const dir = scratchDir();
    const r = zerosim(
      ['calibrate', '--from', SITTING, '--out', 'tmp', '--check', 'bench=alloc,threads=2'],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fit: 51 rows, median \|error\| [\d.]+%, worst [\d.]+%\ncheck: 27 rows/);
    const machine = JSON.parse(readFileSync(join(dir, 'tmp/machine.json'), 'utf8'));
    expect(Object.keys(machine.memory)).toEqual(
      expect.arrayContaining(['coreClearGBps', 'totalClearGBps', 'pageBytes', 'pageFaultNs']),
    );
    expect(Object.keys(machine.lock)).toEqual(expect.arrayContaining(['acquireNs', 'handoffNs']));
    const c = JSON.parse(readFileSync(join(dir, 'tmp/calibration.json'), 'utf8'));
    expect(c.machine).toEqual(machine);
    expect(c.rows).toHaveLength(78);
    for (const row of c.rows) {
      expect(['fit', 'check']).toContain(row.use);
      expect(Number.isFinite(row.predicted)).toBe(true);
      expect(row.errorPct).toBeCloseTo((100 * (row.predicted - row.measured)) / row.measured, 9);
    }
    for (const use of ['fit', 'check']) {
      expect(typeof c.summary[use].medianAbsErrorPct).toBe('number');
      expect(typeof c.summary[use].maxAbsErrorPct).toBe('number');
    }
    expect(c.rows.filter((row: { use: string }) => row.use === 'check')).toHaveLength(27);
    const html = readFileSync(join(dir, 'tmp/calibration.html'), 'utf8');
    for (const chart of ['clear', 'lock', 'fault', 'alloc']) expect(html).toContain(`id="chart-${chart}"`);
  });

  it('reads the rows from standard input with --from -', () => {
    const dir = scratchDir();
    // the sitting's 1-thread rows: what is read from stdin is the point here, not a simulated fit
    const oneThread = readFileSync(SITTING, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && JSON.parse(line).threads === 1);
    const r = spawnWithInput(['calibrate', '--from', '-', '--out', 'o'], dir, `${oneThread.join('\n')}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(readFileSync(join(dir, 'o/calibration.json'), 'utf8'));
    expect(c.source).toBe('stdin');
    expect(c.rows).toHaveLength(oneThread.length);
    expect(c.summary.check.rows).toBe(0);
  });
});

function spawnWithInput(args: string[], cwd: string, input: string) {
  const result = spawnSync(process.execPath, [join(packageRoot, 'bin/zerosim.js'), ...args], {
    cwd,
    input,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
