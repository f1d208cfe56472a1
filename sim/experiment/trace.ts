/**
 * One replication of one point, recorded: what --trace writes and what the report's timeline draws.
 * The replication is the point's first (its usual seed). It runs twice: once whole, for its figures
 * and where its measured window starts (the warm-up cut depends on when the run ends), then with a
 * recorder from there, which changes nothing the run does until it stops it once the window is over.
 */
import { modelConfig } from '../model/config.js';
import { type ReplicationResult, runReplication } from '../model/replication.js';
import { type Recording, WindowRecorder } from '../model/trace.js';
import type { Scenario } from '../types/index.js';
import * as messages from './messages.js';
import { replicationSeed } from './points.js';
import { InputError } from './scenario/errors.js';

/** A point of the study, by its policy's index in scenario.policies and its core count. */
export interface TracePoint {
  policy: number;
  cores: number;
}

/** Core states a trace keeps at most (≈ 200k trace events with the lock's and the counters'). */
export const TRACE_MAX_SEGMENTS = 100_000;
/** Core states the report's timeline keeps: a few cycles of each core, small in results.json. */
export const TIMELINE_MAX_SEGMENTS = 3000;

/** "POLICY@CORES" → the point; InputError (one line) when the study has no such point. */
export function parseTracePoint(text: string, scenario: Scenario): TracePoint {
  const names = scenario.policies.map((p) => p.name);
  const at = text.lastIndexOf('@');
  const policy = names.indexOf(text.slice(0, at));
  const coresText = text.slice(at + 1);
  const cores = /^\d+$/.test(coresText) ? Number(coresText) : Number.NaN;
  if (at < 0 || policy < 0 || !scenario.cores.includes(cores))
    throw new InputError([messages.traceFlagProblem(text, names, scenario.cores)]);
  return { policy, cores };
}

export interface TracedReplication {
  point: TracePoint;
  seed: number;
  result: ReplicationResult;
  recording: Recording;
  /** the cap on core states this recording had */
  maxSegments: number;
}

/**
 * Replication 0 of the point, recorded from the start of its measured window for `windowNs` (to the
 * end when infinite), keeping at most `maxSegments` core states.
 */
export function traceReplication(
  scenario: Scenario,
  point: TracePoint,
  windowNs = Number.POSITIVE_INFINITY,
  maxSegments = TRACE_MAX_SEGMENTS,
): TracedReplication {
  const seed = replicationSeed(scenario.run.seed, point.cores, 0);
  const config = modelConfig(scenario, scenario.policies[point.policy], point.cores, seed);
  const result = runReplication(config);
  const startNs = result.windowStartNs;
  const recorder = new WindowRecorder(point.cores, {
    fromNs: startNs,
    toNs: startNs + windowNs,
    maxSegments,
  });
  // the recorded run stops once its window is over, so its own figures are of a cut run: unused
  runReplication(config, recorder);
  const endNs = startNs + result.windowNs;
  return { point, seed, result, recording: recorder.finish(endNs), maxSegments };
}

/** What the trace left out of the measured window, in a sentence. */
export function traceCoverage(traced: TracedReplication): string {
  const { recording, result, maxSegments } = traced;
  return messages.traceCoverage(
    recording.fromNs / 1000,
    recording.toNs / 1000,
    (result.windowStartNs + result.windowNs) / 1000,
    recording.cut,
    maxSegments,
  );
}
