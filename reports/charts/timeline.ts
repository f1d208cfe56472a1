/**
 * The timeline: what each core did, state by state, over a short window of one replication after the
 * warm-up (replication 0 of the first policy at the largest core count), as bars along simulated time.
 * A lock convoy shows as red lock-wait bars stacked across cores while one core at a time holds the
 * lock; a bandwidth share as orange clears that stretch when many overlap.
 */
import type { Results, Timeline } from '../../sim/types/index.js';
import { formatNs } from '../format.js';
import { base, type ChartBuilder, WIDTH } from './common.js';
import { TIME_STATES } from './time-share.js';

/** Pixels per core row, and the most the chart grows to. */
const ROW_PX = 12;
const MAX_HEIGHT_PX = 520;

/** One bar per segment, times in µs from the window's start; segments of unknown states are left out. */
export function timelineRows(timeline: Timeline) {
  const known = new Map<string, (typeof TIME_STATES)[number]>(TIME_STATES.map((s) => [s.key, s]));
  const rows: { core: number; state: string; startUs: number; endUs: number; durationNs: number }[] = [];
  for (const [core, state, startNs, endNs] of timeline.segments) {
    const info = known.get(timeline.states[state] ?? '');
    if (info === undefined || !(endNs > startNs)) continue;
    rows.push({
      core,
      state: info.label,
      startUs: (startNs - timeline.fromNs) / 1000,
      endUs: (endNs - timeline.fromNs) / 1000,
      durationNs: endNs - startNs,
    });
  }
  return rows;
}

/** The states the window shows, in the time-share chart's order and colours. */
function shownStates(timeline: Timeline) {
  const present = new Set(timeline.segments.map(([, state]) => timeline.states[state]));
  return TIME_STATES.filter((s) => present.has(s.key));
}

export const timeline: ChartBuilder<'timeline'> = {
  name: 'timeline',
  title: 'Timeline: what each core does',
  caption:
    'Each row is one core; each bar one stretch of it in one state, along simulated time from the end of ' +
    'the warm-up, for one replication of one point. Red lock-wait bars lined up across cores while one ' +
    'core at a time holds the lock are a lock convoy; orange clears that overlap on many cores share the ' +
    'clear bandwidth. The colours are those of the time-share chart.',
  wide: true,
  applies: (results) => results.timeline !== undefined && results.timeline.segments.length > 0,
  note(results) {
    const t = results.timeline as Timeline;
    return `Shown: ${t.policy} at ${t.cores} cores, replication 0, ${formatNs(t.toNs - t.fromNs)} of simulated time.`;
  },
  build(results: Results) {
    const t = results.timeline as Timeline;
    const states = shownStates(t);
    return {
      ...base(
        `Per-core states over ${formatNs(t.toNs - t.fromNs)} of simulated time: ${t.policy} at ${t.cores} cores`,
      ),
      width: WIDTH * 2,
      height: Math.min(MAX_HEIGHT_PX, Math.max(120, t.cores * ROW_PX)),
      data: { values: timelineRows(t) },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: {
          field: 'startUs',
          type: 'quantitative',
          title: 'simulated time after the warm-up (µs)',
          scale: { nice: false },
        },
        x2: { field: 'endUs' },
        y: {
          field: 'core',
          type: 'ordinal',
          title: 'core',
          axis: {
            labelExpr: t.cores > 16 ? 'datum.value % 8 === 0 ? datum.label : ""' : 'datum.label',
            ticks: false,
          },
        },
        color: {
          field: 'state',
          type: 'nominal',
          title: 'state',
          scale: { domain: states.map((s) => s.label), range: states.map((s) => s.color) },
        },
        tooltip: [
          { field: 'core', type: 'ordinal', title: 'core' },
          { field: 'state', type: 'nominal', title: 'state' },
          { field: 'startUs', type: 'quantitative', title: 'from (µs)', format: ',.3f' },
          { field: 'durationNs', type: 'quantitative', title: 'lasts (ns)', format: ',.0f' },
        ],
      },
    };
  },
};
