// The CLI's file-system access: reading inputs (a path, or `-` for stdin) and checking output folders
// (writing outputs as one set is file-set.ts).

import { access, constants, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as messages from '../experiment/messages.js';
import { InputError } from '../experiment/scenario/index.js';
import { displayPath } from './paths.js';
import { holdingSignals } from './signals.js';

/** The probe checkOutputDir writes (file-set.ts removes one a killed zerosim left). */
export const probePrefix = '.zerosim-write-test-';

/**
 * The path `-` means stdin, in every command that reads a file. yargs drops a lone `-` from positional
 * lists, so main() hands it on as this token, which no one types.
 */
export const stdinPath = '\u0000-';

/** A flag's value as typed: the stdin token main() passes for `-` is `-` again outside file inputs. */
export function asTyped(value: string): string {
  return value === stdinPath ? '-' : value;
}

/** How an input is named in messages: its path as given, or `<stdin>`. */
export function inputName(file: string): string {
  return file === stdinPath ? messages.stdinName : file;
}

/** The inputs already read from stdin in this process: it can be read once. */
const stdinReads = { count: 0 };

/** A file's (or, for `-`, stdin's) text; an InputError `FILE: cannot read: …` when it cannot be read. */
export async function readInputFile(file: string): Promise<string> {
  try {
    if (file !== stdinPath) return await readFile(file, 'utf8');
    if (stdinReads.count++ > 0) throw new InputError([messages.stdinTwice]);
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([messages.cannotRead(inputName(file), fsReason(error))]);
  }
}

/** An output folder as given by --out: refused when empty or `-`, which name no folder. */
export function outputDirFlag(out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  if (out === '') throw new InputError([messages.emptyOut]);
  if (asTyped(out) === '-') throw new InputError([messages.stdinNotHere('an output folder')]);
  return out;
}

/**
 * Checks, before a long run and without creating anything, that `dir` could be written: it is a
 * writable folder, or the nearest existing folder above it is.
 */
export async function checkOutputDir(dir: string): Promise<void> {
  const refuse = (error: unknown) =>
    new InputError([messages.cannotWriteDir(displayPath(dir), fsReason(error))]);
  // the nearest folder that exists, at dir or above it
  let probe = resolve(dir);
  for (;;) {
    try {
      const info = await stat(probe);
      if (!info.isDirectory()) throw refuse(Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }));
      break;
    } catch (error) {
      if (error instanceof InputError) throw error;
      const parent = dirname(probe);
      if ((error as { code?: unknown }).code !== 'ENOENT' || parent === probe) throw refuse(error);
      probe = parent;
    }
  }
  // Permission bits are not the whole story (root may "write" /proc): create and remove a file there.
  // Stop signals wait for the probe's removal, so that none is left behind.
  await holdingSignals(async () => {
    const testFile = join(probe, `${probePrefix}${process.pid}`);
    try {
      await access(probe, constants.W_OK);
      await writeFile(testFile, '');
    } catch (error) {
      throw refuse(error);
    } finally {
      await rm(testFile, { force: true }).catch(() => undefined);
    }
  });
}

/** "permission denied", "no such file or directory", …: the reason behind a file-system error. */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(messages.fsReasons, code)) return messages.fsReasons[code];
  return error instanceof Error ? error.message : String(error);
}
