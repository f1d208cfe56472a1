// Writes a set of output files as one unit: every file goes to a temporary sibling first, and only when
// all are written are they renamed into place, with Ctrl-C held off during the renames. An interrupted
// write leaves the previous outputs untouched (and no temporaries); a finished one leaves all new files.

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as messages from '../experiment/messages.js';
import { InputError } from '../experiment/scenario/index.js';
import { InterruptedError } from './exit.js';
import { fsReason } from './files.js';
import { displayPath } from './paths.js';

export interface OutputFile {
  path: string;
  text: string;
}

/**
 * Writes `files`; then removes files matching `stale` in `staleDirs` that this set did not write (charts
 * of an earlier run). Throws InterruptedError after finishing if Ctrl-C came during the renames.
 */
export async function writeFileSet(
  files: readonly OutputFile[],
  stale?: { dirs: string[]; match: (name: string) => boolean },
): Promise<void> {
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  const tag = randomBytes(4).toString('hex');
  const temporaries = files.map((f) => join(dirname(f.path), `.${basename(f.path)}.${tag}.tmp`));
  let current = files.length > 0 ? files[0].path : '.';
  try {
    // Phase 1: temporaries. Ctrl-C here abandons the new set and keeps the old one.
    for (const [i, file] of files.entries()) {
      current = file.path;
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(temporaries[i], file.text, 'utf8');
      if (interrupted) throw new InterruptedError();
    }
    // Phase 2: renames, each atomic; Ctrl-C waits until all are done.
    for (const [i, file] of files.entries()) await rename(temporaries[i], file.path);
    if (stale) {
      const written = new Set(files.map((f) => f.path));
      for (const dir of stale.dirs) {
        for (const name of await readdir(dir)) {
          const path = join(dir, name);
          if (stale.match(name) && !written.has(path)) await rm(path, { force: true });
        }
      }
    }
  } catch (error) {
    // best effort: a temporary that could not be created cannot be removed either
    await Promise.all(temporaries.map((t) => rm(t, { force: true }).catch(() => undefined)));
    if (error instanceof InterruptedError) throw error;
    throw new InputError([messages.cannotWriteDir(displayPath(dirname(current)), fsReason(error))]);
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (interrupted) throw new InterruptedError();
}
