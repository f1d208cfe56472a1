// The one dot-path reader and copying writer that --vary, sensitivity and the report views share.
import { describe, expect, it } from 'vitest';
import { valueAt, withValueAt } from '../../sim/types/index.js';

const root = { machine: { memory: { totalClearGBps: 60 } }, heap: { maxFreeBytes: null }, cores: [1, 2] };

describe('valueAt', () => {
  it('reads nested keys, null leaves and whole objects', () => {
    expect(valueAt(root, 'machine.memory.totalClearGBps')).toBe(60);
    expect(valueAt(root, 'heap.maxFreeBytes')).toBeNull();
    expect(valueAt(root, 'machine.memory')).toEqual({ totalClearGBps: 60 });
    expect(valueAt(root, 'cores')).toEqual([1, 2]);
  });

  it('is undefined for a missing key, a key below a leaf or a list, and inherited keys', () => {
    expect(valueAt(root, 'machine.memory.pageBytes')).toBeUndefined();
    expect(valueAt(root, 'machine.memory.totalClearGBps.x')).toBeUndefined();
    expect(valueAt(root, 'heap.maxFreeBytes.x')).toBeUndefined();
    expect(valueAt(root, 'cores.0')).toBeUndefined();
    expect(valueAt(root, 'machine.toString')).toBeUndefined();
  });
});

describe('withValueAt', () => {
  it('sets the value in a deep copy and leaves the original alone', () => {
    const copy = withValueAt(root, 'machine.memory.totalClearGBps', 120);
    expect(copy.machine.memory.totalClearGBps).toBe(120);
    expect(root.machine.memory.totalClearGBps).toBe(60);
    expect(copy.cores).not.toBe(root.cores);
    expect(copy.cores).toEqual(root.cores);
  });
});
