/**
 * What the playground page and its Web Workers say to each other. The page sends the edited scenario as
 * plain JSON; the simulating worker validates it with the CLI's loader and answers with problems,
 * progress and results in the results.json shape: first a preview (few replications, fewer allocations
 * per core), then the scenario's own study. A newer request stops the one under way between two of its
 * replications, so the warm worker takes it up (sim/browser/worker.ts). Helper workers (the same
 * bundle, sim/browser/helper.ts) simulate some of its replications beside it, over a MessagePort each,
 * as the CLI's worker threads do.
 */
import type { TaskInput, TaskResult } from '../experiment/points.js';
import type { Results } from '../types/index.js';

/** The quick first answer: at most this many replications and simulated allocations in all. */
export interface PreviewSize {
  replications: number;
  /** allocations over every policy × cores × replication; allocationsPerCore follows from it */
  totalAllocations: number;
  /** the preview never runs fewer allocations per core than this */
  minAllocationsPerCore: number;
}

export interface SimulateRequest {
  kind: 'simulate';
  /** increases with every edit; answers carry it, so the page drops those of an older edit */
  id: number;
  /** the edited scenario, as the user would save it: validated in the worker */
  scenario: unknown;
  /** names the scenario in problem lines */
  source: string;
  preview: PreviewSize;
  /**
   * the page has drawn this scenario's exact results (the CLI run's, which it carries): no preview to
   * show, only the full study, the page's own check of them
   */
  shown: boolean;
  toolVersion: string;
  targetAllocsPerSec: number | undefined;
}

/** A MessagePort, as far as the workers use one (the project compiles without the DOM lib). */
export interface TaskPort {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

/**
 * The page's first word to each worker (all run the same bundle): the simulating one gets a port to
 * each helper (none: it simulates alone); a helper gets the port its tasks come in on. 'disconnect':
 * the page has stopped the helpers (an edit came while they simulated), so their ports are dead.
 */
export type ConnectRequest =
  | { kind: 'connect'; helpers: TaskPort[] }
  | { kind: 'serve'; port: TaskPort }
  | { kind: 'disconnect' };

/**
 * The page has drawn the answers of this edit that came so far: the worker holds the full study back
 * until its preview is drawn, so the two do not share the cores (sim/browser/worker.ts).
 */
export interface DrawnNote {
  kind: 'drawn';
  id: number;
}

export type PageRequest = ConnectRequest | SimulateRequest | DrawnNote;

export type Stage = 'preview' | 'final';

/**
 * When a worker's script began and finished evaluating, in ms since the epoch (the worker's
 * performance.timeOrigin + now()), so the page can place both on its own clock.
 */
export interface WorkerReady {
  kind: 'ready';
  startedAt: number;
  evaluatedAt: number;
}

export type WorkerAnswer =
  | WorkerReady
  /** a stage began simulating, at `startedAt` (ms since the epoch): the request is in */
  | { kind: 'started'; id: number; stage: Stage; startedAt: number }
  | { kind: 'problems'; id: number; lines: string[] }
  | { kind: 'progress'; id: number; stage: Stage; done: number; total: number }
  | {
      kind: 'results';
      id: number;
      stage: Stage;
      results: Results;
      elapsedMs: number;
      /** the threads that simulated its replications: this worker and its helpers */
      threads: number;
    }
  | { kind: 'failed'; id: number; message: string };

/** A replication for a helper worker to simulate; `index` names it in the answer. */
export interface HelperTask {
  kind: 'task';
  index: number;
  input: TaskInput;
}

export type HelperAnswer =
  | { kind: 'done'; index: number; result: TaskResult }
  | { kind: 'failed'; index: number; message: string };

/** The epoch time of this thread's now(): a clock the page and its workers share. */
export function epochMs(performance: { timeOrigin: number; now(): number }): number {
  return performance.timeOrigin + performance.now();
}
