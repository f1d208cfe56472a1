// The JS calibration harness: the loops of MODEL.md and sim/calibrate/README.md on Node worker threads
// (harness-js-worker.ts), the plan run in passes (round-robin, as the C harness does), each measurement
// in each pass a warm-up then repeats of a fixed wall time, reported as MEASUREMENTS.jsonl rows with
// "harness": "js" (the median of every pass's repeats). Used by `zerosim calibrate` without --from.

import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  FAULT_CHUNK_BYTES,
  type FromWorker,
  GO,
  type SetupMessage,
  STOP,
  type ToWorker,
} from './js-protocol.js';
import { HarnessError, messages } from './messages.js';
import {
  type HarnessOptions,
  type Measurement,
  measurementPlan,
  osThreads,
  type ResolvedOptions,
  resolveOptions,
} from './plan.js';
import { ROUND_WORDS } from './round-barrier.js';
import { type MeasurementRow, median, parseRow, valueField } from './rows.js';
import { filler, type SharedMemory, sharedWasmMemory } from './wasm-fill.js';

export interface JsProgress {
  /** measurements finished over every pass, this one included */
  done: number;
  total: number;
  /** the finished row, in the last pass */
  row?: MeasurementRow;
}

export interface JsHarnessOptions extends HarnessOptions {
  onProgress?: (progress: JsProgress) => void;
  /** called with each line on what the sitting left out (clear-remote on a 1-CPU host) */
  onNote?: (line: string) => void;
}

/**
 * The compiled worker beside this module. Run from the TypeScript sources (the tests), it is the
 * build's copy in dist/, which the test setup compiles first: worker threads cannot load .ts.
 */
function workerSpec(): { code: string; eval: boolean } {
  const beside = import.meta.url.endsWith('.js')
    ? new URL('./harness-js-worker.js', import.meta.url)
    : new URL('../../dist/sim/calibrate/harness-js-worker.js', import.meta.url);
  return { code: fileURLToPath(beside), eval: false };
}

/** The page size of this host (getconf), else 4 KiB. */
function pageBytes(): number {
  try {
    const v = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());
    return Number.isInteger(v) && v > 0 ? v : 4096;
  } catch {
    return 4096;
  }
}

/** A worker thread whose replies, in order, settle the promises awaiting them. */
class Thread {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(spec: { code: string; eval: boolean }) {
    this.worker = new Worker(spec.code, { eval: spec.eval });
    this.worker.on('message', (m: FromWorker) => {
      if (m.kind === 'error') this.fail(m.message);
      else this.waiting.shift()?.resolve(m);
    });
    this.worker.on('error', (e) => this.fail(e.message));
    this.worker.on('exit', (code) => this.fail(`exited with code ${code}`));
  }

  private fail(detail: string): void {
    this.failure ??= new HarnessError(messages.workerFailed(detail));
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
  }

