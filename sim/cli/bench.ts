/**
 * `npm run bench`: times each benchmark several times, prints medians and writes out/bench.json
 * as { "<name>": { "value": n, "unit": "…" } }.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdModel, repairmanLoop } from '../bench/engine.js';
import { type FirstAnswer, playgroundFirstAnswers } from '../bench/playground.js';
import { precisionBench } from '../bench/precision.js';
import { peakRss4096Cores, simulateAll, whatifGridColdPointsPerSec } from '../bench/study.js';
import { runOptions } from '../experiment/run.js';
import { loadScenarioText } from '../experiment/scenario/index.js';
import { defaultScenarioFile, toolVersion } from './paths.js';
import { playgroundFile } from './playground.js';

type Bench =
  | {
      name: string;
      unit: string;
      /** runs once and returns how many units of work it did; timed here */
      run: () => number | Promise<number>;
    }
  | {
      name: string;
      unit: string;
      /** runs once (elsewhere) and returns the rate it measured itself */
      rate: () => number;
    };

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const defaultScenario = loadScenarioText(
  readFileSync(defaultScenarioFile(), 'utf8'),
  'scenarios/default.json',
);
// The grid: the default scenario's 4 policies × cores 1, 4, 16, 64 × 6 combinations × 3 replications
// (96 points, 288 replications of 2000 allocations per core), each timing in a fresh process.
const GRID_ALLOCATIONS_PER_CORE = 2000;

