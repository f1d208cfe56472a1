/**
 * `npm run bench`: times each benchmark several times, prints medians and writes out/bench.json
 * as { "<name>": { "value": n, "unit": "…" } }.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdModel, repairmanLoop } from '../bench/engine.js';

interface Bench {
  name: string;
  unit: string;
  /** runs once and returns how many units of work it did */
  run: () => number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const benches: Bench[] = [
  { name: 'hold256EventsPerSec', unit: 'events/s', run: () => holdModel(256, 4_000_000, 1) },
  { name: 'hold65536EventsPerSec', unit: 'events/s', run: () => holdModel(65_536, 2_000_000, 1) },
  { name: 'repairman64AcqPerSec', unit: 'acquisitions/s', run: () => repairmanLoop(64, 50, 1, 2_000_000, 1) },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeOnce(b: Bench): number {
  const t0 = process.hrtime.bigint();
  const work = b.run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return work / seconds;
}

const results: Record<string, { value: number; unit: string; runs: number[] }> = {};
for (const b of benches) {
  timeOnce(b); // warm the JIT
  const rates = Array.from({ length: RUNS }, () => timeOnce(b));
  results[b.name] = { value: Math.round(median(rates)), unit: b.unit, runs: rates.map(Math.round) };
  const spread = `${(Math.min(...rates) / 1e6).toFixed(2)}–${(Math.max(...rates) / 1e6).toFixed(2)}`;
  console.log(
    `${b.name.padEnd(30)} ${(median(rates) / 1e6).toFixed(2).padStart(8)} M ${b.unit}  (median of ${RUNS}; range ${spread} M)`,
  );
}
mkdirSync('out', { recursive: true });
const file = join('out', 'bench.json');
writeFileSync(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
console.log(`wrote ${file}`);
