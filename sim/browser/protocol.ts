/**
 * What the playground page and its Web Worker say to each other. The page sends the edited scenario as
 * plain JSON; the worker validates it with the CLI's loader and answers with problems, progress and
 * results in the results.json shape: first a preview (few replications, fewer allocations per core),
 * then the scenario's own study.
 */
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
  toolVersion: string;
  targetAllocsPerSec: number | undefined;
}

export type Stage = 'preview' | 'final';

export type WorkerAnswer =
  | { kind: 'problems'; id: number; lines: string[] }
  | { kind: 'progress'; id: number; stage: Stage; done: number; total: number }
  | { kind: 'results'; id: number; stage: Stage; results: Results; elapsedMs: number }
  | { kind: 'failed'; id: number; message: string };
