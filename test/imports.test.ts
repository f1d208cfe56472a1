// The import direction of STYLE.md, checked on every source file (type-only imports included):
// types ← math ← dist ← engine ← policies ← model ← experiment ← cli, with analytic beside the engine;
// reports read only the shared types and the distribution families, and no node: module; and no file
// reaches itself through its imports.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Rank of each layer: a file may import its own layer or a lower rank, never a higher one. */
const RANK: Record<string, number> = {
  types: 0,
  // elementary functions with the same bits in every JavaScript engine: under everything that samples
  math: 0.25,
  // the distribution families: above the shared types, below every layer that samples or prints one
  dist: 0.5,
  engine: 1,
  analytic: 1,
  policies: 2,
  model: 3,
  experiment: 4,
  calibrate: 5,
  bench: 5,
  cli: 6,
  // the playground's browser entries (worker and page script): beside the CLI, over experiment and reports
  browser: 6,
  // sim/index.ts, the library entry: the CLI's loading and running, and the report builder
  'index.ts': 7,
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

interface Import {
  from: string;
  /** the imported file, relative to the root, or the bare specifier of a package */
  to: string;
  local: boolean;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1];
    if (!spec.startsWith('.')) {
      out.push({ from: file, to: spec, local: false });
      continue;
    }
    const to = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
    out.push({ from: file, to, local: true });
  }
  return out;
}

/** "sim/model/core.ts" → "model"; "reports/…" → "reports" */
function layerOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'sim' ? parts[1] : parts[0];
}

const files = [...sourceFiles('sim'), ...sourceFiles('reports')];
const imports = files.flatMap(importsOf);

describe('import direction', () => {
  it('knows the layer of every file under sim/', () => {
    const unknown = files.filter((f) => f.startsWith('sim/') && !(layerOf(f) in RANK));
    expect(unknown).toEqual([]);
  });

  it('never imports a higher layer under sim/', () => {
    const upward = imports
      .filter((i) => i.local && i.from.startsWith('sim/') && i.to.startsWith('sim/'))
      .filter((i) => RANK[layerOf(i.to)] > RANK[layerOf(i.from)])
      .map((i) => `${i.from} → ${i.to}`);
    expect(upward).toEqual([]);
  });

  it('keeps engine and analytic apart (both sit on the shared types only)', () => {
    const across = imports
      .filter((i) => i.local && i.to.startsWith('sim/'))
      .filter((i) => {
        const a = layerOf(i.from);
        const b = layerOf(i.to);
        return a !== b && RANK[a] === RANK[b];
      })
      .map((i) => `${i.from} → ${i.to}`);
    expect(across).toEqual([]);
  });

  it('lets sim/ import reports only from the CLI and the library entry', () => {
    const wrong = imports
      .filter((i) => i.local && i.from.startsWith('sim/') && i.to.startsWith('reports/'))
      .filter((i) => !['cli', 'bench', 'browser', 'index.ts'].includes(layerOf(i.from)))
      .map((i) => `${i.from} → ${i.to}`);
    expect(wrong).toEqual([]);
  });

  it('lets reports read only the shared types and the distribution families of sim/', () => {
    const wrong = imports
      .filter((i) => i.local && i.from.startsWith('reports/') && !i.to.startsWith('reports/'))
      .filter((i) => !i.to.startsWith('sim/types/') && !i.to.startsWith('sim/dist/'))
      .map((i) => `${i.from} → ${i.to}`);
    expect(wrong).toEqual([]);
  });

  it('keeps node: modules out of reports (they must run in a browser page)', () => {
    const wrong = imports
      .filter((i) => i.from.startsWith('reports/') && !i.local && i.to.startsWith('node:'))
      .map((i) => `${i.from} → ${i.to}`);
    expect(wrong).toEqual([]);
  });

  it('has no import circles', () => {
    const graph = new Map<string, string[]>();
    for (const i of imports) if (i.local) graph.set(i.from, [...(graph.get(i.from) ?? []), i.to]);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(circles).toEqual([]);
  });

  it('sees the imports it checks (the pattern is not blind)', () => {
    const core = imports.filter((i) => i.from === 'sim/model/system.ts').map((i) => relative('sim', i.to));
    expect(core).toContain('engine/environment.ts');
  });
});
