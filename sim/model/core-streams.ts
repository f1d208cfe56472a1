/**
 * A core's random streams, one per drawn quantity, so that policies at the same point see the same
 * workload (common random numbers): the k-th allocation of core c has the same size and zeroed flag
 * under every policy, however differently the policies spend their time.
 */
import { makeRng, type Rng } from '../engine/random/rng.js';

const STREAM_WORK = 1;
const STREAM_SIZE = 2;
const STREAM_ZERO = 3;
const STREAM_ALLOC_HOLD = 4;
const STREAM_FREE_HOLD = 5;

export class CoreStreams {
  readonly work: Rng;
  readonly size: Rng;
  readonly zero: Rng;
  readonly allocHold: Rng;
  readonly freeHold: Rng;

  constructor(seed: number, core: number) {
    this.work = makeRng(seed, core, STREAM_WORK);
    this.size = makeRng(seed, core, STREAM_SIZE);
    this.zero = makeRng(seed, core, STREAM_ZERO);
    this.allocHold = makeRng(seed, core, STREAM_ALLOC_HOLD);
    this.freeHold = makeRng(seed, core, STREAM_FREE_HOLD);
  }
}
