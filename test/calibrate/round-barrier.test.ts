// The clear-remote round barrier on one thread (the harness tests run it on two): the last to arrive
// decides whether all stop, from its own say and the run's stop flag, and leaves the words ready for
// the next round.

import { describe, expect, it } from 'vitest';
import {
  ROUND_ARRIVED,
  ROUND_GENERATION,
  ROUND_STOP,
  ROUND_WORDS,
  roundBarrier,
} from '../../sim/calibrate/round-barrier.js';

describe('roundBarrier', () => {
  it('stops only when the last to arrive may stop and the run is over; each call is a new round', () => {
    const words = new Int32Array(new SharedArrayBuffer(4 * ROUND_WORDS));
    const calls: boolean[] = [];
    for (const [mayStop, over] of [
      [true, false],
      [false, true],
      [true, true],
    ])
      calls.push(roundBarrier(words, 1, mayStop, () => over));
    expect(calls).toEqual([false, false, true]);
    expect([words[ROUND_ARRIVED], words[ROUND_GENERATION], words[ROUND_STOP]]).toEqual([0, 3, 1]);
  });
});
