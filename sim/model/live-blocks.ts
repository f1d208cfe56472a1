/**
 * A core's live blocks (MODEL.md: each core keeps its liveBlocksPerCore most recent blocks alive): a
 * ring of sizes, oldest first, with each block's pieces beside its size (with cache levels only; small
 * blocks have none), and the small blocks freed since a span of them last went back to the heap.
 */
import type { ModelConfig } from './config.js';
import type { Block } from './extents.js';
import type { FreeMemory } from './free-memory.js';

export class LiveBlocks {
  /** after takeOldest() returned true: the bytes going back to the heap, and their pieces */
  freeBytes = 0;
  freeBlock: Block | null = null;
  private readonly sizes: Float64Array;
  private readonly blocks: (Block | null)[];
  private head = 0;
  private count = 0;
  private smallFreedBytes = 0;

  constructor(private readonly config: ModelConfig) {
    this.sizes = new Float64Array(config.liveBlocksPerCore + 1);
    this.blocks = new Array(this.sizes.length).fill(null);
  }

  /** Keeps a finished allocation live; `block`: its pieces (null: byte pools, or a small block). */
  add(sizeBytes: number, block: Block | null): void {
    const slot = (this.head + this.count) % this.sizes.length;
    this.sizes[slot] = sizeBytes;
    this.blocks[slot] = block;
    this.count++;
  }

  /**
   * Takes out the block to free: the oldest live one, once more than liveBlocksPerCore are live. Small
   * blocks go back to the heap a span at a time, as a swept span does, in pieces `freer` wrote just
   * now. False when nothing goes back.
   */
  takeOldest(heap: FreeMemory, freer: number): boolean {
    const { config } = this;
    if (this.count <= config.liveBlocksPerCore) return false;
    const sizeBytes = this.sizes[this.head];
    this.freeBlock = this.blocks[this.head];
    this.blocks[this.head] = null;
    this.head = (this.head + 1) % this.sizes.length;
    this.count--;
    if (sizeBytes > config.smallMaxBytes) {
      this.freeBytes = sizeBytes;
      return true;
    }
    this.smallFreedBytes += sizeBytes;
    if (this.smallFreedBytes < config.spanBytes) return false;
    this.smallFreedBytes -= config.spanBytes;
    this.freeBytes = config.spanBytes;
    this.freeBlock = heap.spanBlock(config.spanBytes, freer);
    return true;
  }
}
