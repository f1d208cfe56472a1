// The CLI's file-system access: reading inputs and preparing output folders (writing outputs as one
// set is file-set.ts).

import { access, constants, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
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
  let probe = resolve(dir);
  for (;;) {
    try {
      const info = await stat(probe);
      if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      await access(probe, constants.W_OK);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const parent = dirname(probe);
      if (code === 'ENOENT' && parent !== probe) {
        probe = parent;
        continue;
      }
      throw new InputError([messages.cannotWriteDir(displayPath(dir), fsReason(error))]);
    }
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
