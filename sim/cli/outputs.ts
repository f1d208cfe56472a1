// A study's output files: results.json, results.csv, report.html, charts/NAME.vl.json and charts/NAME.svg,
// built in memory first and then written as one set (see file-set.ts): never a mix of two runs.

import { join } from 'node:path';
import { buildReport } from '../../reports/index.js';
import * as messages from '../experiment/messages.js';
import type { Results } from '../types/index.js';
import { loadAssets } from './assets.js';
import { resultsCsv } from './csv.js';
import { type FileSetOptions, type OutputFile, writeFileSet } from './file-set.js';

/** The report's page, where `run`, `whatif` and `report` say they put it. */
export function reportPath(dir: string): string {
  return join(dir, 'report.html');
}

/** The files every set holds, checked before a long run (file-set.ts checkOwnership). */
export const fixedStudyFiles = ['results.json', 'results.csv', 'report.html'] as const;

/** What the report shows of a scenario's description at most: a page must stay a page. */
export const reportDescriptionChars = 10_000;

/** report.html and charts/: the charts built and the page rendered (reports/), in memory. */
export async function reportFiles(dir: string, results: Results): Promise<OutputFile[]> {
  const report = await buildReport(withShortDescription(results), loadAssets());
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

/** The results with a description the report can show, cut with a visible note (said on stderr). */
function withShortDescription(results: Results): Results {
  const description = results.scenario.description;
  if (description.length <= reportDescriptionChars) return results;
  const kept = reportDescriptionChars;
  process.stderr.write(`${messages.descriptionCut(description.length, kept)}\n`);
  const cut = `${description.slice(0, kept)} ${messages.descriptionCutNote(description.length, kept)}`;
  return { ...results, scenario: { ...results.scenario, description: cut } };
}

/** All of a study's files, in memory: results.json, results.csv, then the report and its charts. */
export async function studyFiles(dir: string, results: Results): Promise<OutputFile[]> {
  return [
    { path: join(dir, 'results.json'), text: `${JSON.stringify(results, null, 2)}\n` },
    { path: join(dir, 'results.csv'), text: resultsCsv(results) },
    ...(await reportFiles(dir, results)),
  ];
}

/**
 * Writes the files into `dir` (created if need be) as one set, replacing the files of the set zerosim
 * wrote there before (or those `options.replaces` picks of it); files it did not write are refused.
 */
export async function writeOutputFiles(
  dir: string,
  files: readonly OutputFile[],
  options: FileSetOptions = {},
): Promise<void> {
  await writeFileSet(dir, files, options);
}
