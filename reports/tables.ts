/**
 * The report's HTML tables, every value escaped and every number with its unit: scenario
 * parameters, policies, results with confidence intervals, lock hold and the longest stretch a core
 * cannot be preempted, and the MVA cross-check.
 */
import type { Results, ZeroAt } from '../sim/types/index.js';
import { bindingBound } from './bounds.js';
import { escapeHtml } from './escape.js';
import {
  formatBytes,
  formatBytesRate,
  formatCount,
  formatDist,
  formatMeanCi,
  formatNs,
  formatParameter,
  formatPct,
  formatPctMeanCi,
  formatSi,
  formatSignedPctFixed,
} from './format.js';
import { pointsInTableOrder, varyCompact, whatifAxes } from './views.js';

/** A table from a header row and body rows of plain-text cells; `numeric` columns align right. */
export function table(head: string[], rows: string[][], numeric: number[] = []): string {
  const cell = (tag: string, text: string, i: number) =>
    `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const thead = `<tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr>`;
  const tbody = rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${thead}</thead>\n<tbody>\n${tbody}\n</tbody>\n</table>`;
}

const gbps = (v: number) => `${formatSi(v)} GB/s`;
const bytes = (v: number) => (v >= 1024 ? `${formatBytes(v)} (${v} bytes)` : `${v} bytes`);

/** Machine, workload, heap and run parameters: dot path (as `whatif --vary` takes it), value, meaning. */
export function parameterTables(results: Results): string {
  const { machine, workload, heap, run } = results.scenario;
  const group = (title: string, rows: Array<[string, string, string]>) =>
    `<div class="params"><h3>${escapeHtml(title)}</h3>\n${table(['parameter', 'value', 'meaning'], rows)}</div>`;
  return [
    group('Machine', [
      ['machine.memory.coreClearGBps', gbps(machine.memory.coreClearGBps), 'clear rate of one core'],
      [
        'machine.memory.totalClearGBps',
        gbps(machine.memory.totalClearGBps),
        'clear bandwidth shared by all clears',
      ],
      ['machine.memory.pageBytes', bytes(machine.memory.pageBytes), 'page size'],
      ['machine.memory.pageFaultNs', formatNs(machine.memory.pageFaultNs), 'first touch of a fresh page'],
      ['machine.lock.acquireNs', formatNs(machine.lock.acquireNs), 'uncontended acquire + release'],
      [
        'machine.lock.handoffNs',
        formatNs(machine.lock.handoffNs),
        'extra cost when the lock passes to a waiter',
      ],
    ]),
    group('Workload', [
      ['workload.workNs', formatDist(workload.workNs, formatNs), 'mutator work between allocations'],
      ['workload.sizeBytes', formatDist(workload.sizeBytes, formatBytes), 'allocation size'],
      ['workload.needZeroFraction', formatPct(workload.needZeroFraction), 'callers that need zeroed memory'],
      ['workload.liveBlocksPerCore', `${workload.liveBlocksPerCore} blocks`, 'blocks each core keeps alive'],
    ]),
    group('Heap', [
      [
        'heap.allocHoldNs',
        formatDist(heap.allocHoldNs, formatNs),
        'lock hold for span search and bookkeeping',
      ],
      ['heap.freeHoldNs', formatDist(heap.freeHoldNs, formatNs), 'lock hold to free a block (0: no lock)'],
      ['heap.smallMaxBytes', bytes(heap.smallMaxBytes), 'largest size served by the per-core cache'],
      ['heap.smallAllocNs', formatNs(heap.smallAllocNs), 'cost of a small allocation'],
      ['heap.spanBytes', bytes(heap.spanBytes), 'span taken to refill the per-core cache'],
      ['heap.initialDirtyBytes', bytes(heap.initialDirtyBytes), 'dirty free memory at start (warm heap)'],
      [
        'heap.maxFreeBytes',
        heap.maxFreeBytes === null || heap.maxFreeBytes === undefined ? 'keep all' : bytes(heap.maxFreeBytes),
        'free memory kept; the rest returns to the OS and faults again',
      ],
    ]),
    group('Run', [
      [
        'run.allocationsPerCore',
        `${formatCount(run.allocationsPerCore)} allocations`,
        'per core, per replication',
      ],
      ['run.warmupFraction', formatPct(run.warmupFraction), 'share of allocations dropped as warm-up'],
      ['run.replications', `${run.replications}`, 'independent replications per point'],
      ['run.seed', `${run.seed}`, 'scenario seed; point seeds derive from it'],
      ['run.maxEvents', `${formatCount(run.maxEvents)} events`, 'runs estimated above this are refused'],
    ]),
  ].join('\n');
}

/** Whether a zeroAt runs dedicated zeroing threads, so the policy table shows their count. */
const HAS_ZEROERS: Record<ZeroAt, boolean> = {
  'under-lock': false,
  'after-unlock': false,
  'on-free': false,
  background: true,
  never: false,
};

export function policyTable(results: Results): string {
  const rows = results.scenario.policies.map((p) => [
    p.name,
    p.description + (p.extends ? ` (extends ${p.extends})` : ''),
    p.zeroAt,
    p.honorNeedZero ? 'yes' : 'no',
    p.dirtyTracking,
    p.freshIsZero ? 'yes' : 'no',
    HAS_ZEROERS[p.zeroAt] ? `${p.zeroerThreads}` : '–',
    formatBytes(p.chunkBytes),
    p.reuseOrder,
  ]);
  const head = [
    'policy',
    'description',
    'zeroAt',
    'honours zeroed',
    'dirty tracking',
    'fresh is zero',
    'zeroers',
    'chunk',
    'reuse',
  ];
  return table(head, rows);
}

