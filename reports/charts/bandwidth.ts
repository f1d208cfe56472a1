/**
 * Chart 7, clear-bandwidth utilisation against cores with its 95% CI: the share of totalClearGBps in
 * use. A curve pinned near 100% means DRAM write bandwidth, not the lock, caps throughput.
 */
import type { Results } from '../../sim/types/index.js';
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
  WIDTH,
} from './common.js';

export function bandwidthRows(results: Results) {
  return pointsByPolicy(results).flatMap(({ policy, points }) =>
    points.map((p) => ({
      policy,
      cores: p.cores,
      utilization: p.bandwidthUtilization.mean,
      ci95: p.bandwidthUtilization.ci95,
      lo: Math.max(0, p.bandwidthUtilization.mean - p.bandwidthUtilization.ci95),
      hi: Math.min(1, p.bandwidthUtilization.mean + p.bandwidthUtilization.ci95),
    })),
  );
}

const y = {
  type: 'quantitative' as const,
  title: 'clear-bandwidth utilisation (%)',
  scale: { domain: [0, 1] },
  axis: { format: '.0%' },
};

export const bandwidth: ChartBuilder<'bandwidth'> = {
  name: 'bandwidth',
  title: 'Clear-bandwidth utilisation',
  caption:
    'Bytes cleared per second (by cores, background zeroers and the kernel on page faults) as a share of the ' +
    "machine's total clear bandwidth, with the 95% CI. A policy that clears under the lock can never use more " +
    "than one core's clear rate, however many cores wait.",
  applies: appliesToSweep,
  note: coincidingNote,
  build(results) {
    const x = coresAxis(results);
    const color = policyColor(results);
    return {
      ...base('Clear-bandwidth utilisation (%) against cores, per policy, with 95% CI'),
      width: WIDTH,
      height: HEIGHT,
      data: { values: bandwidthRows(results) },
      layer: [
        {
          mark: { type: 'area', opacity: 0.18, tooltip: false },
          encoding: {
            x,
            y: { ...y, field: 'lo' },
            y2: { field: 'hi' },
            color,
            fillOpacity: pickedOpacity(1, 0.1),
          },
        },
        {
          params: [legendPick()],
          mark: { type: 'line', point: true, strokeWidth: 2 },
          encoding: {
            x,
            y: { ...y, field: 'utilization' },
            color,
            opacity: pickedOpacity(),
            tooltip: [
              { field: 'policy', type: 'nominal' },
              { field: 'cores', type: 'quantitative' },
              { field: 'utilization', type: 'quantitative', title: 'utilisation (%)', format: '.1%' },
              { field: 'ci95', type: 'quantitative', title: '± 95% CI (%)', format: '.1%' },
            ],
          },
        },
      ],
    };
  },
};
