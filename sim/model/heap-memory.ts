/**
 * The heap's free memory as byte pools, not a fragmentation model: dirty (freed, not cleared), clean
 * (zero and resident) and fresh (zero from the OS, unlimited, faults on first touch). Bytes are
 * conserved: every byte is in a pool, in use, being cleared by a zeroer, or back with the OS.
 */

import type { Taken } from '../policies/plan.js';
import type { ReuseOrder } from '../types/index.js';
import type { Block } from './extents.js';
import type { FreeMemory } from './free-memory.js';

export class HeapMemory implements FreeMemory {
  dirtyBytes: number;
  cleanBytes = 0;
  inUseBytes = 0;
  /** taken by zeroing threads, not yet clean */
  zeroingBytes = 0;
  freshTakenBytes = 0;
  returnedToOsBytes = 0;
  /** filled by take(): where the bytes of the last allocation came from */
  readonly taken: Taken = { dirtyBytes: 0, cleanBytes: 0, freshBytes: 0 };
  /** byte pools keep no blocks */
  readonly takenBlock = null;
  readonly zeroingBlock = null;
  private readonly initialBytes: number;

  constructor(
    initialDirtyBytes: number,
    /** free memory kept (dirty + clean); the excess goes back to the OS. Infinity keeps all. */
    private readonly maxFreeBytes: number,
  ) {
    this.dirtyBytes = initialDirtyBytes;
    this.initialBytes = initialDirtyBytes;
  }

  /** Takes `sizeBytes` for an allocation: the policy's first pool, then the other, then fresh memory. */
  take(sizeBytes: number, order: ReuseOrder): Taken {
    const t = this.taken;
    let need = sizeBytes;
    if (order === 'dirty-first') {
      t.dirtyBytes = Math.min(need, this.dirtyBytes);
      need -= t.dirtyBytes;
      t.cleanBytes = Math.min(need, this.cleanBytes);
      need -= t.cleanBytes;
    } else {
      t.cleanBytes = Math.min(need, this.cleanBytes);
      need -= t.cleanBytes;
      t.dirtyBytes = Math.min(need, this.dirtyBytes);
      need -= t.dirtyBytes;
    }
    t.freshBytes = need;
    this.dirtyBytes -= t.dirtyBytes;
    this.cleanBytes -= t.cleanBytes;
    this.freshTakenBytes += need;
    this.inUseBytes += sizeBytes;
    return t;
  }

  spanBlock(): null {
    return null;
  }

  /** Returns a block; it is dirty unless it was cleared on free. */
  free(sizeBytes: number, clean: boolean, _block: Block | null = null): void {
    this.inUseBytes -= sizeBytes;
    if (clean) this.cleanBytes += sizeBytes;
    else this.dirtyBytes += sizeBytes;
    this.scavenge();
  }

  /** A zeroing thread takes up to `chunkBytes` of dirty memory to clear; returns how much it got. */
  takeForZeroing(chunkBytes: number): number {
    const bytes = Math.min(chunkBytes, this.dirtyBytes);
    this.dirtyBytes -= bytes;
    this.zeroingBytes += bytes;
    return bytes;
  }

  zeroed(bytes: number, _block: Block | null = null): void {
    this.zeroingBytes -= bytes;
    this.cleanBytes += bytes;
    this.scavenge();
  }

  /** |bytes accounted − bytes that entered|: 0 up to rounding when bytes are conserved */
  conservationError(): number {
    const accounted = this.dirtyBytes + this.cleanBytes + this.inUseBytes + this.zeroingBytes;
    const entered = this.initialBytes + this.freshTakenBytes - this.returnedToOsBytes;
    return Math.abs(accounted - entered);
  }

  /** whether every pool is ≥ 0, up to the rounding of sums of byte counts (relative 1e-9) */
  get poolsNonNegative(): boolean {
    const slack = -1e-9 * (1 + this.initialBytes + this.freshTakenBytes);
    return (
      this.dirtyBytes >= slack &&
      this.cleanBytes >= slack &&
      this.inUseBytes >= slack &&
      this.zeroingBytes >= slack
    );
  }

  private scavenge(): void {
    const excess = this.dirtyBytes + this.cleanBytes - this.maxFreeBytes;
    if (excess <= 0) return;
    // Dirty memory goes back first: returning it saves clearing it later.
    const fromDirty = Math.min(excess, this.dirtyBytes);
    this.dirtyBytes -= fromDirty;
    this.cleanBytes -= excess - fromDirty;
    this.returnedToOsBytes += excess;
  }
}
