// Where the C harness source is: beside this module under sim/calibrate/ when run from the sources, and
// in the package's sim/calibrate/c/ when run from dist/sim/calibrate/ (the build copies only .ts output).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HarnessError, messages } from './messages.js';

const CANDIDATES = ['./c/zerosim-loops.c', '../../../sim/calibrate/c/zerosim-loops.c'];

/** The absolute path of zerosim-loops.c; throws a HarnessError when neither place holds it. */
export function cSourcePath(): string {
  const paths = CANDIDATES.map((c) => fileURLToPath(new URL(c, import.meta.url)));
  const found = paths.find((p) => existsSync(p));
  if (found === undefined) throw new HarnessError(messages.noSource(paths));
  return found;
}
