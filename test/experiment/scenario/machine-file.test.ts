// A scenario's machine as the path of a machine.json: read through the reader the caller passes in,
// validated as the `machine` section (problems named inside the machine file), replaced by an override;
// without a machine string nothing changes, not even a key.

import { describe, expect, it } from 'vitest';
import {
  InputError,
  loadMachineText,
  loadScenarioText,
  loadScenarioValue,
  type MachineFileText,
  type MachineReader,
} from '../../../sim/experiment/scenario/index.js';

const machine = {
  memory: { coreClearGBps: 7, totalClearGBps: 9, pageBytes: 4096, pageFaultNs: 7000 },
  lock: { acquireNs: 27, handoffNs: 1 },
};
const base = { name: 'host', cores: [1, 2], workload: { sizeBytes: 1048576 } };

/** A reader over in-memory files, as if the scenario's folder were `dir/`; records what it was asked. */
function fakeReader(files: Record<string, string>, dir = 'dir/') {
  const asked: string[] = [];
  const read: MachineReader = (path): MachineFileText => {
    asked.push(path);
    const file = `${dir}${path}`;
    return Object.hasOwn(files, path)
      ? { file, text: files[path] }
      : { file, reason: 'no such file or directory' };
  };
  return { read, asked };
}

function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('a machine string', () => {
  it('loads the machine.json it names: the same scenario as the object inline, plus machineSource', () => {
    const { read, asked } = fakeReader({ 'm.json': JSON.stringify(machine) });
    const fromFile = loadScenarioText(JSON.stringify({ ...base, machine: 'm.json' }), 's.json', {
      readMachine: read,
    });
    const inline = loadScenarioValue({ ...base, machine }, 's.json');
    expect(asked).toEqual(['m.json']);
    expect(fromFile).toEqual({ ...inline, machineSource: 'm.json' });
    // the key follows machine, and a scenario without a machine string has none
    expect(Object.keys(fromFile).slice(5, 7)).toEqual(['machine', 'machineSource']);
    expect(Object.hasOwn(inline, 'machineSource')).toBe(false);
  });

  it('fills the machine file’s missing fields with the scenario defaults', () => {
    const { read } = fakeReader({ 'm.json': '{"memory": {"coreClearGBps": 3}}' });
    const scenario = loadScenarioValue({ ...base, machine: 'm.json' }, 's.json', { readMachine: read });
    const defaults = loadScenarioValue({ ...base, machine: { memory: { coreClearGBps: 3 } } }, 's.json');
    expect(scenario.machine).toEqual(defaults.machine);
    expect(scenario.machine.lock).toEqual({
      kind: 'fifo',
      acquireNs: 20,
      handoffNs: 200,
      migrateNs: 0,
      perWaiterNs: 0,
      spinNs: 0,
      wakeNs: 0,
      wakeLatencyNs: 0,
    });
  });

  it('resolves to a scenario that loads back to itself, machineSource and all', () => {
    const { read } = fakeReader({ 'm.json': JSON.stringify(machine) });
    const scenario = loadScenarioValue({ ...base, machine: 'm.json' }, 's.json', { readMachine: read });
    expect(loadScenarioValue(JSON.parse(JSON.stringify(scenario)), 'results.json')).toEqual(scenario);
  });

  it('is refused, saying why, where no reader (no folder) is given', () => {
    expect(problems(() => loadScenarioValue({ ...base, machine: 'm.json' }, 'scenario'))).toEqual([
      'scenario: machine: "m.json" is a machine.json path, but this scenario has no folder to find it from (expected a machine object, or a base folder for the path (loadScenario(object, source, { baseDir })))',
    ]);
  });
});

describe('an override (--machine)', () => {
  it('replaces the machine object or string, and the scenario’s own file is not read', () => {
    const { read, asked } = fakeReader({});
    const value = loadMachineText(JSON.stringify(machine), 'cal/machine.json');
    const override = { value, source: 'cal/machine.json' };
    for (const own of ['missing.json', { memory: { coreClearGBps: 99 } }]) {
      const scenario = loadScenarioValue({ ...base, machine: own }, 's.json', {
        readMachine: read,
        machine: override,
      });
      expect(scenario).toEqual({
        ...loadScenarioValue({ ...base, machine }, 's.json'),
        machineSource: 'cal/machine.json',
      });
    }
    expect(asked).toEqual([]);
  });
});

describe('a bad machine.json: one line each, named by the file and the field', () => {
  const load = (files: Record<string, string>, scenario: object = { ...base, machine: 'm.json' }) =>
    problems(() => loadScenarioValue(scenario, 's.json', { readMachine: fakeReader(files).read }));

  it('missing: the scenario file’s machine field, the path as written and where it was looked for', () => {
    expect(load({})).toEqual([
      `s.json: machine: cannot read "m.json" at dir/m.json: no such file or directory (expected a readable machine.json, by a path relative to the scenario's folder or an absolute one)`,
    ]);
  });

  it('not JSON: the machine file’s line and column', () => {
    expect(load({ 'm.json': '{\n  "memory": {"coreClearGBps": 3,}\n}' })).toEqual([
      'dir/m.json: line 2, column 33: invalid JSON: unexpected "}" (expected a property name in double quotes; JSON allows no trailing comma)',
    ]);
  });

  it('invalid values and unknown keys: paths inside the machine file, every one at once', () => {
    const text = JSON.stringify({ memory: { coreClearGBps: -1, pageFaultNS: 3 }, lock: 5, cache: {} });
    expect(load({ 'm.json': text })).toEqual([
      'dir/m.json: memory.coreClearGBps: got -1 (expected a number > 0)',
      'dir/m.json: memory.pageFaultNS: unknown key; did you mean "pageFaultNs"? (expected one of coreClearGBps, totalClearGBps, pageBytes, pageFaultNs, caches)',
      'dir/m.json: lock: got 5 (expected an object)',
      'dir/m.json: cache: unknown key (expected one of memory, lock)',
    ]);
  });

  it('a machine string inside a machine.json, and a whole scenario or calibration.json in its place', () => {
    expect(load({ 'm.json': '"other.json"' })).toEqual([
      'dir/m.json: (top level): "other.json" names another file (expected a machine object such as {"memory": {...}, "lock": {...}}: a machine.json cannot name another machine.json)',
    ]);
    expect(load({ 'm.json': JSON.stringify({ machine, rows: [], summary: {} }) })).toEqual([
      'dir/m.json: machine: found a "machine" key, as in a scenario or a calibration.json (expected the machine section itself at the top level, {"memory": {...}, "lock": {...}}, as calibrate writes machine.json)',
    ]);
  });

  it('comes with the scenario’s own problems, all at once', () => {
    expect(load({}, { ...base, cores: [0], machine: 'm.json' })).toEqual([
      `s.json: machine: cannot read "m.json" at dir/m.json: no such file or directory (expected a readable machine.json, by a path relative to the scenario's folder or an absolute one)`,
      's.json: cores[0]: got 0 (expected an integer from 1 to 65536)',
    ]);
  });

  it('an empty string or a number is neither an object nor a path', () => {
    for (const value of ['', 5])
      expect(load({}, { ...base, machine: value })).toEqual([
        `s.json: machine: got ${JSON.stringify(value)} (expected a machine object such as {"memory": {...}, "lock": {...}}, or the path of a machine.json)`,
      ]);
  });
});
