// Drives the built CLI (node bin/zerosim.js, as users run it) in a child process, in a scratch folder.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(packageRoot, 'bin', 'zerosim.js');
const builtMain = join(packageRoot, 'dist', 'sim', 'cli', 'main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `zerosim ARGS` in `cwd`, with `input` on stdin if given; stderr is a pipe, not a terminal, so no progress is drawn. */
export function zerosim(args: readonly string[], cwd: string = scratchDir(), input?: string): CliResult {
  assertBuilt();
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 600_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratchDirs: string[] = [];
// registered while the importing test file is collected, so it runs after that file's tests
afterAll(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty folder under the system temp dir, removed when the tests finish. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zerosim-cli-'));
  scratchDirs.push(dir);
  return dir;
}

/** Writes `content` (JSON-encoded unless a string) to DIR/NAME and returns the path. */
export function writeFile(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Lines of a stream's text, without the final empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line, index, all) => !(line === '' && index === all.length - 1));
}

/** A stack trace printed for bad input would show frames like "    at main (file.js:1:2)". */
export const stackFrame = /^\s+at /m;

function assertBuilt(): void {
  // npm test builds first (pretest); a bare `vitest run` relies on an earlier build
  if (!existsSync(builtMain))
    throw new Error('the CLI is not built: run `npm run build` first (npm test does)');
}

/** Shard files, job scripts and Slurm's logs: the work a merged study is made from, not its outputs. */
const SHARD_WORK = /^(shard-\d+-of-\d+\.json|.*\.sbatch|slurm-.*\.out)$/;

/**
 * Every output file of a study in `dir` (relative path → text), leaving out the shard work it was
 * merged from; the set's manifest is compared without those entries too.
 */
export function studyOutputs(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || SHARD_WORK.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    let text = readFileSync(path, 'latin1');
    if (entry.name === '.zerosim-set.json') {
      const manifest = JSON.parse(text) as { files: string[] };
      text = JSON.stringify({ ...manifest, files: manifest.files.filter((f) => !SHARD_WORK.test(f)) });
    }
    files[relative(dir, path)] = text;
  }
  return files;
}
