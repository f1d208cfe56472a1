// The messages between the JS harness and its worker threads.
//
// The main thread posts `setup` (the loop's parameters and shared memory), answered by `ready`; then
// for each run it posts `run` with a generation number g, answered by `armed`; the worker blocks until
// control[GO] = g, loops until control[STOP] = g, and posts `done` with its rate.

import type { Measurement } from './plan.js';
import type { SharedMemory } from './wasm-fill.js';

export const GO = 0;
export const STOP = 1;

export interface SetupMessage {
  kind: 'setup';
  measurement: Measurement;
  /** this worker's index among the measurement's threads (clear-remote: which block it clears when) */
  tid: number;
  pageBytes: number;
  /** [GO, STOP] generation numbers */
  control: SharedArrayBuffer;
  /** lock and alloc: [mutex, free-list top, free list (block indices)...]; clear-remote: the round barrier's words */
  heap: SharedArrayBuffer;
  /**
   * alloc: 2 × threads blocks of blockBytes, pre-faulted and dirty; clear-remote: the blocks passed
   * round (one with turns, else one per thread), pre-faulted; all shared, cleared by wasm-fill.ts; else none
   */
  blocks: SharedMemory[];
}

export interface RunMessage {
  kind: 'run';
  generation: number;
}

export type ToWorker = SetupMessage | RunMessage;
export type FromWorker =
  | { kind: 'ready'; spinItersPerNs: number }
  | { kind: 'armed' }
  | { kind: 'done'; rate: number; sink: number }
  | { kind: 'error'; message: string };

/** The fault loop's fresh buffers: larger than glibc's largest mmap threshold, so each is new pages. */
export const FAULT_CHUNK_BYTES = 64 * 1024 * 1024;
