// A study's output files: results.json, results.csv, report.html, charts/NAME.vl.json and charts/NAME.svg,
// built in memory first and then written as one set (see file-set.ts): never a mix of two runs.

import { join } from 'node:path';
import { buildReport } from '../../reports/index.js';
import type { Results } from '../types/index.js';
import { loadAssets } from './assets.js';
import { resultsCsv } from './csv.js';
import { type OutputFile, writeFileSet } from './file-set.js';
import { prepareOutputDir } from './files.js';

async function reportFiles(dir: string, results: Results): Promise<OutputFile[]> {
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
  files.push({ path: join(dir, 'report.html'), text: report.html });
  return files;
}

const staleCharts = (dir: string) => ({
  dirs: [join(dir, 'charts')],
  match: (name: string) => name.endsWith('.vl.json') || name.endsWith('.svg'),
});

/** All of a study's files: results and report, as one set. Returns the report's path. */
export async function writeStudyFiles(dir: string, results: Results): Promise<string> {
  await prepareOutputDir(dir);
  const files: OutputFile[] = [
    { path: join(dir, 'results.json'), text: `${JSON.stringify(results, null, 2)}\n` },
    { path: join(dir, 'results.csv'), text: resultsCsv(results) },
    ...(await reportFiles(dir, results)),
  ];
  await writeFileSet(files, staleCharts(dir));
  return join(dir, 'report.html');
}

/** report.html and charts/ only (zerosim report), as one set. Returns the report's path. */
export async function writeReportFiles(dir: string, results: Results): Promise<string> {
  await prepareOutputDir(dir);
  await writeFileSet(await reportFiles(dir, results), staleCharts(dir));
  return join(dir, 'report.html');
}
