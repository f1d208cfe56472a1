/**
 * Takes `run` and `whatif` from the command line to files on disk, one call per phase:
 *
 *   argv ─parse (yargs, commands/)─▶ flags ─resolve (commands/, options.ts)─▶ StudyPlan[], every option set
 *     ─check folders (repair, writable, ours)─▶ ─expand points → run → summarise → analyse (experiment/run.ts)─▶ Results
 *     ─chart → render (reports/, outputs.ts; the playground, playground.ts)─▶ files
 *     ─write (outputs.ts)─▶ DIR, the table on stdout
 *
 * With --shard K/N, a study runs only its K-th part and writes DIR/shard-K-of-N.json instead
 * (shard-run.ts); `zerosim merge` (commands/merge.ts) then summarises the parts and ends as run does.
 */

import * as messages from '../experiment/messages.js';
import { runStudy } from '../experiment/run.js';
import type { Results } from '../types/index.js';
import { checkOwnership, recoverFolder } from './file-set.js';
import { checkOutputDir } from './files.js';
import { runInterruptibly } from './interruptible.js';
import type { StudyPlan } from './options.js';
import { fixedStudyFiles, reportPath, studyFiles, writeOutputFiles } from './outputs.js';
import { displayPath } from './paths.js';
import { type PlaygroundOptions, pageResults, playgroundFile } from './playground.js';
import { runShardAndWrite } from './shard-run.js';
import { studySummary } from './summary.js';
import { type TraceOutput, traceFile } from './trace-file.js';

/** Runs each study in turn and writes its files; refuses an unwritable or foreign folder before any run. */
export async function runAndWrite(plans: readonly StudyPlan[]): Promise<void> {
  for (const plan of plans) await checkFolder(plan);
  for (const plan of plans) {
    if (plan.shard !== null) {
      await runShardAndWrite(plan, plan.shard);
      continue;
    }
    const results = await simulate(plan);
    const trace = plan.trace && traceFile(plan.dir, plan.study.scenario, plan.trace);
    await writeStudy(plan.dir, results, { ...plan.options, force: plan.force }, trace);
  }
}

/** What a study's files depend on besides its results. */
export interface WriteOptions extends PlaygroundOptions {
  /** overwrite files zerosim did not write */
  force: boolean;
}

/**
 * Writes a study's files into `dir` and prints its summary: what `run` and `merge` both end with;
 * `run --trace` adds its trace file and the line that says what it holds.
 */
export async function writeStudy(
  dir: string,
  results: Results,
  options: WriteOptions,
  trace: TraceOutput | null = null,
): Promise<void> {
  const files = [
    ...(await studyFiles(dir, results)),
    await playgroundFile(dir, results.scenario, options, pageResults(results)),
  ];
  if (trace) files.push(trace.file);
  await writeOutputFiles(dir, files, { force: options.force, replaces: notShardWork });
  printSummary(results, dir);
  if (trace) process.stdout.write(`${trace.line}\n`);
}

/** A study's set replaces the folder's last one, but not the shards and job scripts it was merged from. */
function notShardWork(rel: string): boolean {
  return !/^shard-\d+-of-\d+\.json$/.test(rel) && !rel.endsWith('.sbatch');
}

/** A folder that a crash left mid-swap is repaired first; then it must be writable, and not foreign. */
async function checkFolder(plan: StudyPlan): Promise<void> {
  await recoverFolder(plan.dir);
  await checkOutputDir(plan.dir);
  await checkOwnership(plan.dir, fixedStudyFiles, plan.force);
}

/** The study's results, with progress on stderr and a stop signal ending it cleanly. */
function simulate({ study, options, showProgress }: StudyPlan): Promise<Results> {
  return runInterruptibly(study.scenario.name, showProgress, (hooks) =>
    runStudy(study, { ...options, ...hooks }),
  );
}

/** The throughput table, the capacity answers and the report's path, on stdout. */
function printSummary(results: Results, dir: string): void {
  process.stdout.write(
    `${studySummary(results)}\n${messages.writtenLine('report', displayPath(reportPath(dir)))}\n`,
  );
}
