// A futex-like mutex on one Int32 of shared memory (Drepper, "Futexes are tricky", mutex 3), as glibc's
// default pthread mutex behaves: spin a little, then sleep in Atomics.wait; not FIFO (a newcomer can
// take the lock before a woken sleeper). States: 0 free, 1 held, 2 held with possible sleepers.

/** Tries at the free lock before sleeping, like glibc's adaptive mutex. */
export const FUTEX_SPINS = 100;

export function lock(word: Int32Array, index: number, spins: number): void {
  let c = Atomics.compareExchange(word, index, 0, 1);
  if (c === 0) return;
  for (let i = 0; i < spins; i++) {
    if (Atomics.load(word, index) === 0) {
      c = Atomics.compareExchange(word, index, 0, 1);
      if (c === 0) return;
    }
  }
  if (c !== 2) c = Atomics.exchange(word, index, 2);
  while (c !== 0) {
    Atomics.wait(word, index, 2);
    c = Atomics.exchange(word, index, 2);
  }
}

export function unlock(word: Int32Array, index: number): void {
  if (Atomics.sub(word, index, 1) !== 1) {
    Atomics.store(word, index, 0);
    Atomics.notify(word, index, 1);
  }
}
