// The byte pools: allocation order, frees, zeroing threads, scavenging, and conservation.
import { describe, expect, it } from 'vitest';
import { HeapMemory } from '../../sim/model/heap-memory.js';

describe('HeapMemory', () => {
  it('takes the policy-chosen pool first, then the other, then fresh memory', () => {
    const heap = new HeapMemory(100, Number.POSITIVE_INFINITY);
    heap.free(0, true);
    heap.zeroed(0);
    expect({ ...heap.take(60, 'dirty-first') }).toEqual({ dirtyBytes: 60, cleanBytes: 0, freshBytes: 0 });
    heap.free(60, true); // now dirty 40, clean 60
    expect({ ...heap.take(80, 'clean-first') }).toEqual({ dirtyBytes: 20, cleanBytes: 60, freshBytes: 0 });
    expect({ ...heap.take(50, 'dirty-first') }).toEqual({ dirtyBytes: 20, cleanBytes: 0, freshBytes: 30 });
    expect(heap.conservationError()).toBe(0);
  });

  it('moves dirty bytes through a zeroing thread to clean', () => {
    const heap = new HeapMemory(100, Number.POSITIVE_INFINITY);
    expect(heap.takeForZeroing(64)).toBe(64);
    expect(heap.takeForZeroing(64)).toBe(36);
    expect(heap.dirtyBytes).toBe(0);
    heap.zeroed(64);
    expect(heap.cleanBytes).toBe(64);
    expect(heap.conservationError()).toBe(0);
  });

  it('returns free memory beyond maxFreeBytes to the OS, dirty first', () => {
    const heap = new HeapMemory(0, 50);
    heap.take(100, 'dirty-first');
    heap.free(80, false);
    expect(heap.dirtyBytes).toBe(50);
    expect(heap.returnedToOsBytes).toBe(30);
    expect(heap.conservationError()).toBe(0);
  });
});
