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
import { plainStudy, runOptions, runStudy } from '../experiment/run.js';
import { loadScenarioText } from '../experiment/scenario/index.js';
import { defaultScenarioFile, toolVersion } from './paths.js';
import { pageResults, playgroundFile } from './playground.js';

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
// The playground on the default study, as `npm start` writes it beside its report (with the run's
// results, its first answer), in chromium: the medians over fresh loads of the time to the first results
// and to their charts, and of the steps before them; then of two edits' quick answers, from the input
// event (the page's 250 ms edit delay included): one made as soon as the page begins the full study of
// the scenario it opened with (while it simulates), and one on an idle page. BENCH_PLAYGROUND_FILE times another
// page instead (such as one of an older version, or a what-if study's, which starts with a preview);
// BENCH_PLAYGROUND_EDITS=0 leaves the edits out. Timings share the machine with everything else: the
// load average is printed with them.
if (!only || only.test('playground')) {
  const loads = Number(process.env.BENCH_PLAYGROUND_LOADS ?? 9);
  const edits = process.env.BENCH_PLAYGROUND_EDITS !== '0';
  const dir = mkdtempSync(join(tmpdir(), 'zerosim-bench-'));
  try {
    let file = process.env.BENCH_PLAYGROUND_FILE;
    if (file === undefined) {
      const options = runOptions(defaultScenario, { toolVersion: toolVersion() });
      const results = await runStudy(plainStudy(defaultScenario), options);
      const page = await playgroundFile(dir, defaultScenario, options, pageResults(results));
      writeFileSync(page.path, page.text);
      file = page.path;
    }
    const before = loadavg();
    const answers = await playgroundFirstAnswers(file, loads, edits);
    const after = loadavg();
    const load = `load average ${before[0].toFixed(2)} before, ${after[0].toFixed(2)} after`;
    const steps: Array<[string, string, (a: FirstAnswer) => number | null]> = [
      ['FirstResultsMs', 'first results', (a) => a.firstResultsMs],
      ['FirstChartMs', 'first chart (throughput) drawn', (a) => a.firstChartMs],
      ['FirstDrawnMs', 'all first charts drawn', (a) => a.firstDrawnMs],
      ['RequestMs', 'first request posted', (a) => a.requestMs],
      ['WorkerReadyMs', 'simulating worker evaluated', (a) => a.workerReadyMs],
      ['ScriptsMs', 'page scripts run', (a) => a.scriptsMs],
      ['SimulationStartedMs', 'first simulation began', (a) => a.simulationStartedMs],
      ['SimulationMs', 'preview simulating (none: the full study)', (a) => a.simulationMs],
      ['EditMs', 'edit while simulating → quick results', (a) => a.busyEdit?.resultsMs ?? null],
      ['EditChartMs', 'edit while simulating → its chart', (a) => a.busyEdit?.chartMs ?? null],
      ['IdleEditMs', 'edit on an idle page → quick results', (a) => a.idleEdit?.resultsMs ?? null],
      ['IdleEditChartMs', 'edit on an idle page → its chart', (a) => a.idleEdit?.chartMs ?? null],
    ];
    for (const [key, what, pick] of steps) {
      const runs = answers.map(pick).filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
      if (runs.length === 0) continue;
      const name = `playground${key}`;
      const m = Math.round(median(runs));
      const from = key.includes('Edit')
        ? 'from the input event, 250 ms edit delay included'
        : 'from page load';
      results[name] = {
        value: m,
        unit: `ms, ${what} (default study, ${from}; ${load})`,
        runs: runs.map(Math.round),
      };
      console.log(
        `${name.padEnd(30)} ${String(m).padStart(8)} ms ${what} (median of ${runs.length}; range ${Math.round(Math.min(...runs))}–${Math.round(Math.max(...runs))})`,
      );
    }
    const stages = (pick: (a: FirstAnswer) => string | undefined) =>
      [...new Set(answers.map(pick))].join('/');
    console.log(
      `${''.padEnd(30)} first answer: ${stages((a) => a.firstStage)}; edits' quick answers: ` +
        `${stages((a) => a.busyEdit?.stage)}, ${stages((a) => a.idleEdit?.stage)}; ` +
        `${answers[0].threads} simulating threads; page loads from ${file === process.env.BENCH_PLAYGROUND_FILE ? file : 'a fresh default run'}; ${load}`,
    );
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
