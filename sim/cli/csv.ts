// results.csv: one row per point, every number of the point in a flat column named after its path in
// results.json, in snake case, so units carried by the names come along (allocs_per_sec_mean, lock_wait_ns_p99).

import type { Point, Results } from '../types/index.js';

export function resultsCsv(results: Results): string {
  const rows = results.points.map(flattenPoint);
  const columns: string[] = [];
  for (const row of rows)
    for (const column of row.keys()) if (!columns.includes(column)) columns.push(column);
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row.get(column))).join(','));
  return `${lines.join('\n')}\n`;
}

/** `{allocsPerSec: {mean: 1}}` → allocs_per_sec_mean = 1; `vary` keys keep their dot paths. */
export function flattenPoint(point: Point): Map<string, unknown> {
  const row = new Map<string, unknown>();
  const walk = (prefix: string, value: unknown, rawKeys: boolean): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) {
        const name = rawKeys ? key : snakeCase(key);
        walk(prefix === '' ? name : `${prefix}_${name}`, inner, prefix === '' && key === 'vary');
      }
    } else {
      row.set(prefix, value);
    }
  };
  walk('', point, false);
  return row;
}

function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
