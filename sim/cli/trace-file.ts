// --trace POLICY@CORES on `run`: the recorded replication as DIR/trace-POLICY-CORES.json, and the
// line on stdout that says where it is and what of the measured window it left out.

import { join } from 'node:path';
import { chromeTrace } from '../experiment/chrome-trace.js';
import * as messages from '../experiment/messages.js';
import { type TracePoint, traceCoverage, traceReplication } from '../experiment/trace.js';
import type { Scenario } from '../types/index.js';
import type { OutputFile } from './file-set.js';
import { displayPath } from './paths.js';

/** What --trace and --trace-window-us asked for, checked against the study. */
export interface TraceRequest {
  point: TracePoint;
  /** Infinity: the default window, up to TRACE_MAX_SEGMENTS core states */
  windowNs: number;
}

export function tracePath(dir: string, scenario: Scenario, point: TracePoint): string {
  return join(dir, `trace-${scenario.policies[point.policy].name}-${point.cores}.json`);
}

/** A trace to write: the file, and the line on stdout that says where it is and what it holds. */
export interface TraceOutput {
  file: OutputFile;
  line: string;
}

/** Records the point's first replication; the file to write and the line to print. */
export function traceFile(dir: string, scenario: Scenario, request: TraceRequest): TraceOutput {
  const traced = traceReplication(scenario, request.point, request.windowNs);
  const path = tracePath(dir, scenario, request.point);
  return {
    file: { path, text: `${JSON.stringify(chromeTrace(scenario, traced))}\n` },
    line: messages.traceWrittenLine(displayPath(path), traceCoverage(traced)),
  };
}
