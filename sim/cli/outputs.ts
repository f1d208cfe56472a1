// A study's output files: results.json, results.csv, report.html, charts/NAME.vl.json and charts/NAME.svg,
// built in memory first and then written as one set (see file-set.ts): never a mix of two runs.

import { join } from 'node:path';
import { buildReport } from '../../reports/index.js';
import type { Results } from '../types/index.js';
import { loadAssets } from './assets.js';
import { resultsCsv } from './csv.js';
import { type OutputFile, writeFileSet } from './file-set.js';
import { prepareOutputDir } from './files.js';

/** The report's page, where `run`, `whatif` and `report` say they put it. */
export function reportPath(dir: string): string {
  return join(dir, 'report.html');
}

/** report.html and charts/: the charts built and the page rendered (reports/), in memory. */
export async function reportFiles(dir: string, results: Results): Promise<OutputFile[]> {
  const report = await buildReport(results, loadAssets());
  const files: OutputFile[] = [];
  for (const chart of report.charts) {
    // chart names come from reports/, not from users; a path in one would be a bug there
    if (!/^[A-Za-z0-9._-]+$/.test(chart.name))
      throw new Error(`chart name ${JSON.stringify(chart.name)} is not a file name`);
    files.push({
      path: join(dir, 'charts', `${chart.name}.vl.json`),
      text: `${JSON.stringify(chart.spec, null, 2)}\n`,
    });
    files.push({ path: join(dir, 'charts', `${chart.name}.svg`), text: chart.svg });
  }
  // the page last: it is what users open
  files.push({ path: reportPath(dir), text: report.html });
  return files;
}

/** All of a study's files, in memory: results.json, results.csv, then the report and its charts. */
export async function studyFiles(dir: string, results: Results): Promise<OutputFile[]> {
  return [
    { path: join(dir, 'results.json'), text: `${JSON.stringify(results, null, 2)}\n` },
    { path: join(dir, 'results.csv'), text: resultsCsv(results) },
    ...(await reportFiles(dir, results)),
  ];
}

/** Writes the files into `dir` (created if need be) as one set; charts of an earlier run go. */
export async function writeOutputFiles(dir: string, files: readonly OutputFile[]): Promise<void> {
  await prepareOutputDir(dir);
  await writeFileSet(files, {
    dirs: [join(dir, 'charts')],
    match: (name: string) => name.endsWith('.vl.json') || name.endsWith('.svg'),
  });
}