/** The "varied values" column of a what-if study's tables: its head and its cell for a point. */
function variedColumn(results: Results) {
  const on = whatifAxes(results).length > 0;
  return {
    head: on ? ['varied values'] : [],
    cell: (p: Results['points'][number]) => (on ? [varyCompact(results, p.vary, formatParameter)] : []),
    shift: (columns: number[]) => columns.map((c) => (on && c >= 1 ? c + 1 : c)),
  };
}

/** The bound a point sits on and how close it is, kept on one line (no-break spaces) when it is short. */
function boundText(bound: ReturnType<typeof bindingBound>): string {
  if (bound === null) return '–';
  return bound.binds
    ? `${bound.bound}\u00a0(${formatPct(bound.fraction)})`
    : `none (${formatPct(bound.fraction)} of\u00a0${bound.bound})`;
}

/**
 * The lock hold of an allocation and of a free, apart: an allocation's can include a whole clear,
 * a free's is its bookkeeping. Results from before the split carry only their mean over both.
 */
function lockHoldCells(p: Results['points'][number]): [string, string] {
  const { mean, allocMean, freeMean } = p.lockHoldNs;
  if (allocMean === undefined || freeMean === undefined) return [`${formatNs(mean)} (alloc and free)`, '–'];
  return [formatNs(allocMean), freeMean === 0 ? 'no lock' : formatNs(freeMean)];
}

export function resultsTable(results: Results): string {
  const varied = variedColumn(results);
  const head = [
    'policy',
    ...varied.head,
    'cores',
    'throughput (allocs/s ± 95% CI)',
    'allocated bytes/s',
    'lock utilisation',
    'lock wait p99',
    'lock hold per allocation',
    'lock hold per free',
    'latency p99',
    'longest stretch without preemption',
    'clear bandwidth used',
    'bound it sits on',
    'events',
  ];
  const precision = precisionColumn(results);
  head.push(...precision.head);
  const rows = pointsInTableOrder(results).map((p) => {
    const bound = bindingBound(p);
    return [
      p.policy,
      ...varied.cell(p),
      `${p.cores}`,
      formatMeanCi(p.allocsPerSec.mean, p.allocsPerSec.ci95, ''),
      formatBytesRate(p.bytesPerSec.mean),
      formatPctMeanCi(p.lockUtilization.mean, p.lockUtilization.ci95),
      formatNs(p.lockWaitNs.p99),
      ...lockHoldCells(p),
      formatNs(p.latencyNs.p99),
      formatNs(p.maxNonPreemptibleNs),
      formatPctMeanCi(p.bandwidthUtilization.mean, p.bandwidthUtilization.ci95),
      boundText(bound),
      formatCount(p.events),
      ...precision.cell(p),
    ];
  });
  return table(head, rows, varied.shift([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]));
}

/**
 * After a --precision run, the replications each point took and whether its allocs/s CI met the
 * target or the point stopped at the cap; no column otherwise.
 */
function precisionColumn(results: Results) {
  const on = results.points.some((p) => p.precision !== undefined);
  return {
    head: on ? ['replications (precision)'] : [],
    cell: (p: Results['points'][number]) => {
      if (!on) return [];
      if (!p.precision) return [`${p.replications}`];
      const { mean, ci95 } = p.allocsPerSec;
      const reached = formatPct(ci95 / Math.abs(mean || 1), 2);
      const target = formatPct(p.precision.target, 2);
      return [
        p.precision.reached
          ? `${p.replications}: met ±${target} (±${reached})`
          : `${p.replications}: stopped at the cap of ${p.precision.maxReplications}, ±${reached} (target ±${target})`,
      ];
    },
  };
}

/** A sentence on a --precision run for the results section: the target, and which points missed it. */
export function precisionNote(results: Results): string | null {
  const withTarget = results.points.filter((p) => p.precision !== undefined);
  if (withTarget.length === 0) return null;
  const first = withTarget[0].precision!;
  const missed = withTarget.filter((p) => !p.precision!.reached);
  const head = `Replications were added to each point in batches of ${results.scenario.run.replications} until its allocs/s 95% CI half-width was at most ±${formatPct(first.target, 2)} of the mean, or it had ${first.maxReplications}.`;
  const tail =
    missed.length === 0
      ? ' Every point met the target; the last column gives the replications each took.'
      : ` ${missed.length} of ${withTarget.length} points stopped at the cap without meeting it: ${missed.map((p) => `${p.policy} at ${p.cores} cores`).join(', ')}.`;
  return head + tail;
}

/** Simulated throughput against MVA wherever the results carry an MVA value; "approximate" when not exact. */
export function crossCheckTable(results: Results): string | null {
  const points = pointsInTableOrder(results).filter((p) => p.analytic.mvaAllocsPerSec !== null);
  if (points.length === 0) return null;
  const varied = variedColumn(results);
  const rows = points.map((p) => {
    const mva = p.analytic.mvaAllocsPerSec as number;
    const diff = (p.allocsPerSec.mean - mva) / mva;
    const within = Math.abs(p.allocsPerSec.mean - mva) <= p.allocsPerSec.ci95;
    return [
      p.policy,
      ...varied.cell(p),
      `${p.cores}`,
      p.analytic.model,
      p.analytic.mvaExact ? 'exact' : 'approximate',
      formatMeanCi(p.allocsPerSec.mean, p.allocsPerSec.ci95, ''),
      formatSi(mva),
      formatSignedPctFixed(diff, 2),
      within ? 'yes' : 'no',
      p.analytic.note,
    ];
  });
  const head = [
    'policy',
    ...varied.head,
    'cores',
    'model',
    'MVA',
    'simulated (allocs/s)',
    'MVA (allocs/s)',
    'difference (%)',
    'within CI',
    'note',
  ];
  return table(head, rows, varied.shift([1, 4, 5, 6]));
}
