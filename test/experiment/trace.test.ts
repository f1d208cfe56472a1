/**
 * --trace's recording and its Chrome trace JSON: it parses; per core, events never overlap; and over an
 * untruncated window (the whole measured window), the time each state takes across the cores equals
 * the replication's coreTimeShare × cores × window, up to float rounding (1e-9 relative). Seeds: the
 * scenarios' run.seed (1), replication 0.
 */
import { describe, expect, it } from 'vitest';
import { chromeTrace } from '../../sim/experiment/chrome-trace.js';
import { replicationSeed } from '../../sim/experiment/points.js';
import { runTask } from '../../sim/experiment/replicate.js';
import { InputError } from '../../sim/experiment/scenario/errors.js';
import { parseTracePoint, traceReplication } from '../../sim/experiment/trace.js';
import { CORE_STATES } from '../../sim/model/metrics.js';
import { policy, scenario } from '../model/helpers.js';

const study = scenario({
  cores: [1, 4],
  policies: [policy('go1.0-under-lock'), policy('go1.1-after-unlock')],
  run: { allocationsPerCore: 300 },
} as never);
const futex = scenario({
  cores: [4],
  machine: { lock: { kind: 'futex', spinNs: 300, wakeNs: 500, wakeLatencyNs: 2000 } },
  policies: [policy('go1.0-under-lock')],
  run: { allocationsPerCore: 300 },
} as never);

/** a shared last-level cache in front of DRAM: two clear pools, so two bandwidth counters */
const cached = scenario({
  cores: [4],
  machine: {
    memory: { caches: [{ name: 'llc', bytes: 8 * 1048576, shared: true, coreGBps: 40, totalGBps: 80 }] },
  },
  policies: [policy('go1.1-after-unlock')],
  run: { allocationsPerCore: 300 },
} as never);

type Ev = { ph: string; name: string; tid: number; ts?: number; dur?: number; args?: Record<string, number> };

function parsed(s: typeof study, text: string, windowNs?: number) {
  const traced = traceReplication(s, parseTracePoint(text, s), windowNs, Number.POSITIVE_INFINITY);
  const json = JSON.parse(JSON.stringify(chromeTrace(s, traced))) as {
    traceEvents: Ev[];
    displayTimeUnit: string;
    otherData: Record<string, unknown>;
  };
  return { traced, json };
}

