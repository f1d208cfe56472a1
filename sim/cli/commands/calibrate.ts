// `zerosim calibrate [--from MEASUREMENTS.jsonl] [--out DIR] [--quick] [--harness js|c] [--check SEL]`:
// measure this host (or read the user's rows), fit the machine, predict every row, and write
// measurements.jsonl (when measured here), machine.json, calibration.json and calibration.html as one set.
//
//   rows (harness or file) ─fit (sim/calibrate/fit.ts)─▶ Calibration ─render (reports/calibration.ts)─▶ files

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { renderCalibrationHtml } from '../../../reports/calibration.js';
import { calibrate } from '../../calibrate/fit.js';
import { calibrateMessages } from '../../calibrate/fit-messages.js';
import { runCHarness } from '../../calibrate/harness-c.js';
import { runJsHarness } from '../../calibrate/harness-js.js';
import { HarnessError } from '../../calibrate/messages.js';
import { type InputRow, markCheckRows, readMeasurements } from '../../calibrate/read.js';
import type { MeasurementRow } from '../../calibrate/rows.js';
import { InputError } from '../../experiment/scenario/index.js';
import { loadAssets } from '../assets.js';
import { type OutputFile, writeFileSet } from '../file-set.js';
import { checkOutputDir, readInputFile } from '../files.js';
import { lastValue } from '../options.js';
import { displayPath, toolVersion } from '../paths.js';

interface CalibrateArgs {
  from?: string | string[];
  out?: string | string[];
  quick: boolean;
  harness?: string | string[];
  check?: string | string[];
  stretchByThreads: boolean;
  quiet: boolean;
}

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate',
  describe: 'fit a machine profile to measurements of this host (or --from a file) and predict every row',
  builder: (yargs) =>
    (yargs as Argv)
      .option('from', {
        type: 'string',
        requiresArg: true,
        describe: 'MEASUREMENTS.jsonl to fit instead of measuring this host ("-": standard input)',
      })
      .option('out', {
        type: 'string',
        requiresArg: true,
        describe: 'output folder',
        default: 'out/calibrate',
      })
      .option('quick', { type: 'boolean', default: false, describe: 'fewer points, shorter measurements' })
      .option('harness', {
        type: 'string',
        requiresArg: true,
        describe:
          'the harness that measures this host: js (worker threads) or c (the C loops, needs a compiler)',
        default: 'js',
      })
      .option('check', {
        type: 'string',
        requiresArg: true,
        describe:
          'also treat rows matching field=value[,field=value] as check rows (e.g. bench=alloc,threads=2)',
      })
      .option('stretch-by-threads', {
        type: 'boolean',
        default: false,
        describe:
          "fit the harness's work stretch per thread count from the long-work lock rows (a loaded host, where T threads do not get T cores)",
      })
      .option('quiet', {
        type: 'boolean',
        default: false,
        describe: 'no progress line',
      }) as unknown as Argv<CalibrateArgs>,
  handler: runCalibrate,
};

function progressLine(enabled: boolean) {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { update: undefined, finish() {} };
  let shown = false;
  return {
    update(stage: string, done: number, total: number) {
      stream.write(`\r\x1b[2K${calibrateMessages.progress(stage, done, total)}`);
      shown = true;
    },
    finish() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** This host's rows from the chosen harness, and their text (one JSON object a line). */
async function measureHost(harness: string, quick: boolean, progress: ReturnType<typeof progressLine>) {
  let rows: MeasurementRow[];
  // what the sitting left out (clear-remote on a 1-CPU host), said even with --quiet
  const onNote = (line: string) => {
    progress.finish(); // off the progress line, which the next update draws again
    process.stderr.write(`${line}\n`);
  };
  try {
    if (harness === 'c')
      rows = await runCHarness({ quick, onNote, onRow: () => progress.update?.('measuring', 0, 0) });
    else
      rows = await runJsHarness({
        quick,
        onNote,
        onProgress: (p) => progress.update?.('measuring', p.done, p.total),
      });
  } catch (error) {
    if (error instanceof HarnessError) throw new InputError([error.message]);
    throw error;
  }
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

async function runCalibrate(args: CalibrateArgs): Promise<void> {
  const dir = lastValue(args.out) ?? 'out/calibrate';
  const from = lastValue(args.from);
  const harness = lastValue(args.harness) ?? 'js';
  if (harness !== 'js' && harness !== 'c') throw new InputError([calibrateMessages.badHarness(harness)]);
  await checkOutputDir(dir);
  const progress = progressLine(!args.quiet);
  const files: OutputFile[] = [];
  let rows: InputRow[];
  let source: string;
  try {
    if (from === undefined) {
      const text = await measureHost(harness, args.quick, progress);
      files.push({ path: join(dir, 'measurements.jsonl'), text });
      source = `this host (${harness} harness${args.quick ? ', quick' : ''})`;
      rows = readMeasurements(text, join(dir, 'measurements.jsonl'));
    } else {
      const text = from === '-' ? await readStdin() : await readInputFile(from);
      source = from === '-' ? 'stdin' : displayPath(from);
      rows = readMeasurements(text, from === '-' ? 'stdin' : from);
    }
    const check = lastValue(args.check);
    if (check !== undefined) rows = markCheckRows(rows, check);
    const calibration = calibrate(rows, {
      source,
      toolVersion: toolVersion(),
      onProgress: progress.update,
      stretchByThreads: args.stretchByThreads,
    });
    files.push(
      { path: join(dir, 'machine.json'), text: `${JSON.stringify(calibration.machine, null, 2)}\n` },
      { path: join(dir, 'calibration.json'), text: `${JSON.stringify(calibration, null, 2)}\n` },
      { path: join(dir, 'calibration.html'), text: renderCalibrationHtml(calibration, loadAssets()) },
    );
    progress.finish();
    await writeFileSet(dir, files);
    const { fit, check: checked } = calibration.summary;
    process.stdout.write(
      [
        calibrateMessages.summaryLine('fit', fit.rows, fit.medianAbsErrorPct, fit.maxAbsErrorPct),
        calibrateMessages.summaryLine(
          'check',
          checked.rows,
          checked.medianAbsErrorPct,
          checked.maxAbsErrorPct,
        ),
        calibrateMessages.written('machine', displayPath(join(dir, 'machine.json'))),
        calibrateMessages.written('report', displayPath(join(dir, 'calibration.html'))),
        '',
      ].join('\n'),
    );
  } finally {
    progress.finish();
  }
}
