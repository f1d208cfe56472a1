// The compact throughput table printed after a run: policies down, core counts across, allocations per
// second as mean ± 95% CI half-width with k/M/G suffixes.

import * as messages from '../experiment/messages.js';
import type { Results } from '../types/index.js';

export function throughputTable(results: Results): string {
  const cores = [...new Set(results.points.map((p) => p.cores))].sort((a, b) => a - b);
  const policies = [...new Set(results.points.map((p) => p.policy))];
  const header = [messages.policyColumn, ...cores.map(messages.coresColumn)];
  const rows = policies.map((policy) => [
    policy,
    ...cores.map((count) => {
      // what-if results hold several points per (policy, cores); the table shows the first
      const point = results.points.find((p) => p.policy === policy && p.cores === count);
      return point ? formatRate(point.allocsPerSec.mean, point.allocsPerSec.ci95) : '';
    }),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [messages.throughputTitle(results.scenario.name), line(header), ...rows.map(line)].join('\n');
}

/** 48213, 312 → "48.2k ±0.3k": the CI in the mean's unit and precision. */
export function formatRate(mean: number, ci95: number): string {
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  const [scale, suffix] = units.find(([size]) => Math.abs(mean) >= size * 0.9995) ?? [1, ''];
  const scaled = mean / scale;
  const decimals = Math.abs(scaled) >= 99.95 ? 0 : Math.abs(scaled) >= 9.995 ? 1 : 2;
  return `${scaled.toFixed(decimals)}${suffix} ±${(ci95 / scale).toFixed(decimals)}${suffix}`;
}
