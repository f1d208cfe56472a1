// Writes a study's files into its output folder: results.json and results.csv first, then the report
// (report.html, charts/NAME.vl.json, charts/NAME.svg), each file atomically.

import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReport } from '../../reports/index.js';
import type { Results } from '../experiment/types.js';
import { resultsCsv } from './csv.js';
import { prepareOutputDir, writeFileAtomic } from './files.js';

/** results.json and results.csv; returns the path of results.json. */
export async function writeResultsFiles(dir: string, results: Results): Promise<string> {
  await prepareOutputDir(dir);
  const jsonPath = join(dir, 'results.json');
  await writeFileAtomic(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  await writeFileAtomic(join(dir, 'results.csv'), resultsCsv(results));
  return jsonPath;
}

/** report.html and charts/; charts left over from an earlier run are removed. Returns the report's path. */
export async function writeReportFiles(dir: string, results: Results): Promise<string> {
  const report = await buildReport(results);
  const chartsDir = join(dir, 'charts');
  await prepareOutputDir(chartsDir);
  const written = new Set<string>();
  for (const chart of report.charts) {
    // chart names come from reports/, not from users; a path in one would be a bug there
    if (!/^[A-Za-z0-9._-]+$/.test(chart.name))
      throw new Error(`chart name ${JSON.stringify(chart.name)} is not a file name`);
    for (const [file, text] of [
      [`${chart.name}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`],
      [`${chart.name}.svg`, chart.svg],
    ]) {
      await writeFileAtomic(join(chartsDir, file), text);
      written.add(file);
    }
  }
  for (const file of await readdir(chartsDir)) {
    if ((file.endsWith('.vl.json') || file.endsWith('.svg')) && !written.has(file)) {
      await rm(join(chartsDir, file), { force: true });
    }
  }
  const reportPath = join(dir, 'report.html');
  await writeFileAtomic(reportPath, report.html);
  return reportPath;
}

/** All of a study's files: results first, then the report. Returns the report's path. */
export async function writeStudyFiles(dir: string, results: Results): Promise<string> {
  await writeResultsFiles(dir, results);
  return writeReportFiles(dir, results);
}
