/**
 * The report's timeline: replication 0 of the study's first policy at its largest core count is run
 * with a recorder (see trace.ts), and its first TIMELINE_MAX_SEGMENTS core states after the warm-up
 * go into results.json. Which task records is fixed by the study, never by threads or timing.
 */
import { CORE_STATES } from '../model/metrics.js';
import type { Scenario, Timeline } from '../types/index.js';
import type { PointPlan, TaskResult } from './points.js';

/** Marks replication 0 of the first policy at the largest core count (of the first variant). */
export function markTimelineTask(plans: readonly PointPlan[]): void {
  const first = plans.filter((p) => p.scenario === plans[0].scenario && p.policy === 0);
  if (first.length === 0) return;
  const largest = first.reduce((a, b) => (b.cores > a.cores ? b : a));
  if (largest.tasks.length > 0) largest.tasks[0] = { ...largest.tasks[0], timeline: true };
}

/** The recorded window in results.json's shape. */
export function timelineOf(scenario: Scenario, { task, timeline }: TaskResult): Timeline {
  const recording = timeline as NonNullable<TaskResult['timeline']>;
  return {
    policy: scenario.policies[task.policy].name,
    cores: task.cores,
    states: [...CORE_STATES],
    fromNs: ps(recording.fromNs),
    toNs: ps(recording.toNs),
    // to the picosecond: the chart needs no more, and results.json stays small
    segments: recording.segments.map(([core, state, a, b]) => [core, state, ps(a), ps(b)]),
  };
}

function ps(ns: number): number {
  return Math.round(ns * 1000) / 1000;
}
