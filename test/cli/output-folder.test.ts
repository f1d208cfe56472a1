// What zerosim may do to an output folder: replace and remove only the files it wrote there (its
// manifest, .zerosim-set.json, lists them), refuse files it did not write unless --force, and leave
// nothing half-made when the disk is full. Also: report refuses results that hold a point twice, and
// cuts a huge description in the page.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakePoint, fakeResults } from './fixtures.js';
import { lines, scratchDir, stackFrame, writeFile, zerosim } from './helpers.js';

const manifest = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, '.zerosim-set.json'), 'utf8')) as { files: string[] }).files;

describe('an output folder', () => {
  it('run refuses, before running, to overwrite a report.html zerosim did not write', () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'o'));
    writeFile(join(dir, 'o'), 'report.html', 'my own page');
    const result = zerosim(['run', '--out', 'o', '--quiet'], dir);
    expect(lines(result.stderr)).toEqual([
      'o: would overwrite files zerosim did not write: report.html (another --out, or --force to overwrite them)',
    ]);
    expect(result.code).toBe(2);
    expect(readFileSync(join(dir, 'o', 'report.html'), 'utf8')).toBe('my own page');
  });

  it('report replaces only the files zerosim wrote, and --force overwrites the others', () => {
    const dir = scratchDir();
    writeFile(dir, 'results.json', fakeResults());
    mkdirSync(join(dir, 'r', 'charts'), { recursive: true });
    writeFile(join(dir, 'r', 'charts'), 'mine.svg', '<svg>mine</svg>');
    writeFile(join(dir, 'r'), 'report.html', 'my own page');
    const refused = zerosim(['report', 'results.json', '--out', 'r'], dir);
    expect(refused.code).toBe(2);
    expect(lines(refused.stderr)).toEqual([
      'r: would overwrite files zerosim did not write: report.html (another --out, or --force to overwrite them)',
    ]);
    expect(readdirSync(join(dir, 'r')).sort()).toEqual(['charts', 'report.html']);

    const forced = zerosim(['report', 'results.json', '--out', 'r', '--force'], dir);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'r', 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    const written = manifest(join(dir, 'r'));
    expect(written).toContain('report.html');
    expect(written).not.toContain('charts/mine.svg');

    // a chart that the manifest lists but the next set lacks goes; the user's file stays
    writeFile(join(dir, 'r', 'charts'), 'gone.svg', '<svg/>');
    writeFile(join(dir, 'r'), '.zerosim-set.json', {
      tool: 'zerosim',
      files: [...written, 'charts/gone.svg'],
    });
    const again = zerosim(['report', 'results.json', '--out', 'r'], dir);
    expect(again.code).toBe(0);
    expect(existsSync(join(dir, 'r', 'charts', 'gone.svg'))).toBe(false);
    expect(readFileSync(join(dir, 'r', 'charts', 'mine.svg'), 'utf8')).toBe('<svg>mine</svg>');
    expect(manifest(join(dir, 'r'))).toEqual(written);
  }, 60_000);

  it('finishes a swap a crash left after its journal, and says so in one line', () => {
    const dir = scratchDir();
    writeFile(dir, 'results.json', fakeResults());
    expect(zerosim(['report', 'results.json', '--out', 'r'], dir).code).toBe(0);
    // as if killed after the journal: the new report staged, the old one still in place
    const staging = join(dir, 'r', '.zerosim-staging-999999999-0');
    mkdirSync(staging);
    writeFileSync(join(staging, 'report.html'), 'the new page');
    writeFile(join(dir, 'r'), '.zerosim-swap.json', {
      staging: '.zerosim-staging-999999999-0',
      moves: ['report.html'],
      removes: [],
    });
    writeFile(join(dir, 'r'), 'scenario.json', { name: 'ok', cores: [1] });
    const result = zerosim(['validate', 'r/scenario.json'], dir);
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toEqual([
      'zerosim: r: finished an interrupted write; the folder holds the new outputs',
    ]);
    expect(readFileSync(join(dir, 'r', 'report.html'), 'utf8')).toBe('the new page');
    expect(
      readdirSync(join(dir, 'r')).filter((n) => n.startsWith('.zerosim-') && n !== '.zerosim-set.json'),
    ).toEqual([]);
  });

  it('is left as it was when the disk fills up: no empty charts/, no staging', () => {
    // a tiny tmpfs is the honest full disk; mounting it needs root, as the tests and CI run here
    const disk = scratchDir();
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], {
      encoding: 'utf8',
    });
    expect(mounted.status, `mount a 64 KiB tmpfs (needs root): ${mounted.stderr}`).toBe(0);
    try {
      const dir = scratchDir();
      writeFile(dir, 'results.json', fakeResults());
      const result = zerosim(['report', 'results.json', '--out', join(disk, 'r')], dir);
      expect(result.code).toBe(2);
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toContain('no space left on the device');
      expect(result.stderr).not.toMatch(stackFrame);
      expect(readdirSync(disk)).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  }, 60_000);
});

describe('zerosim report', () => {
  it('refuses results that hold a point twice, naming it', () => {
    const dir = scratchDir();
    const results = fakeResults();
    results.points.push(fakePoint('go1.0-under-lock', 4, 1));
    writeFile(dir, 'results.json', results);
    const result = zerosim(['report', 'results.json', '--out', 'r'], dir);
    expect(lines(result.stderr)).toEqual([
      'results.json: points[4]: duplicate point go1.0-under-lock at 4 cores (each policy, cores and varied values once; first at points[1])',
    ]);
    expect(result.code).toBe(2);
    expect(existsSync(join(dir, 'r'))).toBe(false);
  });

  it('cuts a huge description in the page, with a note there and a line on stderr', () => {
    const dir = scratchDir();
    const results = fakeResults();
    results.scenario.description = 'x'.repeat(2_000_000);
    writeFile(dir, 'results.json', results);
    const result = zerosim(['report', 'results.json', '--out', 'r'], dir);
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toEqual([
      'zerosim: the scenario description has 2000000 characters; the report shows the first 10000',
    ]);
    const page = readFileSync(join(dir, 'r', 'report.html'), 'utf8');
    expect(page).toContain('description cut: 2000000 characters, the first 10000 shown');
    expect(statSync(join(dir, 'r', 'report.html')).size).toBeLessThan(1_500_000);
  }, 60_000);
});
