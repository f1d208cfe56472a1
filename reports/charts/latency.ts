/**
 * Chart 6, allocation latency (request to usable block) against cores: one small panel each for
 * p50, p99 and p99.9 on a shared log scale, so the tail can be compared with the median at a glance.
 */
import type { Results } from '../../sim/types/index.js';
import { formatPct } from '../format.js';
import { pointsByPolicy } from '../points.js';
import {
  appliesToSweep,
  base,
  type ChartBuilder,
  coincidingNote,
  coresAxis,
  HEIGHT,
  legendPick,
  pickedOpacity,
  policyColor,
} from './common.js';

const PERCENTILES = [
  { key: 'p50', label: 'p50' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
] as const;

/**
 * Latency is bimodal when only some callers need zeroed memory and some policy honours that: a caller
 * that needs zeroing waits for a clear, the others do not, so the median can sit in either mode and
 * jump between them from one core count to the next.
 */
export function bimodalLatency(results: Results): boolean {
  const f = results.scenario.workload.needZeroFraction;
  return f > 0 && f < 1 && results.scenario.policies.some((p) => p.honorNeedZero && p.zeroAt !== 'never');
}

/** Width of one percentile panel, in pixels. */
const PANEL_WIDTH = 120;

/** One row per policy × cores × percentile; non-positive latencies cannot sit on a log axis and are left out. */
export function latencyRows(results: Results) {
  return pointsByPolicy(results).flatMap(({ policy, points }) =>
    points.flatMap((p) =>
      PERCENTILES.map((q) => ({
        policy,
        cores: p.cores,
        percentile: q.label,
        latencyNs: p.latencyNs[q.key],
      })).filter((r) => r.latencyNs > 0),
    ),
  );
}

export const latency: ChartBuilder<'latency'> = {
  name: 'latency',
  title: 'Allocation latency',
  caption:
    'Time from an allocation request to a usable block, as median, 99th and 99.9th percentile, on one shared ' +
    'log scale. Latency adds up lock wait, lock hold, clearing and page faults, so it climbs as soon as any ' +
    'of them queues; the tail climbs first.',
  applies: appliesToSweep,
  note(results) {
    const same = coincidingNote(results);
    if (!bimodalLatency(results)) return same;
    const share = formatPct(results.scenario.workload.needZeroFraction);
    return (
      `Latency is bimodal here: ${share} of callers need zeroed memory and wait for a clear, the rest do not, ` +
      'so the p50 sits in one mode or the other and can jump between them from one core count to the next; ' +
      'the p99 follows the clearing mode.' +
      (same === null ? '' : ` ${same}`)
    );
  },
  build(results) {
    return {
      ...base('Allocation latency p50/p99/p99.9 (ns) against cores, per policy'),
      data: { values: latencyRows(results) },
      facet: {
        column: {
          field: 'percentile',
          type: 'ordinal',
          sort: PERCENTILES.map((q) => q.label),
          title: null,
          header: {
            labelFontWeight: 'bold',
            // say so on the chart itself, not only in the note
            ...(bimodalLatency(results)
              ? { labelExpr: "datum.value === 'p50' ? 'p50 (bimodal: see note)' : datum.value" }
              : {}),
          },
        },
      },
      spacing: 10,
      spec: {
        width: PANEL_WIDTH,
        height: HEIGHT,
        params: [legendPick()],
        mark: { type: 'line', point: { size: 22 }, strokeWidth: 1.8 },
        encoding: {
          x: { ...coresAxis(results), axis: { ...coresAxis(results).axis, labelFontSize: 9 } },
          y: {
            field: 'latencyNs',
            type: 'quantitative',
            title: 'allocation latency (ns, log scale)',
            scale: { type: 'log' },
            axis: { format: '~s' },
          },
          color: policyColor(results),
          opacity: pickedOpacity(),
          tooltip: [
            { field: 'policy', type: 'nominal' },
            { field: 'cores', type: 'quantitative' },
            { field: 'percentile', type: 'nominal' },
            { field: 'latencyNs', type: 'quantitative', title: 'latency (ns)', format: ',.0f' },
          ],
        },
      },
    };
  },
};
