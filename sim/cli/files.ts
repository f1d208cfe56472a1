// The CLI's file-system access: reading inputs, preparing output folders, and writing every output
// file atomically (a temporary file in the same folder, then a rename), so no reader sees half a file.

import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/** Creates `dir` if needed and checks that it is writable, before any long run starts. */
export async function prepareOutputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw new InputError([messages.cannotWriteDir(displayPath(dir), fsReason(error))]);
  }
}

/** Writes `data` to `path` via a temporary sibling and a rename. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new InputError([messages.cannotWriteDir(displayPath(dirname(path)), fsReason(error))]);
  }
}

/** "permission denied", "no such file or directory", …: the reason behind a file-system error. */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(messages.fsReasons, code)) return messages.fsReasons[code];
  return error instanceof Error ? error.message : String(error);
}
