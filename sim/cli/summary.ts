// What a study prints on stdout: the throughput table (one per what-if combination), the capacity
// answers and, after a sensitivity study, each policy's top-ranked parameters.

import { formatCapacity } from '../../reports/capacity-text.js';
import { formatPct, formatSignedPct } from '../../reports/format.js';
import * as messages from '../experiment/messages.js';
import type { Results } from '../types/index.js';
import { replicationsTable, throughputTable } from './table.js';

export function studySummary(results: Results): string {
  const parts: string[] = [];
  const combos = new Map<string, Results['points']>();
  for (const p of results.points) {
    const key = p.vary ? messages.varyLabel(p.vary) : '';
    combos.set(key, [...(combos.get(key) ?? []), p]);
  }
  for (const [key, points] of combos) {
    const table = throughputTable({ ...results, points });
    parts.push(key === '' ? table : `${key}\n${table}`);
    const reps = replicationsTable({ ...results, points });
    if (reps !== null) parts.push(reps);
  }
  const capacity = formatCapacity(results.capacity ?? []);
  if (capacity.length > 0) parts.push(['capacity:', ...capacity.map((line) => `  ${line}`)].join('\n'));
  if (results.sensitivity) parts.push(sensitivitySummary(results));
  return parts.join('\n\n');
}

function sensitivitySummary(results: Results): string {
  const { cores, swing, rows } = results.sensitivity!;
  const lines = [`sensitivity at ${cores} cores (each parameter ±${swing * 100}%, effect on allocs/s):`];
  // the change at each end, worded as the report's finding words it: "+100% at −50%, −0.3% at +50%"
  const change = (x: number, base: number) => (base > 0 ? formatSignedPct(x / base - 1, 2) : '–');
  const pct = formatPct(swing);
  for (const policy of new Set(rows.map((r) => r.policy))) {
    const top = rows.filter((r) => r.policy === policy && r.rank <= 3);
    const text = top.map(
      (r) =>
        `${r.rank}. ${r.path} ${change(r.lowAllocsPerSec, r.baseAllocsPerSec)} at −${pct}, ` +
        `${change(r.highAllocsPerSec, r.baseAllocsPerSec)} at +${pct}`,
    );
    lines.push(`  ${policy}: ${text.join('; ')}`);
  }
  return lines.join('\n');
}
