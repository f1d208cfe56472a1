/**
 * A recorded replication as Chrome trace-event JSON, the format Perfetto (ui.perfetto.dev) and
 * chrome://tracing open: one thread per core with its states as complete ("X") events, a thread for
 * the heap lock with one event per owner, and counters ("C") for the cores waiting for the lock and
 * the clear bandwidth in use. Timestamps are µs of simulated time, as the format wants.
 */
import { CORE_STATES } from '../model/metrics.js';
import type { Scenario } from '../types/index.js';
import { type TracedReplication, traceCoverage } from './trace.js';

interface TraceEvent {
  ph: 'X' | 'M' | 'C';
  name: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  args?: Record<string, number | string>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ns';
  otherData: Record<string, unknown>;
}

const PID = 1;
const us = (ns: number) => ns / 1000;

/** The trace's pools are named from the core outwards, DRAM last. */
function poolName(pool: number, pools: number): string {
  return pool === pools - 1 ? 'DRAM' : `pool ${pool}`;
}

export function chromeTrace(scenario: Scenario, traced: TracedReplication): ChromeTrace {
  const { point, recording, result, seed } = traced;
  const policy = scenario.policies[point.policy].name;
  const lockTid = point.cores;
  const events: TraceEvent[] = [
    {
      ph: 'M',
      name: 'process_name',
      pid: PID,
      tid: 0,
      args: { name: `${scenario.name}: ${policy} @ ${point.cores} cores` },
    },
  ];
  for (let c = 0; c < point.cores; c++) {
    events.push({ ph: 'M', name: 'thread_name', pid: PID, tid: c, args: { name: `core ${c}` } });
    events.push({ ph: 'M', name: 'thread_sort_index', pid: PID, tid: c, args: { sort_index: c } });
  }
  events.push({ ph: 'M', name: 'thread_name', pid: PID, tid: lockTid, args: { name: 'heap lock (owner)' } });
  events.push({ ph: 'M', name: 'thread_sort_index', pid: PID, tid: lockTid, args: { sort_index: -1 } });
  for (const [core, state, startNs, endNs] of recording.segments) {
    events.push({
      ph: 'X',
      cat: 'core',
      name: CORE_STATES[state],
      pid: PID,
      tid: core,
      ts: us(startNs),
      dur: us(endNs - startNs),
    });
  }
  for (const [core, grantNs, releaseNs] of recording.lock) {
    events.push({
      ph: 'X',
      cat: 'lock',
      name: `core ${core}`,
      pid: PID,
      tid: lockTid,
      ts: us(grantNs),
      dur: us(releaseNs - grantNs),
      args: { core },
    });
  }
  for (const [timeNs, waiting] of recording.waiters) {
    events.push({
      ph: 'C',
      name: 'lock waiters',
      pid: PID,
      tid: lockTid,
      ts: us(timeNs),
      args: { cores: waiting },
    });
  }
  recording.bandwidth.forEach((steps, pool) => {
    const name = `clear bandwidth ${poolName(pool, recording.bandwidth.length)} (GB/s)`;
    for (const [timeNs, gbps] of steps)
      events.push({ ph: 'C', name, pid: PID, tid: 0, ts: us(timeNs), args: { GBps: gbps } });
  });
  return {
    traceEvents: events,
    displayTimeUnit: 'ns',
    otherData: {
      tool: 'zerosim',
      scenario: scenario.name,
      policy,
      cores: point.cores,
      replication: 0,
      seed,
      timeUnit: 'µs of simulated time',
      traceStartUs: us(recording.fromNs),
      traceEndUs: us(recording.toNs),
      measuredStartUs: us(result.windowStartNs),
      measuredEndUs: us(result.windowStartNs + result.windowNs),
      cut: traceCoverage(traced),
      cutByEventCap: recording.cut,
      coreTimeShare: result.coreTimeShare,
      allocsPerSec: result.allocsPerSec,
    },
  };
}
