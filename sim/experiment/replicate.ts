// One replication task, as run in-process or on a worker thread: scenario + task → the task and its result
// (and, for the one task that asks, the report's timeline window of it).
import { modelConfig } from '../model/config.js';
import { runReplication } from '../model/replication.js';
import type { TaskInput, TaskResult } from './points.js';
import { TIMELINE_MAX_SEGMENTS, traceReplication } from './trace.js';

export function runTask({ scenario, task }: TaskInput): TaskResult {
  if (task.timeline) {
    const traced = traceReplication(scenario, task, Number.POSITIVE_INFINITY, TIMELINE_MAX_SEGMENTS);
    return { task, result: traced.result, timeline: traced.recording };
  }
  const result = runReplication(modelConfig(scenario, scenario.policies[task.policy], task.cores, task.seed));
  return { task, result };
}
