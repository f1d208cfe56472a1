// The worker-thread entry point (piscina): runs one replication task.
import { runTask, type TaskInput } from './replicate.js';

export default function (input: TaskInput) {
  return runTask(input);
}
