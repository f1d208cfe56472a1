// The extent heap takes the extents its reuse order says, splits the last one keeping addresses and
// write stamps, and keeps the same byte totals as the byte pools it replaces when caches are given.
import { describe, expect, it } from 'vitest';
import { ExtentHeap } from '../../sim/model/extent-heap.js';
import type { Block } from '../../sim/model/extents.js';
import { HeapMemory } from '../../sim/model/heap-memory.js';
import { Writes } from '../../sim/model/writes.js';
import type { HeapReuseOrder } from '../../sim/types/index.js';

const inf = Number.POSITIVE_INFINITY;

/** A heap with three blocks taken fresh (A 100 B at 0, B 200 B at 100, C 300 B at 300), not yet freed. */
function threeBlocks(order: HeapReuseOrder) {
  const heap = new ExtentHeap(0, inf, order, new Writes(1));
  const take = (bytes: number) => {
    heap.take(bytes, 'dirty-first');
    return heap.takenBlock;
  };
  return { heap, a: take(100), b: take(200), c: take(300) };
}

/** [address, bytes] of each piece */
const layout = (block: Block) => block.map((x) => [x.address, x.bytes]);

describe('ExtentHeap reuse orders', () => {
  it('gets fresh addresses from a bump pointer', () => {
    const { a, b, c } = threeBlocks('lifo');
    expect([layout(a), layout(b), layout(c)]).toEqual([[[0, 100]], [[100, 200]], [[300, 300]]]);
  });

  it('lifo: the extent freed last goes first, and the rest of a split stays on top', () => {
    const { heap, a, b, c } = threeBlocks('lifo');
    heap.free(100, false, a);
    heap.free(200, false, b);
    heap.free(300, false, c);
    heap.take(250, 'dirty-first');
    expect(layout(heap.takenBlock)).toEqual([[300, 250]]);
    heap.take(100, 'dirty-first');
    expect(layout(heap.takenBlock)).toEqual([
      [550, 50],
      [100, 50],
    ]);
    expect(layout(heap.freeExtents().dirty)).toEqual([
      [150, 150],
      [0, 100],
    ]);
  });

  it('fifo: the extent freed first goes first', () => {
    const { heap, a, b, c } = threeBlocks('fifo');
    heap.free(300, false, c);
    heap.free(100, false, a);
    heap.free(200, false, b);
    heap.take(350, 'dirty-first');
    expect(layout(heap.takenBlock)).toEqual([
      [300, 300],
      [0, 50],
    ]);
    expect(layout(heap.freeExtents().dirty)).toEqual([
      [50, 50],
      [100, 200],
    ]);
  });

  it('address: the lowest address goes first, whatever the order of frees', () => {
    const { heap, a, b, c } = threeBlocks('address');
    heap.free(300, false, c);
    heap.free(200, false, b);
    heap.free(100, false, a);
    heap.take(150, 'dirty-first');
    expect(layout(heap.takenBlock)).toEqual([
      [0, 100],
      [100, 50],
    ]);
    heap.take(500, 'dirty-first');
    // the rest of B, all of C, then 50 fresh bytes from the bump pointer (which stood at 600)
    expect(layout(heap.takenBlock)).toEqual([
      [150, 150],
      [300, 300],
      [600, 50],
    ]);
    expect(heap.taken).toEqual({ dirtyBytes: 450, cleanBytes: 0, freshBytes: 50 });
  });

  it("the policy's reuseOrder picks dirty or clean extents first; the heap's orders within each", () => {
    for (const [order, first] of [
      ['dirty-first', [0, 100]],
      ['clean-first', [100, 200]],
    ] as const) {
      const { heap, a, b } = threeBlocks('lifo');
      heap.free(100, false, a);
      heap.free(200, true, b);
      heap.take(250, order);
      expect(layout(heap.takenBlock)[0]).toEqual(first);
      expect(heap.taken).toEqual(
        order === 'dirty-first'
          ? { dirtyBytes: 100, cleanBytes: 150, freshBytes: 0 }
          : { dirtyBytes: 50, cleanBytes: 200, freshBytes: 0 },
      );
    }
  });

  it('splitting keeps the writer; the front was written before the rest', () => {
    const { heap, a } = threeBlocks('lifo');
    // as if core 0 cleared A when its counters stood at 900 (own) and 5000 (all writers)
    a[0].writer = 0;
    a[0].writerEnd = 1000;
    a[0].globalEnd = 5100;
    heap.free(100, false, a);
    heap.take(30, 'dirty-first');
    const [front] = heap.takenBlock;
    const [rest] = heap.freeExtents().dirty;
    expect([front.writer, front.writerEnd, front.globalEnd, front.address]).toEqual([0, 930, 5030, 0]);
    expect([rest.writer, rest.writerEnd, rest.globalEnd, rest.address]).toEqual([0, 1000, 5100, 30]);
  });

  it('a freed small-object span is one extent, written by the freeing core just now', () => {
    const writes = new Writes(2);
    writes.byWriter[1] = 4096;
    writes.global = 10_000;
    const heap = new ExtentHeap(0, inf, 'lifo', writes);
    const [span] = heap.spanBlock(65536, 1);
    expect([span.bytes, span.writer, span.writerEnd, span.globalEnd]).toEqual([65536, 1, 4096, 10_000]);
  });

  it('keeps the byte totals of the byte pools through takes, frees, zeroing and scavenging', () => {
    for (const order of ['lifo', 'fifo', 'address'] as const) {
      const pools = new HeapMemory(5000, 20_000);
      const extents = new ExtentHeap(5000, 20_000, order, new Writes(1));
      const live: Array<[number, Block]> = [];
      let x = 12345;
      const next = () => {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        return x;
      };
      for (let step = 0; step < 2000; step++) {
        const r = next() % 4;
        if (r <= 1 || live.length === 0) {
          const size = 1 + (next() % 3000);
          const reuse = r === 0 ? 'dirty-first' : 'clean-first';
          expect(extents.take(size, reuse)).toEqual(pools.take(size, reuse));
          live.push([size, extents.takenBlock]);
        } else if (r === 2) {
          const [size, block] = live.splice(next() % live.length, 1)[0];
          const clean = next() % 2 === 0;
          pools.free(size, clean);
          extents.free(size, clean, block);
        } else {
          const bytes = extents.takeForZeroing(512);
          expect(bytes).toBe(pools.takeForZeroing(512));
          const sum = extents.zeroingBlock.reduce((s, e) => s + e.bytes, 0);
          expect(sum).toBe(bytes);
          pools.zeroed(bytes);
          extents.zeroed(bytes, extents.zeroingBlock);
        }
        const free = extents.freeExtents();
        const total = (xs: Block) => xs.reduce((s, e) => s + e.bytes, 0);
        expect([total(free.dirty), total(free.clean)]).toEqual([pools.dirtyBytes, pools.cleanBytes]);
      }
      expect(extents.conservationError()).toBe(0);
    }
  });
});
