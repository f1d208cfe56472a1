// The worker-thread entry point (piscina, see pool.ts): runs one replication task.
import type { TaskInput } from './points.js';
import { runTask } from './replicate.js';

export default function (input: TaskInput) {
  return runTask(input);
}
