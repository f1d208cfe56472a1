// What a calibration sitting measures: the harness options resolved once into a fully defaulted
// object, and the list of measurements they ask for. The C program (c/zerosim-loops.c) holds the same
// lists, so both harnesses measure the same points.

import { messages } from './messages.js';
import type { Bench, ZeroAt } from './rows.js';
import { BENCHES, ZERO_AT } from './rows.js';

export interface HarnessOptions {
  /** fewer points, shorter runs */
  quick?: boolean;
  benches?: readonly Bench[];
  /** thread counts; default 1..nproc */
  threads?: readonly number[];
  /** wall time of one repeat; default 100 ms, 50 ms with quick */
  durationMs?: number;
  /** wall time of the warm-up before the repeats (in each pass); default half a repeat */
  warmupMs?: number;
  /** repeats per measurement in each pass; default 2, 3 with quick */
  repeats?: number;
  /**
   * times the whole plan runs, round-robin; a row's value is the median of its repeats over every
   * pass, so drift of the host during the sitting hits every row alike; default 5, 1 with quick
   */
  passes?: number;
  /** a description of the host, copied into every row as "host" */
  host?: string;
}

export interface ResolvedOptions {
  quick: boolean;
  benches: readonly Bench[];
  threads: readonly number[];
  durationMs: number;
  warmupMs: number;
  repeats: number;
  passes: number;
  host: string | undefined;
  /** what was left out of the sitting and why, one line each (clear-remote on a 1-CPU host) */
  notes: string[];
}

/**
 * The options with every default filled in. `nproc` is the CPUs this process may use: clear-remote
 * needs 2 (a block another core wrote last), so with fewer it is left out, with a note.
 */
export function resolveOptions(options: HarnessOptions, nproc: number): ResolvedOptions {
  const quick = options.quick ?? false;
  const durationMs = options.durationMs ?? (quick ? 50 : 100);
  const asked = options.benches ?? BENCHES;
  const skipRemote = nproc < 2 && asked.includes('clear-remote');
  return {
    quick,
    benches: skipRemote ? asked.filter((b) => b !== 'clear-remote') : asked,
    threads: options.threads ?? Array.from({ length: nproc }, (_, i) => i + 1),
    durationMs,
    warmupMs: options.warmupMs ?? Math.max(1, Math.floor(durationMs / 2)),
    repeats: options.repeats ?? (quick ? 3 : 2),
    passes: options.passes ?? (quick ? 1 : 5),
    host: options.host,
    notes: skipRemote ? [messages.remoteSkipped(nproc)] : [],
  };
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** The parameters of one measurement; the worker's loop reads the ones its bench needs. */
export interface Measurement {
  bench: Bench;
  threads: number;
  blockBytes: number;
  workNs: number;
  /** lock: busy work inside the critical section (0: empty, as today's lock rows) */
  holdNs: number;
  zeroAt: ZeroAt;
}

/**
 * The OS threads a measurement runs: its threads, except a 1-thread clear-remote row, where two take
 * turns on one block (only one clears at a time).
 */
export function osThreads(m: Measurement): number {
  return m.bench === 'clear-remote' && m.threads === 1 ? 2 : m.threads;
}

export const CLEAR_BYTES = {
  full: [64 * KiB, 256 * KiB, MiB, 4 * MiB, 16 * MiB, 64 * MiB, 256 * MiB],
  quick: [64 * KiB, MiB, 16 * MiB, 256 * MiB],
};
export const LOCK_WORK_NS = { full: [0, 100, 1000, 10000], quick: [0, 1000] };
/** lock rows with busy work inside the lock: each hold × each work × threads 1 and 2 (where asked) */
export const LOCK_HOLD_NS = [1000, 10000];
export const HELD_LOCK_WORK_NS = { full: [0, 2000, 10000], quick: [0, 2000] };
export const HELD_LOCK_MAX_THREADS = 2;
export const ALLOC_BYTES = { full: [64 * KiB, MiB, 16 * MiB], quick: [64 * KiB, MiB] };
export const ALLOC_WORK_NS = { full: [0, 2000, 10000], quick: [0, 2000] };

/** Every measurement of a sitting, in the order the C program runs them. */
export function measurementPlan(o: ResolvedOptions): Measurement[] {
  const pick = <T>(lists: { full: T[]; quick: T[] }): T[] => (o.quick ? lists.quick : lists.full);
  const base = { blockBytes: 0, workNs: 0, holdNs: 0, zeroAt: 'never' as ZeroAt };
  const out: Measurement[] = [];
  const has = (b: Bench) => o.benches.includes(b);
  if (has('clear'))
    for (const blockBytes of pick(CLEAR_BYTES))
      for (const threads of o.threads) out.push({ ...base, bench: 'clear', threads, blockBytes });
  if (has('clear-remote'))
    for (const blockBytes of pick(CLEAR_BYTES))
      for (const threads of o.threads) out.push({ ...base, bench: 'clear-remote', threads, blockBytes });
  if (has('lock')) {
    for (const workNs of pick(LOCK_WORK_NS))
      for (const threads of o.threads) out.push({ ...base, bench: 'lock', threads, workNs });
    for (const holdNs of LOCK_HOLD_NS)
      for (const workNs of pick(HELD_LOCK_WORK_NS))
        for (const threads of o.threads.filter((t) => t <= HELD_LOCK_MAX_THREADS))
          out.push({ ...base, bench: 'lock', threads, workNs, holdNs });
  }
  if (has('fault')) for (const threads of o.threads) out.push({ ...base, bench: 'fault', threads });
  if (has('alloc'))
    for (const blockBytes of pick(ALLOC_BYTES))
      for (const zeroAt of ZERO_AT)
        for (const workNs of pick(ALLOC_WORK_NS))
          for (const threads of o.threads)
            out.push({ ...base, bench: 'alloc', threads, blockBytes, workNs, zeroAt });
  return out;
}
