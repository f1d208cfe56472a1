/**
 * Chart 3, the heap lock against cores: wait time p50/p99 (log scale) beside lock utilisation with its
 * 95% CI. Utilisation near 100% with waits that grow with every core means the lock is the bottleneck.
 */
import type { Results } from '../../sim/types/index.js';
import { pointsByPolicy } from '../points.js';
import {
  appliesToSweep,
  base,
  type ChartBuilder,
  coincidingNote,
  coresAxis,
  DASH_LEGEND,
  HALF_WIDTH,
  HEIGHT,
  legendPick,
  pickedOpacity,
  policyColor,
} from './common.js';

/** Wait percentiles, one row per policy × cores × percentile; zero waits cannot sit on a log axis and are left out. */
export function lockWaitRows(results: Results) {
  return pointsByPolicy(results).flatMap(({ policy, points }) =>
    points.flatMap((p) =>
      [
        { percentile: 'p50', waitNs: p.lockWaitNs.p50 },
        { percentile: 'p99', waitNs: p.lockWaitNs.p99 },
      ]
        .filter((w) => w.waitNs > 0)
        .map((w) => ({ policy, cores: p.cores, ...w })),
    ),
  );
}

export function lockUtilRows(results: Results) {
  return pointsByPolicy(results).flatMap(({ policy, points }) =>
    points.map((p) => ({
      policy,
      cores: p.cores,
      utilization: p.lockUtilization.mean,
      ci95: p.lockUtilization.ci95,
      lo: Math.max(0, p.lockUtilization.mean - p.lockUtilization.ci95),
      hi: Math.min(1, p.lockUtilization.mean + p.lockUtilization.ci95),
      queue: p.lockQueueLength.mean,
    })),
  );
}

export const lock: ChartBuilder<'lock'> = {
  name: 'lock',
  title: 'Heap lock: wait and utilisation',
  caption:
    'Left: time a core waits for the heap lock, median (solid) and 99th percentile (dashed), log scale; zero ' +
    'waits are not drawn. Right: the fraction of time the lock is held, with its 95% CI. Once utilisation ' +
    'nears 100% the lock serves allocations as fast as it can, and every extra core only adds to the queue.',
  applies: appliesToSweep,
  note: coincidingNote,
  build(results) {
    const x = coresAxis(results);
    const color = policyColor(results);
    return {
      ...base('Heap-lock wait p50/p99 (ns) and lock utilisation (%) against cores, per policy'),
      hconcat: [
        {
          width: HALF_WIDTH,
          height: HEIGHT,
          data: { values: lockWaitRows(results) },
          params: [legendPick()],
          mark: { type: 'line', point: true, strokeWidth: 2 },
          encoding: {
            x,
            y: {
              field: 'waitNs',
              type: 'quantitative',
              title: 'lock wait (ns, log scale)',
              scale: { type: 'log' },
              axis: { format: '~s' },
            },
            color,
            strokeDash: {
              field: 'percentile',
              type: 'nominal',
              title: 'percentile',
              legend: DASH_LEGEND,
              scale: {
                domain: ['p50', 'p99'],
                range: [
                  [1, 0],
                  [5, 3],
                ],
              },
            },
            opacity: pickedOpacity(),
            tooltip: [
              { field: 'policy', type: 'nominal' },
              { field: 'cores', type: 'quantitative' },
              { field: 'percentile', type: 'nominal' },
              { field: 'waitNs', type: 'quantitative', title: 'wait (ns)', format: ',.0f' },
            ],
          },
        },
        {
          width: HALF_WIDTH,
          height: HEIGHT,
          data: { values: lockUtilRows(results) },
          encoding: {
            x,
            color,
            opacity: pickedOpacity(),
          },
          layer: [
            {
              mark: { type: 'area', opacity: 0.18, tooltip: false },
              encoding: {
                y: { field: 'lo', type: 'quantitative', title: 'lock utilisation (%)' },
                y2: { field: 'hi' },
              },
            },
            {
              mark: { type: 'line', point: true, strokeWidth: 2 },
              encoding: {
                y: {
                  field: 'utilization',
                  type: 'quantitative',
                  title: 'lock utilisation (%)',
                  scale: { domain: [0, 1] },
                  axis: { format: '.0%' },
                },
                tooltip: [
                  { field: 'policy', type: 'nominal' },
                  { field: 'cores', type: 'quantitative' },
                  { field: 'utilization', type: 'quantitative', title: 'utilisation (%)', format: '.1%' },
                  { field: 'ci95', type: 'quantitative', title: '± 95% CI (%)', format: '.1%' },
                  { field: 'queue', type: 'quantitative', title: 'mean queue length', format: '.2f' },
                ],
              },
            },
          ],
        },
      ],
    };
  },
};
