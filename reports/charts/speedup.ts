/**
 * Chart 2, speed-up over one core and parallel efficiency, side by side: how far each policy
 * stays from the ideal diagonal, and the share of added cores that still turns into throughput.
 */
import type { Results } from '../../sim/types/index.js';
import { coreCounts, pointsByPolicy } from '../points.js';
import {
  appliesToSweep,
  base,
  type ChartBuilder,
  coincidingNote,
  coresAxis,
  HALF_WIDTH,
  HEIGHT,
  legendPick,
  pickedOpacity,
  policyColor,
} from './common.js';

/** Speed-up is relative to the smallest simulated core count (1 in every normal sweep). */
export function speedupRows(results: Results) {
  return pointsByPolicy(results).flatMap(({ policy, points }) => {
    const first = points[0];
    return points.map((p) => {
      const speedup =
        first.allocsPerSec.mean > 0 ? (p.allocsPerSec.mean / first.allocsPerSec.mean) * first.cores : 0;
      return { policy, cores: p.cores, speedup, efficiency: speedup / p.cores };
    });
  });
}

const tooltip = [
  { field: 'policy', type: 'nominal' as const },
  { field: 'cores', type: 'quantitative' as const },
  { field: 'speedup', type: 'quantitative' as const, title: 'speed-up (×)', format: '.2f' },
  { field: 'efficiency', type: 'quantitative' as const, title: 'efficiency (%)', format: '.1%' },
];

export const speedup: ChartBuilder<'speedup'> = {
  name: 'speedup',
  title: 'Speed-up and parallel efficiency',
  caption:
    'Left: throughput at N cores divided by throughput at one core; the grey dashed diagonal is perfect linear ' +
    'speed-up. Right: parallel efficiency, speed-up divided by N: the share of each added core that still ' +
    'becomes throughput. Efficiency falls when cores queue for the heap lock or share clear bandwidth.',
  applies: appliesToSweep,
  note: coincidingNote,
  build(results) {
    const cores = coreCounts(results);
    const baseCores = cores[0] ?? 1;
    const x = coresAxis(results);
    const color = policyColor(results);
    const speedTitle =
      baseCores === 1 ? 'speed-up over 1 core (×)' : `speed-up (×, ${baseCores} cores = ${baseCores})`;
    return {
      ...base('Speed-up over one core and parallel efficiency against cores, per policy'),
      data: { values: speedupRows(results) },
      hconcat: [
        {
          width: HALF_WIDTH,
          height: HEIGHT,
          layer: [
            {
              data: { values: cores.map((c) => ({ cores: c, ideal: c })) },
              mark: { type: 'line', color: '#888', strokeDash: [5, 4], strokeWidth: 1.2, tooltip: false },
              encoding: { x, y: { field: 'ideal', type: 'quantitative' } },
            },
            {
              params: [legendPick()],
              mark: { type: 'line', point: true, strokeWidth: 2 },
              encoding: {
                x,
                y: {
                  field: 'speedup',
                  type: 'quantitative',
                  title: speedTitle,
                  scale: { type: 'log', base: 2 },
                  axis: { format: '~g' },
                },
                color,
                opacity: pickedOpacity(),
                tooltip,
              },
            },
          ],
        },
        {
          width: HALF_WIDTH,
          height: HEIGHT,
          mark: { type: 'line', point: true, strokeWidth: 2 },
          encoding: {
            x,
            y: {
              field: 'efficiency',
              type: 'quantitative',
              title: 'parallel efficiency (%)',
              scale: { domain: [0, 1.05], nice: false },
              axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] },
            },
            color,
            opacity: pickedOpacity(),
            tooltip,
          },
        },
      ],
    };
  },
};
