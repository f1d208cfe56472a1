/**
 * Free memory as extents (MODEL.md, "Blocks remember who wrote them"): runs of bytes that remember
 * their state and who wrote them last, and when, counted in that writer's written bytes and in all
 * writers' (for shared cache levels). A list of free extents hands them out in the heap's reuse
 * order: the last freed first, the first freed first, or the lowest address first.
 */
import type { HeapReuseOrder } from '../types/index.js';

export const X_DIRTY = 0;
export const X_CLEAN = 1;
export const X_FRESH = 2;

/** No one wrote the bytes since they came from the OS (or since the run began, for a warm heap). */
export const NO_WRITER = -1;

export class Extent {
  constructor(
    public bytes: number,
    /** X_DIRTY, X_CLEAN or X_FRESH: what the bytes were when the heap last held them */
    public state: number,
    public writer: number,
    /** the writer's written-bytes counter when its write of these bytes ended */
    public writerEnd: number,
    /** every writer's written bytes together, at the same moment */
    public globalEnd: number,
    public address: number,
  ) {}

  /**
   * Splits off the first `bytes` (< this.bytes) and returns them; this keeps the rest. Bytes are
   * written in address order, so the front's write ended `rest` bytes before this one's did.
   */
  splitFront(bytes: number): Extent {
    const rest = this.bytes - bytes;
    const front = new Extent(
      bytes,
      this.state,
      this.writer,
      this.writerEnd - rest,
      this.globalEnd - rest,
      this.address,
    );
    this.bytes = rest;
    this.address += bytes;
    return front;
  }
}

/** The pieces of one block (an allocation, a freed span, a zeroing thread's chunk), in address order. */
export type Block = Extent[];

/** Free extents in a reuse order: peek() is the one the next taker gets. */
export interface ExtentList {
  readonly size: number;
  push(extent: Extent): void;
  peek(): Extent;
  pop(): Extent;
  /** every extent, the next taken first (tests) */
  inOrder(): Extent[];
}

/** A free list: the extent freed last goes first. */
class LifoList implements ExtentList {
  private readonly items: Extent[] = [];
  get size(): number {
    return this.items.length;
  }
  push(extent: Extent): void {
    this.items.push(extent);
  }
  peek(): Extent {
    return this.items[this.items.length - 1];
  }
  pop(): Extent {
    return this.items.pop() as Extent;
  }
  inOrder(): Extent[] {
    return this.items.slice().reverse();
  }
}

/** A queue: the extent freed first goes first. */
class FifoList implements ExtentList {
  private items: Extent[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  push(extent: Extent): void {
    this.items.push(extent);
  }
  peek(): Extent {
    return this.items[this.head];
  }
  pop(): Extent {
    const extent = this.items[this.head++];
    // drop the consumed prefix now and then, so memory follows the queue's length
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return extent;
  }
  inOrder(): Extent[] {
    return this.items.slice(this.head);
  }
}

/**
 * The lowest address first, in a binary heap. Free extents never overlap, so splitting the front off
 * the lowest one leaves a rest that is still below every other: it stays on top without a sift.
 */
class AddressList implements ExtentList {
  private readonly items: Extent[] = [];
  get size(): number {
    return this.items.length;
  }
  push(extent: Extent): void {
    const items = this.items;
    let i = items.length;
    items.push(extent);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].address <= extent.address) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = extent;
  }
  peek(): Extent {
    return this.items[0];
  }
  pop(): Extent {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as Extent;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && items[r].address < items[l].address ? r : l;
        if (items[c].address >= last.address) break;
        items[i] = items[c];
        i = c;
      }
      items[i] = last;
    }
    return top;
  }
  inOrder(): Extent[] {
    return this.items.slice().sort((a, b) => a.address - b.address);
  }
}

const lists: Readonly<Record<HeapReuseOrder, () => ExtentList>> = {
  lifo: () => new LifoList(),
  fifo: () => new FifoList(),
  address: () => new AddressList(),
};

export function extentList(order: HeapReuseOrder): ExtentList {
  return lists[order]();
}

/**
 * Moves `bytes` from the front of `list` into `out`, splitting the last extent taken. Stops early if
 * the list runs dry (rounding of byte sums, never more).
 */
export function takeExtents(list: ExtentList, bytes: number, out: Block): void {
  let need = bytes;
  while (need > 0 && list.size > 0) {
    const extent = list.peek();
    if (extent.bytes <= need) {
      out.push(list.pop());
      need -= extent.bytes;
    } else {
      out.push(extent.splitFront(need));
      need = 0;
    }
  }
}
