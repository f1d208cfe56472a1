// The C calibration harness: finds a C compiler, builds c/zerosim-loops.c once into a cache folder
// (keyed by the source and the compiler), runs it and streams the MEASUREMENTS.jsonl rows it prints.

import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { firstLine, HarnessError, messages } from './messages.js';
import type { HarnessOptions } from './plan.js';
import { type MeasurementRow, parseRow } from './rows.js';
import { cSourcePath } from './source.js';

const COMPILERS = ['cc', 'gcc', 'clang'];
export const C_FLAGS = ['-std=c11', '-O2', '-pthread'];

export interface CHarnessOptions extends HarnessOptions {
  /** the compiler command; default $CC, else the first of cc, gcc, clang on PATH */
  compiler?: string;
  /** where compiled binaries are kept; default <os tmpdir>/zerosim-calibrate */
  cacheDir?: string;
  /** called with each row as the harness prints it */
  onRow?: (row: MeasurementRow) => void;
  /** called, once it has finished well, with each line it printed on stderr (what it left out, and why) */
  onNote?: (line: string) => void;
  signal?: AbortSignal;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a C compiler: `preferred` (a path or a name looked up on PATH), else $CC, else cc, gcc, clang. */
export function findCompiler(preferred?: string, env: NodeJS.ProcessEnv = process.env): string {
  const names = preferred !== undefined ? [preferred] : env.CC ? [env.CC] : COMPILERS;
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of names) {
    if (isAbsolute(name) || name.includes('/')) {
      if (isExecutable(name)) return name;
      continue;
    }
    for (const dir of dirs) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  throw new HarnessError(messages.noCompiler(names));
}

/** Compiles zerosim-loops.c unless the cache already holds this source built by this compiler; returns the binary. */
export async function compileLoops(options: { compiler?: string; cacheDir?: string } = {}): Promise<string> {
  const compiler = findCompiler(options.compiler);
  const source = cSourcePath();
  const key = createHash('sha256')
    .update(readFileSync(source))
    .update(`\0${compiler}\0${C_FLAGS.join(' ')}`)
    .digest('hex')
    .slice(0, 16);
  const dir = join(options.cacheDir ?? join(tmpdir(), 'zerosim-calibrate'), key);
  const binary = join(dir, 'zerosim-loops');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  // build beside the final name, then rename: a concurrent sitting never runs a half-written binary
  const partial = `${binary}.${process.pid}.tmp`;
  await new Promise<void>((resolve, reject) => {
    execFile(compiler, [...C_FLAGS, '-o', partial, source], (error, _stdout, stderr) => {
      if (error === null) resolve();
      else {
        const detail = stderr.split('\n').find((l) => /error/i.test(l)) ?? firstLine(stderr, error.message);
        reject(new HarnessError(messages.compileFailed(compiler, detail.trim())));
      }
    });
  });
  renameSync(partial, binary);
  return binary;
}

/** The command-line flags of zerosim-loops for these options (its own defaults where one is unset). */
export function loopsArgs(options: HarnessOptions): string[] {
  const args: string[] = [];
  if (options.quick) args.push('--quick');
  if (options.benches !== undefined) args.push('--bench', options.benches.join(','));
  if (options.threads !== undefined) args.push('--threads', options.threads.join(','));
  if (options.durationMs !== undefined) args.push('--duration-ms', String(options.durationMs));
  if (options.warmupMs !== undefined) args.push('--warmup-ms', String(options.warmupMs));
  if (options.repeats !== undefined) args.push('--repeats', String(options.repeats));
  if (options.passes !== undefined) args.push('--passes', String(options.passes));
  if (options.host !== undefined) args.push('--host', options.host);
  return args;
}

/** Compiles (if needed) and runs the C harness; resolves to every row it printed, in order. */
export async function runCHarness(options: CHarnessOptions = {}): Promise<MeasurementRow[]> {
  const binary = await compileLoops(options);
  const child = spawn(binary, loopsArgs(options), {
    stdio: ['ignore', 'pipe', 'pipe'],
    signal: options.signal,
  });
  const rows: MeasurementRow[] = [];
  let stderr = '';
  let badRow: HarnessError | null = null;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.trim() === '' || badRow !== null) return;
    try {
      const row = parseRow(line);
      rows.push(row);
      options.onRow?.(row);
    } catch (error) {
      badRow = new HarnessError(messages.badRow('C', (error as Error).message));
      child.kill();
    }
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
    child.on('error', (error) =>
      reject(
        error.name === 'AbortError' ? error : new HarnessError(messages.runFailed(null, null, error.message)),
      ),
    );
    child.on('close', (c, s) => resolve([c, s]));
  });
  if (badRow !== null) throw badRow;
  if (code !== 0) throw new HarnessError(messages.runFailed(code, signal, firstLine(stderr, 'no message')));
  for (const line of stderr.split('\n')) if (line.trim() !== '') options.onNote?.(line.trim());
  return rows;
}
