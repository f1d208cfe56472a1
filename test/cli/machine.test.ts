// Machine profiles through the real CLI: a scenario whose machine is the path of a machine.json runs as
// the same scenario with the object inline; --machine replaces the machine on run and whatif; each bad
// machine.json is one line naming the file and the field, exit 2; and the README's workflow end to end
// (calibrate --from the C sitting, then run scenarios/this-host.json on the fitted profile).

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioValue } from '../../sim/experiment/scenario/index.js';
import { loadScenario } from '../../sim/index.js';
import type { Results } from '../../sim/types/index.js';
import { lines, packageRoot, scratchDir, stackFrame, writeFile, zerosim } from './helpers.js';

const machine = {
  memory: { coreClearGBps: 7, totalClearGBps: 9, pageBytes: 4096, pageFaultNs: 7000 },
  lock: { acquireNs: 27, handoffNs: 1 },
};
const other = { memory: { coreClearGBps: 3, totalClearGBps: 3 }, lock: { handoffNs: 50 } };

/** Quick: few allocations of 1 MiB, two core counts, two replications. */
const tiny = {
  name: 'tiny',
  cores: [1, 2],
  policies: ['go1.0-under-lock', 'go1.1-after-unlock'],
  workload: { workNs: { dist: 'exponential', mean: 2000 }, sizeBytes: 1048576 },
  run: { allocationsPerCore: 300, replications: 2, seed: 7 },
};

function readResults(dir: string): Results {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
}

