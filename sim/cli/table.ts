// The compact throughput table printed after a run: policies down, core counts across, allocations per
// second as mean ± 95% CI half-width with k/M/G suffixes.

import { formatCompactMeanCi } from '../../reports/format.js';
import * as messages from '../experiment/messages.js';
import type { Point, Results } from '../types/index.js';

export function throughputTable(results: Results): string {
  return [
    messages.throughputTitle(results.scenario.name),
    ...grid(results, (point) => formatCompactMeanCi(point.allocsPerSec.mean, point.allocsPerSec.ci95)),
  ].join('\n');
}

/**
 * After a --precision run: the replications each point took, marked where it stopped at the cap
 * without meeting the target; null for other runs.
 */
export function replicationsTable(results: Results): string | null {
  const first = results.points.find((p) => p.precision)?.precision;
  if (!first) return null;
  const met = results.points.filter((p) => p.precision?.reached).length;
  return [
    messages.replicationsTitle(first.target, first.maxReplications),
    ...grid(results, (point) =>
      messages.replicationsCell(point.replications, point.precision?.reached ?? false),
    ),
    messages.precisionSummary(met, results.points.length, first.maxReplications),
  ].join('\n');
}

/** Policies down, core counts across, one cell per point; the header line first. */
function grid(results: Results, cell: (point: Point) => string): string[] {
  const cores = [...new Set(results.points.map((p) => p.cores))].sort((a, b) => a - b);
  const policies = [...new Set(results.points.map((p) => p.policy))];
  const header = [messages.policyColumn, ...cores.map(messages.coresColumn)];
  const rows = policies.map((policy) => [
    policy,
    ...cores.map((count) => {
      // what-if results hold several points per (policy, cores); the table shows the first
      const point = results.points.find((p) => p.policy === policy && p.cores === count);
      return point ? cell(point) : '';
    }),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), ...rows.map(line)];
}
