// One replication task, as run in-process or on a worker thread: scenario + task → the task and its result.
import { modelConfig } from '../model/config.js';
import { runReplication } from '../model/replication.js';
import type { TaskInput, TaskResult } from './points.js';

export function runTask({ scenario, task }: TaskInput): TaskResult {
  const result = runReplication(modelConfig(scenario, scenario.policies[task.policy], task.cores, task.seed));
  return { task, result };
}
