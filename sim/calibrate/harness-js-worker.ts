// One thread of the JS calibration harness: runs the loop of one measurement (clear, clear-remote,
// lock, fault or alloc) between the main thread's start and stop signals and reports its own rate.
//
// The messages it exchanges with the main thread are in js-protocol.ts.

import { parentPort } from 'node:worker_threads';
import { FUTEX_SPINS, lock, unlock } from './futex.js';
import {
  FAULT_CHUNK_BYTES,
  type FromWorker,
  GO,
  type SetupMessage,
  STOP,
  type ToWorker,
} from './js-protocol.js';
import { roundBarrier } from './round-barrier.js';
import { filler } from './wasm-fill.js';

const HEAP_MUTEX = 0;
const HEAP_TOP = 1;
const HEAP_LIST = 2;

/** Busy work: a dependent xorshift chain V8 cannot fold; returned so it is never dead. */
function spin(iters: number): number {
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < iters; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x;
}

/** Spin iterations per ns on this thread, once the loop is compiled: the fastest of five ≥ 5 ms runs. */
function calibrateSpin(): number {
  let iters = 1 << 16;
  for (let k = 0; k < 20; k++) sink ^= spin(iters); // let the optimising compiler take the loop
  for (;;) {
    const t0 = performance.now();
    sink ^= spin(iters);
    if (performance.now() - t0 >= 5) break;
    iters *= 2;
  }
  let best = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    sink ^= spin(iters);
    best = Math.max(best, iters / ((performance.now() - t0) * 1e6));
  }
  return best;
}

/** where busy work and clears leave a result, sent with each rate so none of them is dead code */
let sink = 0;
let spinItersPerNs = 0;
let current: SetupMessage | null = null;
let ownBlock: Uint8Array | null = null;
/** alloc and clear-remote: each shared block as bytes, and its memset */
let blockViews: Uint8Array[] = [];
let blockFills: ((offset: number, byte: number, bytes: number) => void)[] = [];

function setup(m: SetupMessage): void {
  const { bench, blockBytes } = m.measurement;
  current = m;
  ownBlock = null;
  if (bench === 'clear') {
    ownBlock = new Uint8Array(blockBytes);
    ownBlock.fill(1); // pre-fault
  }
  blockViews = m.blocks.map((b) => new Uint8Array(b.buffer, 0, blockBytes));
  blockFills = m.blocks.map((b) => filler(b));
}

/**
 * Runs the loop, at least once, until control[STOP] = generation; returns this thread's rate per ns
 * (fault: ns per page), timed from its start to the end of its last operation.
 */
function runLoop(m: SetupMessage, generation: number): number {
  const control = new Int32Array(m.control);
  const heap = new Int32Array(m.heap);
  const stopped = () => Atomics.load(control, STOP) === generation;
  const { bench, blockBytes, workNs, holdNs, zeroAt } = m.measurement;
  const iters = Math.round(workNs * spinItersPerNs);
  let count = 0;
  if (bench === 'clear-remote') return clearRemote(m, stopped);
  const t0 = performance.now();
  if (bench === 'clear') {
    const b = ownBlock!;
    do {
      b.fill(0);
      sink ^= b[blockBytes - 1];
      count++;
    } while (!stopped());
    return (count * blockBytes) / ((performance.now() - t0) * 1e6);
  }
  if (bench === 'lock' && holdNs > 0) {
    const hold = Math.round(holdNs * spinItersPerNs);
    do {
      sink ^= spin(iters);
      lock(heap, HEAP_MUTEX, FUTEX_SPINS);
      sink ^= spin(hold);
      unlock(heap, HEAP_MUTEX);
      count++;
    } while (!stopped());
    return count / ((performance.now() - t0) * 1e6);
  }
  if (bench === 'lock') {
    do {
      sink ^= spin(iters);
      lock(heap, HEAP_MUTEX, FUTEX_SPINS);
      unlock(heap, HEAP_MUTEX);
      count++;
    } while (!stopped());
    return count / ((performance.now() - t0) * 1e6);
  }
  if (bench === 'fault') {
    let pages = 0;
    let touchMs = 0;
    do {
      // fresh zero-filled memory: V8 takes it from calloc, which maps new pages for a chunk this large
      const chunk = new Uint8Array(FAULT_CHUNK_BYTES);
      const start = performance.now();
      let off = 0;
      do {
        chunk[off] = 1;
        off += m.pageBytes;
      } while (off < FAULT_CHUNK_BYTES && !stopped());
      touchMs += performance.now() - start;
      pages += off / m.pageBytes;
    } while (!stopped());
    return pages > 0 ? (touchMs * 1e6) / pages : 0;
  }
  // alloc over the shared LIFO free list of block indices
  do {
    sink ^= spin(iters);
    lock(heap, HEAP_MUTEX, FUTEX_SPINS);
    const top = heap[HEAP_TOP] - 1;
    heap[HEAP_TOP] = top;
    const index = heap[HEAP_LIST + top];
    const b = blockViews[index];
    if (zeroAt === 'under-lock') blockFills[index](0, 0, blockBytes);
    unlock(heap, HEAP_MUTEX);
    if (zeroAt === 'after-unlock') blockFills[index](0, 0, blockBytes);
    b[0] = 1;
    b[blockBytes - 1] = 1;
    lock(heap, HEAP_MUTEX, FUTEX_SPINS);
    heap[HEAP_LIST + heap[HEAP_TOP]] = index;
    heap[HEAP_TOP] += 1;
    unlock(heap, HEAP_MUTEX);
    count++;
  } while (!stopped());
  return count / ((performance.now() - t0) * 1e6);
}

/**
 * clear-remote: bytes per ns of this thread's own clears, each of a block another thread cleared in the
 * round before: with threads 1, two threads take turns on one block (thread r mod 2 clears in round r,
 * and runs stop after an odd round, so both clear equally often); else thread i clears block
 * (i + r) mod T. Only the fills are timed.
 */
function clearRemote(m: SetupMessage, stopped: () => boolean): number {
  const { threads, blockBytes } = m.measurement;
  const turns = threads === 1;
  const parties = turns ? 2 : threads;
  const words = new Int32Array(m.heap);
  let clearMs = 0;
  let count = 0;
  for (let r = 0; ; r++) {
    if (!turns || r % 2 === m.tid) {
      const index = turns ? 0 : (m.tid + r) % parties;
      const t0 = performance.now();
      blockFills[index](0, 0, blockBytes);
      clearMs += performance.now() - t0;
      count++;
    }
    if (roundBarrier(words, parties, !turns || r % 2 === 1, stopped)) break;
  }
  return (count * blockBytes) / (Math.max(clearMs, 1e-6) * 1e6);
}

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

parentPort?.on('message', (message: ToWorker) => {
  try {
    if (message.kind === 'setup') {
      if (spinItersPerNs === 0) spinItersPerNs = calibrateSpin();
      setup(message);
      post({ kind: 'ready', spinItersPerNs });
      return;
    }
    const m = current!;
    const control = new Int32Array(m.control);
    post({ kind: 'armed' });
    // block until the main thread starts this generation (returns at once if it already has)
    while (Atomics.load(control, GO) !== message.generation)
      Atomics.wait(control, GO, message.generation - 1, 1000);
    post({ kind: 'done', rate: runLoop(m, message.generation), sink });
  } catch (error) {
    post({ kind: 'error', message: (error as Error).message });
  }
});
