/**
 * Takes `run` and `whatif` from the command line to files on disk, one call per phase:
 *
 *   argv ─parse (yargs, commands/)─▶ flags ─resolve (commands/, options.ts)─▶ StudyPlan[], every option set
 *     ─check folders (repair, writable, ours)─▶ ─expand points → run → summarise → analyse (experiment/run.ts)─▶ Results
 *     ─chart → render (reports/, outputs.ts)─▶ files ─write (outputs.ts)─▶ DIR, the table on stdout
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
import { studySummary } from './summary.js';
import { traceFile } from './trace-file.js';

/** Runs each study in turn and writes its files; refuses an unwritable or foreign folder before any run. */
export async function runAndWrite(plans: readonly StudyPlan[]): Promise<void> {
  for (const plan of plans) await checkFolder(plan);
  for (const plan of plans) {
    const results = await simulate(plan);
    const trace = plan.trace && traceFile(plan.dir, plan.study.scenario, plan.trace);
    const files = await studyFiles(plan.dir, results);
    await writeOutputFiles(plan.dir, trace ? [...files, trace.file] : files, { force: plan.force });
    printSummary(results, plan.dir);
    if (trace) process.stdout.write(`${trace.line}\n`);
  }
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
