// Where zerosim's own files are: the package root (found from this module's location, in sim/ under
// vitest or in dist/sim/ when built), its version, and the shipped scenarios.

import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding zerosim's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (manifest.name === 'zerosim') return dir;
    } catch {
      // no readable package.json here: keep climbing
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('zerosim: cannot find its own package.json');
    dir = parent;
  }
}

export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

export function scenariosDir(): string {
  return join(packageRoot(), 'scenarios');
}

export function defaultScenarioFile(): string {
  return join(scenariosDir(), 'default.json');
}

/** A path as short as it can be shown: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
