// The compact throughput table printed after a run: policies down, core counts across, allocations per
// second as mean ± 95% CI half-width with k/M/G suffixes.

import { formatCompactMeanCi } from '../../reports/format.js';
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
      return point ? formatCompactMeanCi(point.allocsPerSec.mean, point.allocsPerSec.ci95) : '';
    }),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [messages.throughputTitle(results.scenario.name), line(header), ...rows.map(line)].join('\n');
}
