/**
 * What a core and a zeroing thread see of the system they run in: the environment, the resources and
 * the hooks they report to. System implements it; depending on this interface, not on System, keeps
 * the imports one way (system → core, zeroer → context).
 */
import type { Environment } from '../engine/environment.js';
import type { Lock } from '../engine/locks/index.js';
import type { Clearing } from './clearing.js';
import type { ModelConfig } from './config.js';
import type { Block } from './extents.js';
import type { FreeMemory } from './free-memory.js';
import type { Metrics } from './metrics.js';
import type { StateRecorder } from './trace.js';

export interface ModelContext {
  readonly env: Environment;
  readonly config: ModelConfig;
  readonly lock: Lock;
  readonly clearing: Clearing;
  readonly heap: FreeMemory;
  readonly metrics: Metrics;
  /** listens to the cores' state changes (--trace, the report's timeline); absent in plain runs */
  readonly recorder?: StateRecorder | null;
  /** A core was granted the heap lock (checks invariants in checked runs). */
  lockTaken(): void;
  /** A core is about to release the heap lock. */
  lockReleased(): void;
  /** A block went back to the heap, cleared or dirty, with its pieces (null: byte pools). */
  freed(sizeBytes: number, clean: boolean, block: Block | null): void;
  /** A core finished an allocation of `sizeBytes`. */
  allocationDone(sizeBytes: number): void;
}
