// One replication task, as run in-process or on a worker thread: scenario + task → plain result.
import { modelConfig } from '../model/config.js';
import { type ReplicationResult, runReplication } from '../model/replication.js';
import type { Scenario } from '../types/index.js';
import type { Task } from './points.js';

export interface TaskInput {
  scenario: Scenario;
  task: Task;
}

export function runTask({ scenario, task }: TaskInput): ReplicationResult {
  return runReplication(modelConfig(scenario, scenario.policies[task.policy], task.cores, task.seed));
}
