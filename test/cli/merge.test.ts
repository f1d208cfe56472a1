// `zerosim merge` on bad input: a missing, foreign, damaged or duplicated shard is refused with exit
// code 2 and one line naming it; rerunning the missing shard and merging again gives the whole run.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lines, scratchDir, writeFile, zerosim } from './helpers.js';

const tiny = {
  name: 'tiny',
  cores: [1, 4],
  policies: ['go1.1-after-unlock'],
  workload: { workNs: { dist: 'exponential', mean: 2000 }, sizeBytes: 1048576 },
  run: { allocationsPerCore: 200, replications: 2, seed: 7 },
};

// shards 1-3 of the study in parts/, and shard 2 of 3 of another study (another seed) in foreign/
const base = scratchDir();
beforeAll(() => {
  writeFile(base, 'tiny.json', tiny);
  writeFile(base, 'other.json', { ...tiny, run: { ...tiny.run, seed: 8 } });
  for (const [file, k, out] of [
    ['tiny.json', 1, 'parts'],
    ['tiny.json', 2, 'parts'],
    ['tiny.json', 3, 'parts'],
    ['other.json', 2, 'foreign'],
  ] as const) {
    const r = zerosim(['run', file, '--shard', `${k}/3`, '--out', out, '--jobs', '1', '--quiet'], base);
    expect(r.code, r.stderr).toBe(0);
  }
});

/** A fresh copy of the shards, to spoil. */
function copy(): string {
  const dir = scratchDir();
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Merges and expects a refusal: exit code 2, no stack, exactly one line, which it returns. */
function refused(dir: string, args: readonly string[]): string {
  const r = zerosim(['merge', ...args], dir);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(lines(r.stderr)).toHaveLength(1);
  return r.stderr.trimEnd();
}

describe('zerosim merge refuses', () => {
  it('a missing shard, saying which K are missing; rerunning it and merging again works', () => {
    const dir = copy();
    rmSync(join(dir, 'parts', 'shard-2-of-3.json'));
    expect(refused(dir, ['parts'])).toBe(
      'parts: shard 2 of 3 missing: no shard-2-of-3.json (expected every K from 1 to 3: run it with --shard K/3, then merge again)',
    );
    expect(zerosim(['run', 'tiny.json', '--shard', '2/3', '--out', 'parts', '--quiet'], dir).code).toBe(0);
    const merged = zerosim(['merge', 'parts'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/report: parts\/report\.html\n$/);
    expect(zerosim(['run', 'tiny.json', '--out', 'whole', '--quiet'], dir).code).toBe(0);
    for (const file of ['results.json', 'results.csv', 'report.html'])
      expect(readFileSync(join(dir, 'parts', file), 'utf8')).toBe(
        readFileSync(join(dir, 'whole', file), 'utf8'),
      );
  });

  it('several missing shards, in one line', () => {
    const dir = copy();
    rmSync(join(dir, 'parts', 'shard-1-of-3.json'));
    rmSync(join(dir, 'parts', 'shard-3-of-3.json'));
    expect(refused(dir, ['parts'])).toMatch(
      /^parts: shards 1, 3 of 3 missing: no shard-1-of-3\.json, shard-3-of-3\.json \(expected every K/,
    );
  });

  it('a shard of another study, naming it', () => {
    const dir = copy();
    expect(refused(dir, ['parts', 'foreign'])).toMatch(
      /^foreign\/shard-2-of-3\.json: fingerprint: a shard of another study, "tiny" in 3 shards, fingerprint [0-9a-f]{12} \(expected a shard of the study of parts\/shard-1-of-3\.json, "tiny" in 3 shards, fingerprint [0-9a-f]{12}; move it away or merge it on its own\)$/,
    );
  });

  it('shards of another N, as another study', () => {
    const dir = copy();
    expect(zerosim(['run', 'tiny.json', '--shard', '1/2', '--out', 'parts', '--quiet'], dir).code).toBe(0);
    expect(refused(dir, ['parts'])).toMatch(
      /^parts\/shard-1-of-2\.json: fingerprint: a shard of another study, "tiny" in 2 shards/,
    );
  });

  it('two copies of one K', () => {
    const dir = copy();
    mkdirSync(join(dir, 'again'));
    cpSync(join(dir, 'parts', 'shard-2-of-3.json'), join(dir, 'again', 'shard-2-of-3.json'));
    expect(refused(dir, ['parts', 'again'])).toBe(
      'again/shard-2-of-3.json: shard: shard 2 of 3 again, as in parts/shard-2-of-3.json (expected each K once: keep one of them)',
    );
  });

  it('a truncated shard file', () => {
    const dir = copy();
    const file = join(dir, 'parts', 'shard-3-of-3.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length / 2));
    expect(refused(dir, ['parts'])).toMatch(
      /^parts\/shard-3-of-3\.json: line \d+, column \d+: invalid JSON: [^(]* \(expected a shard file written by zerosim run --shard K\/N; it is damaged: run that shard again\)$/,
    );
  });

  it('a shard file whose numbers were changed', () => {
    const dir = copy();
    const file = join(dir, 'parts', 'shard-1-of-3.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace(/"allocsPerSec":(\d)/, (_, d) => `"allocsPerSec":${(Number(d) + 1) % 10}`),
    );
    expect(refused(dir, ['parts'])).toBe(
      "parts/shard-1-of-3.json: checksum: does not match the file's contents (expected the file as zerosim wrote it; it is damaged: run that shard again)",
    );
  });

  it('a shard file renamed to another K', () => {
    const dir = copy();
    rmSync(join(dir, 'parts', 'shard-1-of-3.json'));
    cpSync(join(dir, 'parts', 'shard-2-of-3.json'), join(dir, 'parts', 'shard-1-of-3.json'));
    expect(refused(dir, ['parts'])).toBe(
      'parts/shard-1-of-3.json: shard: holds shard 2 of 3 (expected the shard its name says; rename it to shard-2-of-3.json)',
    );
  });

  it('a folder without shard files', () => {
    const dir = copy();
    mkdirSync(join(dir, 'empty'));
    expect(refused(dir, ['empty'])).toBe(
      'empty: no shard files (expected shard-K-of-N.json files written by zerosim run --shard K/N)',
    );
  });
});
