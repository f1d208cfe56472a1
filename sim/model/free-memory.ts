/**
 * What the model asks of the heap's free memory, whichever way it is kept: byte pools (HeapMemory,
 * with no cache levels) or extents that remember their writers (ExtentHeap). The system picks one at
 * construction; the pool heap has no blocks, so its block arguments and results are null.
 */
import type { Taken } from '../policies/plan.js';
import type { ReuseOrder } from '../types/index.js';
import type { Block } from './extents.js';

export interface FreeMemory {
  /** bytes taken from the OS so far */
  readonly freshTakenBytes: number;
  /** Takes `sizeBytes` for an allocation: the policy's first pool, then the other, then fresh memory. */
  take(sizeBytes: number, order: ReuseOrder): Taken;
  /** the pieces of the last take, which the allocation keeps until freed (null: byte pools) */
  readonly takenBlock: Block | null;
  /** The block a core returns for a span of small objects: written by that core, just now. */
  spanBlock(spanBytes: number, freer: number): Block | null;
  /** Returns a block; it is dirty unless it was cleared on free. */
  free(sizeBytes: number, clean: boolean, block: Block | null): void;
  /** A zeroing thread takes up to `chunkBytes` of dirty memory to clear; returns how much it got. */
  takeForZeroing(chunkBytes: number): number;
  /** the pieces of the last takeForZeroing (null: byte pools) */
  readonly zeroingBlock: Block | null;
  /** A zeroing thread's chunk is clean. */
  zeroed(bytes: number, block: Block | null): void;
  /** |bytes accounted − bytes that entered|: 0 up to rounding when bytes are conserved */
  conservationError(): number;
  /** whether every pool is ≥ 0, up to rounding */
  readonly poolsNonNegative: boolean;
}
