/**
 * The time to a ±1% answer: the default study run with --precision 0.01 (replications added in batches
 * to each point until its allocs/s CI half-width is within 1% of the mean), against the same study at
 * one fixed replication count, the smallest that gives every point the worst precision the adaptive
 * run ended with. Both run on the same threads, and each reports its wall time and worst precision.
 */
import { plainStudy, type RunOptions, runOptions, runStudy } from '../experiment/run.js';
import type { Results, Scenario } from '../types/index.js';

export interface PrecisionBench {
  adaptiveSeconds: number;
  fixedSeconds: number;
  /** fixed over adaptive wall time: above 1, stopping each point when it is precise enough pays */
  ratio: number;
  /** the replication count of the fixed run */
  fixedReplications: number;
  /** replications the adaptive run took in all, and the fixed run */
  adaptiveTotal: number;
  fixedTotal: number;
  /** the largest ci95 / mean over the points of each run */
  adaptiveWorst: number;
  fixedWorst: number;
}

/** The largest relative CI half-width of allocs/s over the points. */
export function worstPrecision(results: Results): number {
  return Math.max(...results.points.map((p) => p.allocsPerSec.ci95 / Math.abs(p.allocsPerSec.mean)));
}

async function timed(run: () => Promise<Results>): Promise<{ seconds: number; results: Results }> {
  const t0 = process.hrtime.bigint();
  const results = await run();
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, results };
}

/**
 * Runs the adaptive study, then fixed counts from the most replications any point took upwards (in
 * the scenario's batch size) until the fixed run's worst precision is at least as good; reports the
 * first that is.
 */
export async function precisionBench(
  scenario: Scenario,
  target: number,
  jobs: number,
  maxReplications = 100,
): Promise<PrecisionBench> {
  const options: RunOptions = runOptions(scenario, { jobs });
  const adaptive = await timed(() =>
    runStudy({ ...plainStudy(scenario), precision: { target, maxReplications } }, options),
  );
  const adaptiveWorst = worstPrecision(adaptive.results);
  const batch = scenario.run.replications;
  let n = Math.max(...adaptive.results.points.map((p) => p.replications));
  for (;;) {
    const fixedScenario = { ...scenario, run: { ...scenario.run, replications: n } };
    const fixed = await timed(() => runStudy(plainStudy(fixedScenario), runOptions(fixedScenario, { jobs })));
    const fixedWorst = worstPrecision(fixed.results);
    if (fixedWorst <= adaptiveWorst || n >= maxReplications) {
      return {
        adaptiveSeconds: adaptive.seconds,
        fixedSeconds: fixed.seconds,
        ratio: fixed.seconds / adaptive.seconds,
        fixedReplications: n,
        adaptiveTotal: adaptive.results.points.reduce((sum, p) => sum + p.replications, 0),
        fixedTotal: n * fixed.results.points.length,
        adaptiveWorst,
        fixedWorst,
      };
    }
    n = Math.min(maxReplications, n + batch);
  }
}