describe('--trace POLICY@CORES', () => {
  it('refuses a point the study does not have, in one line', () => {
    for (const bad of ['nope@4', 'go1.0-under-lock@3', 'go1.0-under-lock', 'go1.0-under-lock@x']) {
      expect(() => parseTracePoint(bad, study)).toThrow(InputError);
      try {
        parseTracePoint(bad, study);
      } catch (error) {
        expect((error as InputError).problems).toHaveLength(1);
        expect((error as InputError).problems[0]).toMatch(/^--trace: got "/);
      }
    }
    expect(parseTracePoint('go1.1-after-unlock@4', study)).toEqual({ policy: 1, cores: 4 });
  });

  for (const [s, text] of [
    [study, 'go1.0-under-lock@4'],
    [study, 'go1.1-after-unlock@4'],
    [study, 'go1.1-after-unlock@1'],
    [futex, 'go1.0-under-lock@4'],
    [cached, 'go1.1-after-unlock@4'],
  ] as const) {
    it(`${s.machine.lock.kind} ${text}: parses, no overlaps, state times equal coreTimeShare`, () => {
      const { traced, json } = parsed(s, text);
      const cores = traced.point.cores;
      expect(json.displayTimeUnit).toBe('ns');
      const slices = json.traceEvents.filter((e) => e.ph === 'X' && e.tid < cores);
      const totals = new Map<string, number>();
      for (let c = 0; c < cores; c++) {
        const mine = slices.filter((e) => e.tid === c).sort((a, b) => (a.ts as number) - (b.ts as number));
        for (let i = 1; i < mine.length; i++) {
          const end = (mine[i - 1].ts as number) + (mine[i - 1].dur as number);
          expect(mine[i].ts as number).toBeGreaterThanOrEqual(end - 1e-9 * end);
        }
        for (const e of mine) totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur as number));
      }
      const { result } = traced;
      const windowUs = result.windowNs / 1000;
      for (const state of CORE_STATES) {
        const share = result.coreTimeShare[state];
        if (share === undefined) continue;
        expect((totals.get(state) ?? 0) / (windowUs * cores)).toBeCloseTo(share, 9);
      }
      // the trace is the whole measured window
      expect(json.otherData.traceStartUs).toBeCloseTo(result.windowStartNs / 1000, 9);
      expect(json.otherData.traceEndUs).toBeCloseTo((result.windowStartNs + result.windowNs) / 1000, 9);
      // lock owners never overlap; the lock is busy for its utilisation of the window
      const owners = json.traceEvents
        .filter((e) => e.ph === 'X' && e.tid === cores)
        .sort((a, b) => (a.ts as number) - (b.ts as number));
      for (let i = 1; i < owners.length; i++)
        expect(owners[i].ts as number).toBeGreaterThanOrEqual(
          (owners[i - 1].ts as number) + (owners[i - 1].dur as number) - 1e-6,
        );
      const busyUs = owners.reduce((sum, e) => sum + (e.dur as number), 0);
      expect(busyUs / windowUs).toBeCloseTo(result.lockUtilization, 9);
      // bandwidth counters stay within the pool's total
      const bw = json.traceEvents.filter((e) => e.ph === 'C' && e.name.startsWith('clear bandwidth'));
      expect(bw.length).toBeGreaterThan(0);
      const pools = new Set(bw.map((e) => e.name));
      expect(pools.size).toBe(s.machine.memory.caches?.some((c) => c.shared) ? 2 : 1);
      const caches = s.machine.memory.caches ?? [];
      const mostGBps = Math.max(s.machine.memory.totalClearGBps, ...caches.map((c) => c.totalGBps ?? 0));
      for (const e of bw) expect(e.args?.GBps).toBeLessThanOrEqual(mostGBps * (1 + 1e-9));
      const names = json.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name');
      expect(names).toHaveLength(cores + 1);
    });
  }

  it('a window cuts the trace and says so; the event cap does too', () => {
    const whole = parsed(study, 'go1.0-under-lock@4').traced;
    const short = traceReplication(study, { policy: 0, cores: 4 }, 50_000);
    expect(short.recording.toNs).toBeCloseTo(short.recording.fromNs + 50_000, 6);
    expect(short.recording.segments.length).toBeLessThan(whole.recording.segments.length);
    const json = chromeTrace(study, short);
    expect(String(json.otherData.cut)).toMatch(/cut by --trace-window-us/);
    const capped = traceReplication(study, { policy: 0, cores: 4 }, undefined, 200);
    expect(capped.recording.cut).toBe(true);
    expect(capped.recording.segments.length).toBeLessThanOrEqual(200 + 4);
    expect(String(chromeTrace(study, capped).otherData.cut)).toMatch(/cut at 200 core states/);
  });

  it("the report's timeline task keeps the replication's own figures, though its recorded run stops early", () => {
    // 4 cores × 2000 allocations leave far more than the timeline's 3000 core states: the recording
    // is cut, and the recorded run stops there; the task's result must still be the whole run's
    const long = scenario({
      cores: [4],
      policies: [policy('go1.0-under-lock')],
      run: { allocationsPerCore: 2000 },
    } as never);
    const task = { policy: 0, cores: 4, replication: 0, seed: replicationSeed(long.run.seed, 4, 0) };
    const plain = runTask({ scenario: long, task });
    const recorded = runTask({ scenario: long, task: { ...task, timeline: true } });
    expect(recorded.timeline?.cut).toBe(true);
    expect(recorded.result).toEqual(plain.result);
    expect(recorded.timeline?.fromNs).toBe(plain.result.windowStartNs);
  });
});
