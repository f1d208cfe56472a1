/**
 * The heap's free memory as extents, for models with cache levels: the same dirty, clean and fresh
 * byte totals as the byte pools of heap-memory.ts, computed the same way, plus which extents hold
 * them. Dirty and clean extents each wait in a list in the heap's reuse order; fresh memory is
 * unlimited, has no writer, and gets its addresses from a bump pointer. An allocation takes extents
 * until its size is covered, splitting the last one; no coalescing, no fragmentation model.
 */

import type { Taken } from '../policies/plan.js';
import type { HeapReuseOrder, ReuseOrder } from '../types/index.js';
import {
  type Block,
  Extent,
  type ExtentList,
  extentList,
  NO_WRITER,
  takeExtents,
  X_CLEAN,
  X_DIRTY,
  X_FRESH,
} from './extents.js';
import type { FreeMemory } from './free-memory.js';
import type { Writes } from './writes.js';

export class ExtentHeap implements FreeMemory {
  dirtyBytes: number;
  cleanBytes = 0;
  inUseBytes = 0;
  zeroingBytes = 0;
  freshTakenBytes = 0;
  returnedToOsBytes = 0;
  readonly taken: Taken = { dirtyBytes: 0, cleanBytes: 0, freshBytes: 0 };
  takenBlock: Block = [];
  zeroingBlock: Block = [];
  readonly dirty: ExtentList;
  readonly clean: ExtentList;
  /** the next address fresh memory gets */
  private bumpAddress = 0;
  private readonly initialBytes: number;

  constructor(
    initialDirtyBytes: number,
    private readonly maxFreeBytes: number,
    order: HeapReuseOrder,
    private readonly writes: Writes,
  ) {
    this.dirty = extentList(order);
    this.clean = extentList(order);
    this.dirtyBytes = initialDirtyBytes;
    this.initialBytes = initialDirtyBytes;
    // a warm heap's dirty memory was written before the run: by no one the caches remember
    if (initialDirtyBytes > 0) this.dirty.push(this.newExtent(initialDirtyBytes, X_DIRTY));
  }

  take(sizeBytes: number, order: ReuseOrder): Taken {
    const t = this.taken;
    const block: Block = [];
    let need = sizeBytes;
    if (order === 'dirty-first') {
      t.dirtyBytes = Math.min(need, this.dirtyBytes);
      need -= t.dirtyBytes;
      t.cleanBytes = Math.min(need, this.cleanBytes);
      need -= t.cleanBytes;
      takeExtents(this.dirty, t.dirtyBytes, block);
      takeExtents(this.clean, t.cleanBytes, block);
    } else {
      t.cleanBytes = Math.min(need, this.cleanBytes);
      need -= t.cleanBytes;
      t.dirtyBytes = Math.min(need, this.dirtyBytes);
      need -= t.dirtyBytes;
      takeExtents(this.clean, t.cleanBytes, block);
      takeExtents(this.dirty, t.dirtyBytes, block);
    }
    t.freshBytes = need;
    if (need > 0) block.push(this.newExtent(need, X_FRESH));
    this.dirtyBytes -= t.dirtyBytes;
    this.cleanBytes -= t.cleanBytes;
    this.freshTakenBytes += need;
    this.inUseBytes += sizeBytes;
    this.takenBlock = block;
    return t;
  }

  /** A span of small objects goes back as one extent, written by the core that frees it, now. */
  spanBlock(spanBytes: number, freer: number): Block {
    const extent = this.newExtent(spanBytes, X_DIRTY);
    extent.writer = freer;
    extent.writerEnd = this.writes.byWriter[freer];
    extent.globalEnd = this.writes.global;
    // Its bytes stayed in use since the refill that took them: only the pieces are new, with a new
    // address, as the small-object caches do not say which span their objects came from.
    return [extent];
  }

  free(sizeBytes: number, clean: boolean, block: Block | null): void {
    this.inUseBytes -= sizeBytes;
    const list = clean ? this.clean : this.dirty;
    const state = clean ? X_CLEAN : X_DIRTY;
    for (const extent of block as Block) {
      extent.state = state;
      list.push(extent);
    }
    if (clean) this.cleanBytes += sizeBytes;
    else this.dirtyBytes += sizeBytes;
    this.scavenge();
  }

  takeForZeroing(chunkBytes: number): number {
    const bytes = Math.min(chunkBytes, this.dirtyBytes);
    const block: Block = [];
    takeExtents(this.dirty, bytes, block);
    this.zeroingBlock = block;
    this.dirtyBytes -= bytes;
    this.zeroingBytes += bytes;
    return bytes;
  }

  zeroed(bytes: number, block: Block | null): void {
    for (const extent of block as Block) {
      extent.state = X_CLEAN;
      this.clean.push(extent);
    }
    this.zeroingBytes -= bytes;
    this.cleanBytes += bytes;
    this.scavenge();
  }

  conservationError(): number {
    const accounted = this.dirtyBytes + this.cleanBytes + this.inUseBytes + this.zeroingBytes;
    const entered = this.initialBytes + this.freshTakenBytes - this.returnedToOsBytes;
    return Math.abs(accounted - entered);
  }

  get poolsNonNegative(): boolean {
    const slack = -1e-9 * (1 + this.initialBytes + this.freshTakenBytes);
    return (
      this.dirtyBytes >= slack &&
      this.cleanBytes >= slack &&
      this.inUseBytes >= slack &&
      this.zeroingBytes >= slack
    );
  }

  /** Free extents in reuse order, dirty then clean (tests). */
  freeExtents(): { dirty: Extent[]; clean: Extent[] } {
    return { dirty: this.dirty.inOrder(), clean: this.clean.inOrder() };
  }

  private newExtent(bytes: number, state: number): Extent {
    const extent = new Extent(bytes, state, NO_WRITER, 0, 0, this.bumpAddress);
    this.bumpAddress += bytes;
    return extent;
  }

  /** Free memory beyond maxFreeBytes goes back to the OS, dirty first, next in reuse order first. */
  private scavenge(): void {
    const excess = this.dirtyBytes + this.cleanBytes - this.maxFreeBytes;
    if (excess <= 0) return;
    const fromDirty = Math.min(excess, this.dirtyBytes);
    takeExtents(this.dirty, fromDirty, []);
    takeExtents(this.clean, excess - fromDirty, []);
    this.dirtyBytes -= fromDirty;
    this.cleanBytes -= excess - fromDirty;
    this.returnedToOsBytes += excess;
  }
}
