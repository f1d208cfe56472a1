/**
 * A dedicated zeroing thread (background policy) on its own hardware thread: while dirty free memory
 * exists it takes a chunk, clears it through the shared bandwidth, and returns it clean; otherwise it
 * sleeps until a free makes memory dirty. It takes no heap lock (free lists of chunks are lock-free).
 */
import type { Handler } from '../engine/environment.js';
import { C_BACKGROUND } from './clearing.js';
import type { ModelContext } from './context.js';
import type { Block } from './extents.js';

export class Zeroer implements Handler {
  idle = true;
  private chunkBytes = 0;
  private block: Block | null = null;

  /** `writer`: the thread's number among the writers, after the cores (its own private caches) */
  constructor(
    private readonly sys: ModelContext,
    private readonly writer: number,
  ) {}

  /** Starts clearing if idle and dirty memory exists. */
  wake(): void {
    if (this.idle) this.next();
  }

  fire(): void {
    const { sys } = this;
    sys.heap.zeroed(this.chunkBytes, this.block);
    sys.metrics.clearedBackground += this.chunkBytes;
    sys.clearing.bookLevels(sys.metrics, this.writer);
    this.next();
  }

  private next(): void {
    const { sys } = this;
    const chunk = sys.config.policy.chunkBytes > 0 ? sys.config.policy.chunkBytes : sys.config.pageBytes;
    this.chunkBytes = sys.heap.takeForZeroing(chunk);
    this.block = sys.heap.zeroingBlock;
    this.idle = this.chunkBytes <= 0;
    if (!this.idle) sys.clearing.start(C_BACKGROUND, this.chunkBytes, this, 0, this.block, this.writer);
  }
}
