// The barrier between the rounds of the JS harness's clear-remote loop, on three Int32 words of shared
// memory: it spins (its waits are not timed, and a sleeping waiter would add a wake-up to each round),
// sleeping briefly now and then so that more threads than CPUs still make progress. The last thread
// to arrive decides for all whether the run stops after this round, so none waits for a thread that left.

/** The barrier's words: threads arrived in this round, the round number, and whether all stop now. */
export const ROUND_ARRIVED = 0;
export const ROUND_GENERATION = 1;
export const ROUND_STOP = 2;
export const ROUND_WORDS = 3;

/** Spins between two brief sleeps of a waiting thread. */
const SPINS_PER_SLEEP = 4096;

/**
 * Waits until `parties` threads have called it for this round; returns whether they all stop now,
 * which the last to arrive decides: `mayStop` (its own say) and `stop()` (the run is over).
 */
export function roundBarrier(
  words: Int32Array,
  parties: number,
  mayStop: boolean,
  stop: () => boolean,
): boolean {
  const generation = Atomics.load(words, ROUND_GENERATION);
  if (Atomics.add(words, ROUND_ARRIVED, 1) === parties - 1) {
    Atomics.store(words, ROUND_ARRIVED, 0);
    Atomics.store(words, ROUND_STOP, mayStop && stop() ? 1 : 0);
    Atomics.store(words, ROUND_GENERATION, generation + 1);
    Atomics.notify(words, ROUND_GENERATION);
  } else {
    for (let spins = 1; Atomics.load(words, ROUND_GENERATION) === generation; spins++)
      if (spins % SPINS_PER_SLEEP === 0) Atomics.wait(words, ROUND_GENERATION, generation, 1);
  }
  return Atomics.load(words, ROUND_STOP) === 1;
}