const benches: Bench[] = [
  { name: 'hold256EventsPerSec', unit: 'events/s', run: () => holdModel(256, 4_000_000, 1) },
  { name: 'hold65536EventsPerSec', unit: 'events/s', run: () => holdModel(65_536, 2_000_000, 1) },
  { name: 'repairman64AcqPerSec', unit: 'acquisitions/s', run: () => repairmanLoop(64, 50, 1, 2_000_000, 1) },
  {
    name: 'defaultScenarioAllocsPerSec',
    unit: 'allocations/s (one thread)',
    run: () => simulateAll(defaultScenario),
  },
  {
    name: 'whatifGridPointsPerSec',
    unit: 'points/s (--jobs 1)',
    rate: () => whatifGridColdPointsPerSec(1, GRID_ALLOCATIONS_PER_CORE),
  },
  {
    name: 'whatifGridPointsPerSecJobs2',
    unit: 'points/s (--jobs 2)',
    rate: () => whatifGridColdPointsPerSec(2, GRID_ALLOCATIONS_PER_CORE),
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function timeOnce(b: Bench): Promise<number> {
  if ('rate' in b) return b.rate();
  const t0 = process.hrtime.bigint();
  const work = await b.run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return work / seconds;
}

const only = process.argv[2] ? new RegExp(process.argv[2]) : null;
const results: Record<string, { value: number; unit: string; runs: number[] }> = {};
for (const b of benches) {
  if (only && !only.test(b.name)) continue;
  await timeOnce(b); // warm the JIT
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) rates.push(await timeOnce(b));
  const m = median(rates);
  results[b.name] = {
    value: m >= 100 ? Math.round(m) : Math.round(m * 100) / 100,
    unit: b.unit,
    runs: rates.map((r) => Math.round(r * 100) / 100),
  };
  const [scale, suffix] = m >= 1e6 ? [1e6, ' M'] : m >= 1e3 ? [1e3, ' k'] : [1, ''];
  const fmt = (x: number) => (x / scale).toFixed(2);
  console.log(
    `${b.name.padEnd(30)} ${fmt(m).padStart(8)}${suffix} ${b.unit}  (median of ${RUNS}; range ${fmt(Math.min(...rates))}–${fmt(Math.max(...rates))}${suffix})`,
  );
}
// Memory stays flat with run length: peak RSS for 10× more allocations at 4096 cores.
if (!only || only.test('rss')) {
  for (const [name, allocs] of [
    ['peakRss4096CoresShortMiB', 50],
    ['peakRss4096CoresLongMiB', 500],
  ] as const) {
    const mib = Math.round(peakRss4096Cores(allocs));
    results[name] = { value: mib, unit: `MiB peak RSS, 4096 cores × ${allocs} allocations`, runs: [] };
    console.log(
      `${name.padEnd(30)} ${String(mib).padStart(8)} MiB (4096 cores × ${allocs} allocations per core)`,
    );
  }
}
// The playground's first answer on the default study (what `npm start` writes beside its report), in
// chromium: the median over fresh loads of the time to the first results and to their charts, and the
// medians of the steps before them. Timings share the machine with everything else: the load average
// is printed with them.
if (!only || only.test('playground')) {
  const loads = Number(process.env.BENCH_PLAYGROUND_LOADS ?? 9);
  const dir = mkdtempSync(join(tmpdir(), 'zerosim-bench-'));
  try {
    const page = playgroundFile(
      dir,
      defaultScenario,
      runOptions(defaultScenario, { toolVersion: toolVersion() }),
    );
    writeFileSync(page.path, page.text);
    const before = loadavg();
    const answers = await playgroundFirstAnswers(page.path, loads);
    const after = loadavg();
    const load = `load average ${before[0].toFixed(2)} before, ${after[0].toFixed(2)} after`;
    const steps: Array<[keyof FirstAnswer, string]> = [
      ['firstResultsMs', 'first results'],
      ['firstChartMs', 'first chart (throughput) drawn'],
      ['firstDrawnMs', 'all first charts drawn'],
      ['requestMs', 'first request posted'],
      ['workerReadyMs', 'simulating worker evaluated'],
      ['scriptsMs', 'page scripts run'],
      ['simulationStartedMs', 'preview began'],
      ['simulationMs', 'preview simulating'],
    ];
    for (const [key, what] of steps) {
      const runs = answers.map((a) => a[key]).filter((v): v is number => typeof v === 'number');
      if (runs.length === 0) continue;
      const name = `playground${key[0].toUpperCase()}${key.slice(1)}`;
      const m = Math.round(median(runs));
      results[name] = {
        value: m,
        unit: `ms, ${what} (default study, from page load; ${load})`,
        runs: runs.map(Math.round),
      };
      console.log(
        `${name.padEnd(30)} ${String(m).padStart(8)} ms ${what} (median of ${runs.length}; range ${Math.round(Math.min(...runs))}–${Math.round(Math.max(...runs))})`,
      );
    }
    console.log(`${''.padEnd(30)} ${answers[0].threads} simulating threads; ${load}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// The time to a ±1% answer on the default study (BENCH_PRECISION_ALLOCS shrinks it for a smoke run).
if (!only || only.test('precision')) {
  const allocs = Number(process.env.BENCH_PRECISION_ALLOCS ?? defaultScenario.run.allocationsPerCore);
  const scenario = { ...defaultScenario, run: { ...defaultScenario.run, allocationsPerCore: allocs } };
  const jobs = Number(process.env.BENCH_JOBS ?? availableParallelism());
  const b = await precisionBench(scenario, 0.01, jobs);
  const pct = (x: number) => `±${(x * 100).toFixed(2)}%`;
  for (const [name, value, unit] of [
    [
      'precision1pctAdaptiveSeconds',
      b.adaptiveSeconds,
      `s wall, --precision 0.01, --jobs ${jobs} (${b.adaptiveTotal} replications, worst ${pct(b.adaptiveWorst)})`,
    ],
    [
      'precision1pctFixedSeconds',
      b.fixedSeconds,
      `s wall, --replications ${b.fixedReplications}, --jobs ${jobs} (${b.fixedTotal} replications, worst ${pct(b.fixedWorst)})`,
    ],
    ['precision1pctSpeedup', b.ratio, '× (fixed-count wall time over --precision 0.01 wall time)'],
  ] as const) {
    results[name] = { value: Math.round(value * 100) / 100, unit, runs: [] };
    console.log(`${name.padEnd(30)} ${value.toFixed(2).padStart(8)} ${unit}`);
  }
}
// the parallel speed-up, from medians measured in this same run
const one = results.whatifGridPointsPerSec?.value;
const two = results.whatifGridPointsPerSecJobs2?.value;
if (one && two) {
  results.whatifJobs2Speedup = {
    value: Math.round((two / one) * 100) / 100,
    unit: '× (--jobs 2 over --jobs 1)',
    runs: [],
  };
  console.log(`${'whatifJobs2Speedup'.padEnd(30)} ${(two / one).toFixed(2).padStart(8)} ×`);
}
mkdirSync('out', { recursive: true });
const file = join('out', 'bench.json');
writeFileSync(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
console.log(`wrote ${file}`);
