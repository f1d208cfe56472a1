// results.csv: one row per point, columns named after the results.json paths in snake case.

import { describe, expect, it } from 'vitest';
import { flattenPoint, resultsCsv } from '../../sim/cli/csv.js';
import { fakePoint, fakeResults } from './fixtures.js';

describe('resultsCsv', () => {
  it('writes a header with units in the names and one row per point', () => {
    const csv = resultsCsv(fakeResults());
    const [header, ...rows] = csv.trimEnd().split('\n');
    const columns = header.split(',');
    expect(columns.slice(0, 6)).toEqual([
      'policy',
      'cores',
      'replications',
      'seed',
      'allocs_per_sec_mean',
      'allocs_per_sec_ci95',
    ]);
    expect(columns).toContain('lock_wait_ns_p999');
    expect(columns).toContain('cleared_bytes_per_alloc_under_lock');
    expect(columns).toContain('core_time_share_page_fault');
    expect(columns).toContain('analytic_mva_allocs_per_sec');
    expect(columns.at(-1)).toBe('events');
    expect(rows).toHaveLength(4);
    expect(rows[1].split(',').slice(0, 6)).toEqual(['go1.0-under-lock', '4', '2', '1004', '48213', '482.13']);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('gives each cache level and figure a column of its own', () => {
    const point = {
      ...fakePoint('go1.1-after-unlock', 4, 1000),
      cacheLevels: {
        l2: { shared: false, clearedBytesPerAlloc: 4096, utilization: null },
        dram: { shared: true, clearedBytesPerAlloc: 512, utilization: { mean: 0.5, ci95: 0.01 } },
      },
    };
    const row = flattenPoint(point);
    expect(row.get('cache_levels_l2_cleared_bytes_per_alloc')).toBe(4096);
    expect(row.get('cache_levels_l2_utilization')).toBeNull();
    expect(row.get('cache_levels_dram_utilization_mean')).toBe(0.5);
  });

  it('leaves nulls empty and quotes text with commas or quotes', () => {
    const row = resultsCsv({ ...fakeResults(), points: [fakePoint('p', 1, 10)] }).split('\n')[1];
    expect(row).toContain(',"not product-form, ""approximate""",');
    expect(row).toContain(',,,false,none,');
  });

  it('keeps the dot paths of what-if variables', () => {
    const point = { ...fakePoint('p', 1, 10), vary: { 'machine.memory.totalClearGBps': 120 } };
    expect(flattenPoint(point).get('vary_machine.memory.totalClearGBps')).toBe(120);
  });
});
