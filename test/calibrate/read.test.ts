// MEASUREMENTS.jsonl reading: every bad row is one `FILE:LINE: field: what (expected)` line, all at once.

import { describe, expect, it } from 'vitest';
import { markCheckRows, readMeasurements } from '../../sim/calibrate/read.js';
import { InputError } from '../../sim/experiment/scenario/index.js';

function problems(text: string): string[] {
  try {
    readMeasurements(text, 'm.jsonl');
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [];
}

describe('readMeasurements', () => {
  it('reads rows, settles their use and skips blank lines', () => {
    const rows = readMeasurements(
      '{"bench":"clear","blockBytes":65536,"threads":1,"gbPerSec":30}\n\n{"bench":"fault","pageBytes":4096,"threads":1,"nsPerPage":900,"use":"check"}\n',
      'm.jsonl',
    );
    expect(rows.map((r) => [r.line, r.use, r.measured])).toEqual([
      [1, 'fit', 30],
      [3, 'check', 900],
    ]);
  });

  it('reports one line per problem, with file and line', () => {
    const text = [
      '{"bench":"clear","blockBytes":65536,"threads":1,"gbPerSec":30}',
      'not json',
      '{"bench":"disk","threads":1}',
      '{"bench":"alloc","blockBytes":"big","threads":1,"workNs":0,"zeroAt":"sometimes","allocsPerSec":5}',
      '{"bench":"lock","threads":2,"workNs":0,"opsPerSec":0,"use":"maybe"}',
      '{"bench":"lock","threads":1.5,"workNs":0,"opsPerSec":10}',
    ].join('\n');
    expect(problems(text)).toEqual([
      'm.jsonl:2: not a JSON object (one JSON object a line; Unexpected token \'o\', "not json" is not valid JSON)',
      'm.jsonl:3: bench: "disk" (clear, clear-remote, lock, fault, alloc)',
      'm.jsonl:4: blockBytes: big (a number ≥ 0)',
      'm.jsonl:4: zeroAt: "sometimes" (under-lock, after-unlock, never)',
      'm.jsonl:5: use: "maybe" (fit or check)',
      'm.jsonl:6: threads: 1.5 (an integer ≥ 1)',
    ]);
  });

  it('reads clear-remote rows and lock rows with busy work inside the lock', () => {
    const rows = readMeasurements(
      [
        '{"bench":"clear-remote","blockBytes":65536,"threads":1,"gbPerSec":12}',
        '{"bench":"lock","threads":2,"workNs":0,"holdNs":1000,"opsPerSec":9e5}',
        '{"bench":"lock","threads":2,"workNs":0,"holdNs":0,"opsPerSec":9e6}',
      ].join('\n'),
      'm.jsonl',
    );
    expect(rows.map((r) => [r.row.bench, r.measured, r.row.holdNs])).toEqual([
      ['clear-remote', 12, undefined],
      ['lock', 9e5, 1000],
      ['lock', 9e6, 0],
    ]);
  });

  it('reports a bad clear-remote row and a bad holdNs, one line each', () => {
    const text = [
      '{"bench":"clear-remote","blockBytes":65536,"gbPerSec":"fast"}',
      '{"bench":"clear-remote","blockBytes":0,"threads":2,"gbPerSec":8}',
      '{"bench":"clear-remote","blockBytes":65536,"threads":0,"gbPerSec":8}',
      '{"bench":"lock","threads":2,"workNs":0,"holdNs":-5,"opsPerSec":10}',
      '{"bench":"lock","threads":2,"workNs":0,"holdNs":"long","opsPerSec":10}',
      '{"bench":"lock","threads":2,"workNs":0,"holdNs":null,"opsPerSec":10}',
    ].join('\n');
    expect(problems(text)).toEqual([
      'm.jsonl:1: threads: undefined (a number ≥ 0)',
      'm.jsonl:1: gbPerSec: fast (a number ≥ 0)',
      'm.jsonl:2: blockBytes: 0 (a size > 0)',
      'm.jsonl:3: threads: 0 (an integer ≥ 1)',
      'm.jsonl:4: holdNs: -5 (a number ≥ 0, or absent for an empty critical section)',
      'm.jsonl:5: holdNs: long (a number ≥ 0, or absent for an empty critical section)',
      'm.jsonl:6: holdNs: null (a number ≥ 0, or absent for an empty critical section)',
    ]);
  });

  it('refuses a block of 0 bytes', () => {
    expect(problems('{"bench":"clear","blockBytes":0,"threads":1,"gbPerSec":3}')).toEqual([
      'm.jsonl:1: blockBytes: 0 (a size > 0)',
    ]);
  });

  it('refuses a measured value of 0 and an empty file', () => {
    expect(problems('{"bench":"lock","threads":2,"workNs":0,"opsPerSec":0}')).toEqual([
      'm.jsonl:1: opsPerSec: 0 (a measured value > 0)',
    ]);
    expect(problems('\n\n')).toEqual(['m.jsonl: no measurement rows (one JSON object a line, CONTRACTS.md)']);
  });

  it('marks rows matching a selector as check rows', () => {
    const rows = readMeasurements(
      '{"bench":"lock","threads":1,"workNs":0,"opsPerSec":10}\n{"bench":"lock","threads":2,"workNs":0,"opsPerSec":10}',
      'm.jsonl',
    );
    expect(markCheckRows(rows, 'bench=lock,threads=2').map((r) => r.use)).toEqual(['fit', 'check']);
    expect(() => markCheckRows(rows, 'threads')).toThrow(InputError);
  });

  it("selects lock rows by holdNs, a row without one being today's empty critical section (0)", () => {
    const rows = readMeasurements(
      [
        '{"bench":"lock","threads":2,"workNs":0,"opsPerSec":10}',
        '{"bench":"lock","threads":2,"workNs":0,"holdNs":1000,"opsPerSec":10}',
        '{"bench":"clear-remote","blockBytes":65536,"threads":2,"gbPerSec":8}',
      ].join('\n'),
      'm.jsonl',
    );
    expect(markCheckRows(rows, 'bench=lock,holdNs=0').map((r) => r.use)).toEqual(['check', 'fit', 'fit']);
    expect(markCheckRows(rows, 'holdNs=1000').map((r) => r.use)).toEqual(['fit', 'check', 'fit']);
    expect(markCheckRows(rows, 'bench=clear-remote').map((r) => r.use)).toEqual(['fit', 'fit', 'check']);
    // the default selector is unchanged: none of these is a 2-thread alloc row
    expect(markCheckRows(rows, 'bench=alloc,threads=2').map((r) => r.use)).toEqual(['fit', 'fit', 'fit']);
  });
});
