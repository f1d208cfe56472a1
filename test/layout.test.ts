// The shape STYLE.md asks of every source file: one concept in at most 400 lines, opening with a
// sentence (a comment) on what it models or does.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const files = [...sourceFiles('sim'), ...sourceFiles('reports')];

describe('source layout', () => {
  it('finds the sources it checks', () => {
    expect(files).toContain('sim/model/core.ts');
  });

  it(`keeps every source file within ${MAX_LINES} lines`, () => {
    const long = files
      .map((f) => ({ f, lines: readFileSync(join(root, f), 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > MAX_LINES)
      .map((x) => `${x.f}: ${x.lines} lines`);
    expect(long).toEqual([]);
  });

  it('opens every source file with a comment saying what it is', () => {
    const bare = files.filter((f) => !/^\s*(\/\/|\/\*)/.test(readFileSync(join(root, f), 'utf8')));
    expect(bare).toEqual([]);
  });
});