function ok(args: string[], cwd: string): void {
  const result = zerosim([...args, '--quiet', '--jobs', '1'], cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}

/** Exit 2, no stack trace, nothing on stdout, and exactly this one line on stderr. */
function expectOneLine(args: string[], cwd: string, line: string): void {
  const result = zerosim(args, cwd);
  expect(result.stderr).not.toMatch(stackFrame);
  expect(lines(result.stderr)).toEqual([line]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
}

describe('a scenario whose machine is a machine.json', () => {
  it('gives the same results as the object inline; the path is relative to the scenario’s folder', () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'study', 'profiles'), { recursive: true });
    writeFile(dir, 'study/profiles/m.json', machine);
    writeFile(dir, 'study/by-file.json', { ...tiny, machine: 'profiles/m.json' });
    writeFile(dir, 'inline.json', { ...tiny, machine });
    ok(['run', 'study/by-file.json', '--out', 'by-file'], dir);
    ok(['run', 'inline.json', '--out', 'inline'], dir);

    const byFile = readResults(join(dir, 'by-file'));
    const inline = readResults(join(dir, 'inline'));
    // the full machine is in the results, which stay self-contained
    expect(byFile.scenario.machine).toEqual(loadScenarioValue({ ...tiny, machine }, 'x').machine);
    expect(byFile.scenario.machineSource).toBe('profiles/m.json');
    const { machineSource: _, ...rest } = byFile.scenario;
    expect({ ...byFile, scenario: rest }).toEqual(inline);
    expect(readFileSync(join(dir, 'by-file', 'results.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'inline', 'results.csv'), 'utf8'),
    );
    // without a machine file, results.json has no such key at all
    expect(readFileSync(join(dir, 'inline', 'results.json'), 'utf8')).not.toContain('machineSource');
  });

  it('--machine replaces it on run (relative to the current folder) and on whatif', () => {
    const dir = scratchDir();
    writeFile(dir, 'other.json', other);
    writeFile(dir, 'tiny.json', { ...tiny, machine: 'not-read.json' });
    writeFile(dir, 'expected.json', { ...tiny, machine: other });
    ok(['run', 'tiny.json', '--machine', 'other.json', '--out', 'replaced'], dir);
    ok(['run', 'expected.json', '--out', 'expected'], dir);
    const replaced = readResults(join(dir, 'replaced'));
    expect(replaced.scenario.machineSource).toBe('other.json');
    expect(replaced.scenario.machine).toEqual(readResults(join(dir, 'expected')).scenario.machine);
    expect(replaced.points).toEqual(readResults(join(dir, 'expected')).points);

    ok(['whatif', 'tiny.json', '--machine', 'other.json', '--vary', 'run.seed=1,2', '--out', 'w'], dir);
    const whatif = readResults(join(dir, 'w'));
    expect(whatif.scenario.machine).toEqual(replaced.scenario.machine);
    expect(whatif.scenario.machineSource).toBe('other.json');
  });
});

describe('bad machine files: one line naming the file, the field and what was expected; exit 2', () => {
  const scenarioWith = (files: Record<string, unknown>) => {
    const dir = scratchDir();
    writeFile(dir, 'scenario.json', { ...tiny, machine: 'm.json' });
    for (const [name, content] of Object.entries(files)) writeFile(dir, name, content);
    return dir;
  };

  it('missing', () => {
    expectOneLine(
      ['run', 'scenario.json'],
      scenarioWith({}),
      `scenario.json: machine: cannot read "m.json": no such file or directory (expected a readable machine.json, by a path relative to the scenario's folder or an absolute one)`,
    );
  });

  it('missing, from another folder: where it was looked for', () => {
    const dir = scenarioWith({});
    expectOneLine(
      ['validate', join(dir, 'scenario.json')],
      scratchDir(),
      `${join(dir, 'scenario.json')}: machine: cannot read "m.json" at ${join(dir, 'm.json')}: no such file or directory (expected a readable machine.json, by a path relative to the scenario's folder or an absolute one)`,
    );
  });

  it('not JSON, located by line and column', () => {
    expectOneLine(
      ['run', 'scenario.json'],
      scenarioWith({ 'm.json': '{"memory": {"coreClearGBps": 3\n' }),
      'm.json: line 2, column 1: invalid JSON: unexpected end of text (expected "," or "}")',
    );
  });

  it('an invalid value, named inside machine.json', () => {
    expectOneLine(
      ['run', 'scenario.json'],
      scenarioWith({ 'm.json': { memory: { coreClearGBps: 0 } } }),
      'm.json: memory.coreClearGBps: got 0 (expected a number > 0)',
    );
  });

  it('an unknown key', () => {
    expectOneLine(
      ['validate', 'scenario.json'],
      scenarioWith({ 'm.json': { lock: { handoffNS: 100 } } }),
      'm.json: lock.handoffNS: unknown key; did you mean "handoffNs"? (expected one of kind, acquireNs, handoffNs, migrateNs, perWaiterNs, spinNs, wakeNs, wakeLatencyNs)',
    );
  });

  it('a machine string in a machine.json', () => {
    expectOneLine(
      ['run', 'scenario.json'],
      scenarioWith({ 'm.json': '"other.json"' }),
      'm.json: (top level): "other.json" names another file (expected a machine object such as {"memory": {...}, "lock": {...}}: a machine.json cannot name another machine.json)',
    );
  });

  it('--machine missing', () => {
    expectOneLine(
      ['run', 'scenario.json', '--machine', 'nope.json'],
      scenarioWith({}),
      '--machine: cannot read "nope.json": no such file or directory (expected a readable machine.json, relative to the current folder)',
    );
  });

  it('--machine invalid, or given a calibration.json', () => {
    const dir = scenarioWith({
      'bad.json': { memory: { pageBytes: 1.5 } },
      'calibration.json': { machine, rows: [], summary: {} },
    });
    expectOneLine(
      ['whatif', 'scenario.json', '--machine', 'bad.json', '--vary', 'run.seed=1,2'],
      dir,
      'bad.json: memory.pageBytes: got 1.5 (expected an integer >= 1)',
    );
    expectOneLine(
      ['run', 'scenario.json', '--machine', 'calibration.json'],
      dir,
      'calibration.json: machine: found a "machine" key, as in a scenario or a calibration.json (expected the machine section itself at the top level, {"memory": {...}, "lock": {...}}, as calibrate writes machine.json)',
    );
  });
});

describe('the library’s loadScenario', () => {
  it('reads a file’s machine string from the file’s folder, and an object’s from baseDir', () => {
    const dir = scratchDir();
    writeFile(dir, 'm.json', machine);
    const file = writeFile(dir, 's.json', { ...tiny, machine: 'm.json' });
    const expected = { ...loadScenarioValue({ ...tiny, machine }, 'x'), machineSource: 'm.json' };
    expect(loadScenario(file)).toEqual(expected);
    expect(loadScenario({ ...tiny, machine: 'm.json' }, 'obj', { baseDir: dir })).toEqual(expected);
    expect(() => loadScenario({ ...tiny, machine: 'm.json' }, 'obj')).toThrow(
      /^obj: machine: "m.json" is a machine.json path, but this scenario has no folder/,
    );
  });
});

describe('Predicting this host (README)', () => {
  // the fit of every row of a sitting simulates 37 loops per trial: about 40 s on the 2-core VM (2026-12-08)
  it('calibrate --from the C sitting, then run scenarios/this-host.json with --machine', {
    timeout: 400_000,
  }, () => {
    const dir = scratchDir();
    // the newest quiet sitting, with clear-remote and held-lock rows (see test/calibrate/sittings.test.ts)
    const sitting = join(packageRoot, 'test', 'fixtures', 'measurements', 'c-sitting-8.jsonl');
    const calibrated = zerosim(['calibrate', '--from', sitting, '--out', 'cal', '--quiet'], dir);
    expect(calibrated.stderr).toBe('');
    expect(calibrated.code).toBe(0);
    const fitted = JSON.parse(readFileSync(join(dir, 'cal', 'machine.json'), 'utf8')) as typeof machine;

    // the shipped profile is this fit, rounded to 3 significant figures (integers kept), cache levels
    // included
    const shipped = JSON.parse(
      readFileSync(join(packageRoot, 'scenarios', 'machines', '2-core-cloud-vm.json'), 'utf8'),
    ) as typeof machine;
    const same = (rounded: unknown, value: unknown, path: string): void => {
      if (typeof value === 'number') {
        if (value === 0 || Number.isInteger(value)) expect(rounded, path).toBe(value);
        else
          expect(Math.abs((rounded as number) / value - 1), `${path}: ${rounded} for ${value}`).toBeLessThan(
            0.005,
          );
      } else if (value !== null && typeof value === 'object') {
        expect(Object.keys(rounded as object), path).toEqual(Object.keys(value));
        for (const [key, v] of Object.entries(value))
          same((rounded as Record<string, unknown>)[key], v, `${path}.${key}`);
      } else expect(rounded, path).toEqual(value);
    };
    same(shipped, fitted, 'machine');

    const scenario = join(packageRoot, 'scenarios', 'this-host.json');
    const args = ['run', scenario, '--replications', '2', '--quiet', '--jobs', '1'];
    ok([...args, '--machine', join('cal', 'machine.json'), '--out', 'predicted'], dir);
    ok([...args, '--out', 'shipped'], dir);
    const predicted = readResults(join(dir, 'predicted'));
    expect(predicted.scenario.machineSource).toBe(join('cal', 'machine.json'));
    expect(predicted.scenario.machine.memory).toEqual(fitted.memory);
    expect(readResults(join(dir, 'shipped')).scenario.machineSource).toBe('machines/2-core-cloud-vm.json');
  });
});
