/**
 * Runs a resolved scenario: check the event budget → expand tasks (policy × cores × replication) →
 * simulate (in-process, or on worker threads) → summarise each point in scenario order. Results do not
 * depend on the number of threads: each task's seed is fixed and results are gathered by task index.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ReplicationResult } from '../model/replication.js';
import { estimateEvents } from './budget.js';
import { budgetExceeded } from './messages.js';
import { expandTasks } from './points.js';
import { runTask } from './replicate.js';
import { InputError } from './scenario/errors.js';
import { summarisePoint } from './summarise.js';
import type { Point, Results, Scenario } from './types.js';

export interface RunOptions {
  /** worker threads; results are identical for every value */
  jobs: number;
  /** called after each finished replication with (done, total) */
  onProgress?: (done: number, total: number) => void;
  /** aborts the run (Ctrl-C): pending tasks are dropped and the promise rejects */
  signal?: AbortSignal;
  /** written into results.json as tool.version */
  toolVersion?: string;
}

/** The compiled worker beside this module when running from the build; from TypeScript sources, none. */
function workerFile(): string | null {
  return import.meta.url.endsWith('.js') ? fileURLToPath(new URL('./worker.js', import.meta.url)) : null;
}

export async function runStudy(scenario: Scenario, options: RunOptions): Promise<Results> {
  const estimate = estimateEvents(scenario);
  if (estimate > scenario.run.maxEvents) {
    throw new InputError([budgetExceeded(scenario.name, estimate, scenario.run.maxEvents)]);
  }
  const tasks = expandTasks(scenario);
  const results = new Array<ReplicationResult>(tasks.length);
  let done = 0;
  const finished = () => options.onProgress?.(++done, tasks.length);
  const file = options.jobs > 1 ? workerFile() : null;
  if (file === null) {
    for (const [i, task] of tasks.entries()) {
      if (options.signal?.aborted) throw options.signal.reason;
      results[i] = runTask({ scenario, task });
      finished();
      // Yield so signals and progress redraws get a turn between replications.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    const pool = new Piscina({ filename: file, maxThreads: options.jobs, minThreads: options.jobs });
    try {
      await Promise.all(
        tasks.map(async (task, i) => {
          results[i] = await pool.run({ scenario, task }, { signal: options.signal });
          finished();
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  const points: Point[] = [];
  let i = 0;
  for (const policy of scenario.policies) {
    for (const cores of scenario.cores) {
      points.push(summarisePoint(scenario, policy, cores, results.slice(i, i + scenario.run.replications)));
      i += scenario.run.replications;
    }
  }
  return { tool: { name: 'zerosim', version: options.toolVersion ?? '0.0.0' }, scenario, points };
}
