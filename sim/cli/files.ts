// The CLI's file-system access: reading inputs and preparing output folders (writing outputs as one
// set is file-set.ts).

import { access, constants, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as messages from '../experiment/messages.js';
import { InputError } from '../experiment/scenario/index.js';
import { displayPath } from './paths.js';

/** A file's text; an InputError `FILE: cannot read: …` when it cannot be read. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError([messages.cannotRead(file, fsReason(error))]);
  }
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
  try {
    await access(probe, constants.W_OK);
    const testFile = join(probe, `.zerosim-write-test-${process.pid}`);
    await writeFile(testFile, '');
    await rm(testFile, { force: true });
  } catch (error) {
    throw refuse(error);
  }
}

/** Creates `dir` if needed and checks that it is writable. */
export async function prepareOutputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new InputError([messages.cannotWriteDir(displayPath(dir), fsReason(error))]);
  }
}

/** "permission denied", "no such file or directory", …: the reason behind a file-system error. */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(messages.fsReasons, code)) return messages.fsReasons[code];
  return error instanceof Error ? error.message : String(error);
}
