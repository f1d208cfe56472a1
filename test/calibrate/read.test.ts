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
      'm.jsonl:3: bench: "disk" (clear, lock, fault, alloc)',
      'm.jsonl:4: blockBytes: big (a number ≥ 0)',
      'm.jsonl:4: zeroAt: "sometimes" (under-lock, after-unlock, never)',
      'm.jsonl:5: use: "maybe" (fit or check)',
      'm.jsonl:6: threads: 1.5 (an integer ≥ 1)',
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
});
