/**
 * The playground's simulator, as the page runs it: one simulating worker, and on a machine with more
 * than one core helper workers beside it, all from the same bundle, each helper joined to the
 * simulating worker by a MessageChannel (sim/browser/pool.ts hands them replications). The page adds
 * the helpers once a set's first answer is drawn: until then every core is busy with the first answer
 * (the page evaluating vega and drawing, the worker simulating), and a helper starting up, with its
 * own cold code, slowed it down; they then speed up the refinement. An edit while the workers are busy
 * stops the helpers, whose queued tasks would hold the next study up, and sends the simulating worker
 * the edit: it stops the study under way and, warm, simulates the edit; fresh helpers join once its
 * first answer is drawn.
 */
import { page } from './dom.js';
import type { ConnectRequest, DrawnNote, SimulateRequest, WorkerAnswer } from './protocol.js';

/** At most this many threads simulate: beyond a few, starting and warming them costs more than they give. */
const MAX_THREADS = 4;

/** Threads for this machine: one per core the browser reports, at least one, at most MAX_THREADS. */
export function simulatorThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, page.navigator.hardwareConcurrency ?? 1));
}

export interface Simulator {
  /** asks the simulating worker for a study */
  post(request: SimulateRequest): void;
  /** tells the simulating worker that the answers of edit `id` so far are drawn */
  drawn(id: number): void;
  /** starts helpers until the set has `threads` workers; they join the study under way */
  grow(threads: number): void;
  /**
   * stops the helpers and tells the simulating worker, which stops its study between two replications
   * and stays, warm, for the next request; grow() starts fresh helpers
   */
  stopHelpers(): void;
  /** stops every worker of the set */
  terminate(): void;
}

/**
 * Starts the simulating worker from the bundle at `url`. `listen` hears every worker of the set by its
 * number (0: the simulating one; each says when it is ready), `failed` any worker's error.
 */
export function startSimulator(
  url: string,
  listen: (answer: WorkerAnswer, worker: number) => void,
  failed: (message: string) => void,
): Simulator {
  const start = (i: number) => {
    const worker = new page.Worker(url);
    worker.onmessage = (event) => listen(event.data as WorkerAnswer, i);
    worker.onerror = (event) => failed(event.message);
    return worker;
  };
  const workers = [start(0)];
  return {
    post: (request) => workers[0].postMessage(request),
    drawn: (id) => workers[0].postMessage({ kind: 'drawn', id } satisfies DrawnNote),
    grow(threads) {
      const ports = [];
      while (workers.length < threads) {
        const helper = start(workers.length);
        workers.push(helper);
        const channel = new page.MessageChannel();
        helper.postMessage({ kind: 'serve', port: channel.port2 }, [channel.port2]);
        ports.push(channel.port1);
      }
      if (ports.length === 0) return;
      const connect = { kind: 'connect', helpers: ports } as unknown as ConnectRequest;
      workers[0].postMessage(connect, ports);
    },
    stopHelpers() {
      if (workers.length === 1) return;
      for (const helper of workers.splice(1)) helper.terminate();
      workers[0].postMessage({ kind: 'disconnect' } satisfies ConnectRequest);
    },
    terminate: () => {
      for (const worker of workers) worker.terminate();
    },
  };
}
