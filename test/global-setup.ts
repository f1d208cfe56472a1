// Before the tests, once: makes sure Debian's chromium is there for the browser tests (installing it
// with apt-get when running as root), then builds dist/ (and the playground's browser bundles) so CLI tests drive the current sources even
// under a bare `vitest run`.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Where the browser tests launch chromium from (playwright-core, no browser download). */
const CHROMIUM = '/usr/bin/chromium';

const HOW_TO_INSTALL =
  `the browser tests need chromium at ${CHROMIUM}: install it as root with ` +
  '`apt-get update && apt-get install -y chromium` (Debian, Ubuntu), then run the tests again';

/** How long apt-get may wait for another apt or dpkg to release its lock. */
const LOCK_WAIT_MS = 10 * 60_000;

export default async function setup(): Promise<void> {
  await ensureChromium();
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // the playground's browser bundles, as `npm run build` makes them
  execFileSync(process.execPath, [`${root}sim/browser/build.mjs`], { cwd: root, stdio: 'inherit' });
}

async function ensureChromium(): Promise<void> {
  if (isExecutable(CHROMIUM)) return;
  const aptGet = onPath('apt-get');
  if (process.getuid?.() !== 0 || aptGet === null)
    throw oneLineError(`chromium is missing; ${HOW_TO_INSTALL}`);
  process.stderr.write(`${CHROMIUM} is missing: installing chromium with apt-get (once per machine)\n`);
  try {
    await runApt(aptGet, ['update', '-qq']);
    await runApt(aptGet, ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  } catch (error) {
    throw oneLineError(`installing chromium failed (${(error as Error).message}); ${HOW_TO_INSTALL}`);
  }
  if (!isExecutable(CHROMIUM))
    throw oneLineError(`apt-get installed chromium, but ${CHROMIUM} is still missing; ${HOW_TO_INSTALL}`);
  process.stderr.write(`installed ${CHROMIUM}\n`);
}

/** Runs apt-get quietly; while another apt or dpkg holds its lock, waits and tries again. */
async function runApt(aptGet: string, args: string[]): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await promisify(execFile)(aptGet, ['-o', 'DPkg::Lock::Timeout=60', ...args], {
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      return;
    } catch (error) {
      const output = String((error as { stderr?: unknown }).stderr ?? '');
      const locked = /could not get lock|unable to lock|unable to acquire the dpkg frontend lock/i.test(
        output,
      );
      if (!locked || Date.now() > deadline) {
        const last = output.trim().split('\n').pop() || (error as Error).message.split('\n')[0];
        throw new Error(`apt-get ${args[0]}: ${last}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, command))) return join(dir, command);
  }
  return null;
}

/** An error vitest prints as its one line: no stack under it. */
function oneLineError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}
