/**
 * Takes `run` and `whatif` from the command line to files on disk, one call per phase:
 *
 *   argv ─parse (yargs, commands/)─▶ flags ─resolve (commands/, options.ts)─▶ StudyPlan[], every option set
 *     ─check folders─▶ ─expand points → run → summarise → analyse (experiment/run.ts)─▶ Results
 *     ─chart → render (reports/, outputs.ts)─▶ files ─write (outputs.ts)─▶ DIR, the table on stdout
 *
 * With --shard K/N, a study runs only its K-th part and writes DIR/shard-K-of-N.json instead
 * (shard-run.ts); `zerosim merge` (commands/merge.ts) then summarises the parts and ends as run does.
 */

import * as messages from '../experiment/messages.js';
import { runStudy } from '../experiment/run.js';
import type { Results } from '../types/index.js';
import { checkOutputDir } from './files.js';
import { runInterruptibly } from './interruptible.js';
import type { StudyPlan } from './options.js';
import { reportPath, studyFiles, writeOutputFiles } from './outputs.js';
import { displayPath } from './paths.js';
import { runShardAndWrite } from './shard-run.js';
import { studySummary } from './summary.js';

/** Runs each study in turn and writes its files; refuses an unwritable folder before any run. */
export async function runAndWrite(plans: readonly StudyPlan[]): Promise<void> {
  for (const plan of plans) await checkOutputDir(plan.dir);
  for (const plan of plans) {
    if (plan.shard !== null) {
      await runShardAndWrite(plan, plan.shard);
      continue;
    }
    await writeStudy(plan.dir, await simulate(plan));
  }
}

/** Writes a study's files into `dir` and prints its summary: what `run` and `merge` both end with. */
export async function writeStudy(dir: string, results: Results): Promise<void> {
  const files = await studyFiles(dir, results);
  await writeOutputFiles(dir, files);
  printSummary(results, dir);
}

/** The study's results, with progress on stderr and Ctrl-C stopping it cleanly. */
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