  /** Resolves to the worker's next reply. */
  next(): Promise<FromWorker> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Posts a message and resolves to the worker's next reply. */
  ask(message: ToWorker): Promise<FromWorker> {
    const reply = this.next();
    this.worker.postMessage(message);
    return reply;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The shared memory of one measurement: the lock word, the free list and, for alloc, the blocks; for
 * clear-remote, the round barrier's words and the blocks passed round (one with turns, else one each).
 */
function sharedMemory(m: Measurement): { heap: SharedArrayBuffer; blocks: SharedMemory[] } {
  if (m.bench === 'clear-remote') {
    const blocks = Array.from({ length: m.threads === 1 ? 1 : m.threads }, () =>
      sharedWasmMemory(m.blockBytes),
    );
    for (const b of blocks) filler(b)(0, 1, m.blockBytes); // pre-fault
    return { heap: new SharedArrayBuffer(4 * ROUND_WORDS), blocks };
  }
  const nblocks = 2 * m.threads;
  const heap = new SharedArrayBuffer(4 * (2 + nblocks));
  const words = new Int32Array(heap);
  words[1] = nblocks;
  for (let i = 0; i < nblocks; i++) words[2 + i] = i;
  if (m.bench !== 'alloc') return { heap, blocks: [] };
  const blocks = Array.from({ length: nblocks }, () => sharedWasmMemory(m.blockBytes));
  for (const b of blocks) filler(b)(0, 0xa5, m.blockBytes); // pre-faulted and dirty
  return { heap, blocks };
}

/**
 * The row's value from the threads' rates: clear sums bytes per ns (GB/s), lock and alloc sum
 * operations per ns (×1e9 per s), fault averages ns per page. clear-remote sums the rates of the
 * threads clearing at once: with turns only one clears at a time, so it is the mean of the two.
 */
function value(m: Measurement, rates: number[]): number {
  const total = rates.reduce((a, b) => a + b, 0);
  if (m.bench === 'fault' || (m.bench === 'clear-remote' && m.threads === 1)) return total / rates.length;
  return m.bench === 'clear' || m.bench === 'clear-remote' ? total : total * 1e9;
}

function rowFields(m: Measurement, page: number): Record<string, unknown> {
  switch (m.bench) {
    case 'clear':
      return { bench: 'clear', blockBytes: m.blockBytes, threads: m.threads, clearWith: 'typedarray-fill' };
    case 'clear-remote':
      return {
        bench: 'clear-remote',
        blockBytes: m.blockBytes,
        threads: m.threads,
        osThreads: osThreads(m),
        clearWith: 'wasm-memory.fill',
      };
    case 'lock':
      return {
        bench: 'lock',
        threads: m.threads,
        workNs: m.workNs,
        // today's rows keep their shape: holdNs only where the critical section is not empty
        ...(m.holdNs > 0 ? { holdNs: m.holdNs } : {}),
        mutex: 'atomics-futex',
      };
    case 'fault':
      return { bench: 'fault', pageBytes: page, threads: m.threads, chunkBytes: FAULT_CHUNK_BYTES };
    case 'alloc':
      return {
        bench: 'alloc',
        blockBytes: m.blockBytes,
        threads: m.threads,
        workNs: m.workNs,
        zeroAt: m.zeroAt,
        mutex: 'atomics-futex',
        clearWith: 'wasm-memory.fill',
      };
  }
}

const round6 = (x: number) => Number(x.toPrecision(6));

/** Measures this host with the four loops; resolves to the rows, in the C harness's order. */
export async function runJsHarness(options: JsHarnessOptions = {}): Promise<MeasurementRow[]> {
  const nproc = availableParallelism();
  const o: ResolvedOptions = resolveOptions(options, nproc);
  const plan = measurementPlan(o);
  for (const note of o.notes) options.onNote?.(note);
  const page = pageBytes();
  const spec = workerSpec();
  const poolSize = Math.max(1, ...plan.map(osThreads));
  const pool = Array.from({ length: poolSize }, () => new Thread(spec));
  const control = new SharedArrayBuffer(8);
  const flags = new Int32Array(control);
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const rows: MeasurementRow[] = [];
  let generation = 0;

  const runOnce = async (threads: Thread[], m: Measurement, ms: number): Promise<number> => {
    generation += 1;
    const g = generation;
    await Promise.all(threads.map((t) => t.ask({ kind: 'run', generation: g })));
    const done = threads.map((t) => t.next());
    Atomics.store(flags, GO, g);
    Atomics.notify(flags, GO);
    await sleep(ms);
    Atomics.store(flags, STOP, g);
    const replies = await Promise.all(done);
    return value(
      m,
      replies.map((r) => (r.kind === 'done' ? r.rate : 0)),
    );
  };

  // what each measurement has gathered over the passes so far
  const gathered = plan.map(() => ({ repeats: [] as number[], spin: [] as number[], loadStart: [0, 0, 0] }));
  try {
    for (let pass = 0; pass < o.passes; pass++)
      for (const [i, m] of plan.entries()) {
        const g = gathered[i];
        const threads = pool.slice(0, osThreads(m));
        const { heap, blocks } = sharedMemory(m);
        const setup = (tid: number): SetupMessage => ({
          kind: 'setup',
          measurement: m,
          tid,
          pageBytes: page,
          control,
          heap,
          blocks,
        });
        const ready = await Promise.all(threads.map((t, tid) => t.ask(setup(tid))));
        const spin = ready.map((r) => (r.kind === 'ready' ? r.spinItersPerNs : 0));
        g.spin.push(spin.reduce((a, b) => a + b, 0) / spin.length);
        if (pass === 0) g.loadStart = loadavg();
        await runOnce(threads, m, o.warmupMs);
        for (let r = 0; r < o.repeats; r++) g.repeats.push(round6(await runOnce(threads, m, o.durationMs)));
        const done = pass * plan.length + i + 1;
        if (pass < o.passes - 1) {
          options.onProgress?.({ done, total: o.passes * plan.length });
          continue;
        }
        const sorted = [...g.repeats].sort((a, b) => a - b);
        const quartile = (q: number) => {
          const pos = q * (sorted.length - 1);
          const k = Math.floor(pos);
          return k + 1 < sorted.length ? sorted[k] + (pos - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
        };
        const row = parseRow(
          JSON.stringify({
            ...rowFields(m, page),
            [valueField(m.bench)]: median(g.repeats),
            harness: 'js',
            repeats: g.repeats,
            passes: o.passes,
            repeatsPerPass: o.repeats,
            q1: round6(quartile(0.25)),
            q3: round6(quartile(0.75)),
            passMedians: Array.from({ length: o.passes }, (_, p) =>
              median(g.repeats.slice(p * o.repeats, (p + 1) * o.repeats)),
            ),
            durationNs: o.durationMs * 1e6,
            warmupNs: o.warmupMs * 1e6,
            nproc,
            spinItersPerNs: round6(median(g.spin)),
            loadavgStart: g.loadStart.map((x) => Number(x.toFixed(2))),
            loadavgEnd: loadavg().map((x) => Number(x.toFixed(2))),
            date,
            ...(o.host !== undefined ? { host: o.host } : {}),
          }),
        );
        rows.push(row);
        options.onProgress?.({ done, total: o.passes * plan.length, row });
      }
  } finally {
    await Promise.all(pool.map((t) => t.terminate()));
  }
  return rows;
}
