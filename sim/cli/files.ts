// The CLI's file-system access: reading inputs and preparing output folders (writing outputs as one
// set is file-set.ts).

import { access, constants, mkdir, readFile } from 'node:fs/promises';
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

/** "permission denied", "no such file or directory", …: the reason behind a file-system error. */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && Object.hasOwn(messages.fsReasons, code)) return messages.fsReasons[code];
  return error instanceof Error ? error.message : String(error);
}
