// A run stopped at any moment of its write phase leaves its output folder holding exactly the old set
// or the new one. The stops are triggered by the folder's own changes (fs.watch), not by fixed delays,
// so the moments they hit do not depend on the machine's speed; any outcome is checked, never assumed.

import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, type FSWatcher, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot, scratchDir, writeFile, zerosim } from './helpers.js';

const study = {
  name: 'killed',
  cores: [1, 2],
  policies: ['go1.0-under-lock'],
  workload: { sizeBytes: 65536 },
  run: { allocationsPerCore: 200, replications: 2 },
};
const runArgs = (out: string, seed: number) =>
  ['run', 'study.json', '--out', out, '--seed', String(seed), '--quiet', '--jobs', '1'] as const;
/** a file of the user's own in the output folder: no run may touch it */
const userFile = 'notes.json';

/** Every file under `dir` (hidden ones too) and its text, the user's own file left out. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else if (path !== userFile) files.set(path, readFileSync(join(dir, path), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** 'old' or 'new' when the folder equals that reference set exactly, else the names that differ. */
function outcome(dir: string, old: Map<string, string>, fresh: Map<string, string>): string {
  const now = snapshot(dir);
  const same = (ref: Map<string, string>) =>
    now.size === ref.size && [...ref].every(([path, text]) => now.get(path) === text);
  if (same(old)) return 'old';
  if (same(fresh)) return 'new';
  const names = new Set([...now.keys(), ...fresh.keys()]);
  const differing = [...names].filter((n) => now.get(n) !== fresh.get(n) && now.get(n) !== old.get(n));
  return `mixed: ${differing.slice(0, 5).join(', ')}`;
}

interface Trigger {
  /** stop after this many changes in the folder (0: at the first) */
  afterChanges: number;
  /** and this much later */
  delayMs: number;
}

interface Stopped {
  code: number | null;
  killedBy: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `zerosim run` into `out` (in `cwd`) and sends `signal` when the folder has changed as `trigger` says. */
function runAndStop(cwd: string, out: string, signal: NodeJS.Signals, trigger: Trigger): Promise<Stopped> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [join(packageRoot, 'bin', 'zerosim.js'), ...runArgs(out, 2)],
      {
        cwd,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    let changes = 0;
    let sent = false;
    const onChange = () => {
      if (sent || changes++ < trigger.afterChanges) return;
      sent = true;
      const send = () => child.kill(signal);
      if (trigger.delayMs === 0) send();
      else setTimeout(send, trigger.delayMs);
    };
    const watchers: FSWatcher[] = [
      watch(join(cwd, out), onChange),
      watch(join(cwd, out, 'charts'), onChange),
    ];
    child.on('close', (code, killedBy) => {
      for (const w of watchers) w.close();
      resolve({ code, killedBy, stderr });
    });
  });
}

/** `zerosim ARGS` in `cwd`, without blocking the watchers of the other runs (spawnSync would). */
function zerosimAsync(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageRoot, 'bin', 'zerosim.js'), ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Runs `work` on each item, at most `limit` at a time (the machine is shared). */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    const batch = items.slice(start, start + limit);
    results.push(...(await Promise.all(batch.map((item, j) => work(item, start + j)))));
  }
  return results;
}

// First change: the write probe of the folder check, before the simulation; then the staging
// folder, the journal, the renames one by one and the clean-up.
const triggers: Trigger[] = [
  { afterChanges: 0, delayMs: 0 },
  { afterChanges: 1, delayMs: 0 },
  { afterChanges: 2, delayMs: 0 },
  { afterChanges: 2, delayMs: 15 },
  { afterChanges: 2, delayMs: 60 },
  { afterChanges: 3, delayMs: 0 },
  { afterChanges: 4, delayMs: 0 },
  { afterChanges: 6, delayMs: 0 },
  { afterChanges: 9, delayMs: 0 },
  { afterChanges: 13, delayMs: 0 },
  { afterChanges: 18, delayMs: 0 },
  { afterChanges: 24, delayMs: 0 },
];
const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

describe('a run stopped during its write phase', () => {
  const dir = scratchDir();
  writeFile(dir, 'study.json', study);
  const refs = { old: join(dir, 'ref-old'), fresh: join(dir, 'ref-new') };

  it('writes the reference sets', () => {
    expect(zerosim(runArgs('ref-old', 1), dir).code).toBe(0);
    expect(zerosim(runArgs('ref-new', 2), dir).code).toBe(0);
    expect(outcome(refs.old, snapshot(refs.old), snapshot(refs.fresh))).toBe('old');
  }, 120_000);

  /** A copy of the old set, with a file of the user's, as the folder a run is stopped in. */
  const oldFolder = (name: string) => {
    cpSync(refs.old, join(dir, name), { recursive: true });
    writeFile(join(dir, name), userFile, { mine: true });
    return name;
  };

  it('by SIGINT, SIGTERM or SIGHUP leaves the old set or the new one, and says which', async () => {
    const old = snapshot(refs.old);
    const fresh = snapshot(refs.fresh);
    const signals = Object.keys(signalNumbers) as (keyof typeof signalNumbers)[];
    const seen = await inBatches(triggers, 4, async (trigger, i) => {
      const signal = signals[i % signals.length];
      const out = oldFolder(`stop-${i}`);
      const stopped = await runAndStop(dir, out, signal, trigger);
      const what = `${signal} after ${trigger.afterChanges} changes + ${trigger.delayMs} ms`;
      const result = outcome(join(dir, out), old, fresh);
      expect(result, what).toMatch(/^(old|new)$/);
      expect(existsSync(join(dir, out, userFile)), what).toBe(true);
      // The handlers are installed before the folder first changes, and stay until Node tears the
      // process down after its end: only a signal landing in that teardown kills it, after all is done.
      if (stopped.killedBy !== null) {
        expect(stopped.killedBy, what).toBe(signal);
        expect(result, what).toBe('new');
        expect(stopped.stderr, what).toBe('');
      } else if (stopped.code === 0) {
        expect(result, what).toBe('new'); // the signal came after the end
      } else {
        expect(stopped.code, what).toBe(128 + signalNumbers[signal]);
        const lines = stopped.stderr.trimEnd().split('\n');
        expect(lines, what).toHaveLength(1);
        expect(lines[0], what).toContain(`stopped by ${signal}`);
        expect(lines[0].includes('no files were written'), what).toBe(result === 'old');
      }
      return result;
    });
    // the later triggers fall after the journal: those runs install the new set whatever the speed
    expect(seen).toContain('new');
  }, 180_000);

  it('by SIGKILL at any moment is repaired by the next run, report or validate', async () => {
    const old = snapshot(refs.old);
    const fresh = snapshot(refs.fresh);
    const killTriggers = [triggers[0], triggers[2], triggers[4], triggers[6], triggers[8], triggers[10]];
    const recoveries = [
      (out: string) => ['report', `${out}/results.json`],
      (out: string) => ['validate', `${out}/${userFile}`],
      (out: string) => [...runArgs(out, 2)],
    ];
    await inBatches(killTriggers, 3, async (trigger, i) => {
      const out = oldFolder(`kill-${i}`);
      writeFile(join(dir, out), userFile, study); // a scenario, so that validate passes
      const killed = await runAndStop(dir, out, 'SIGKILL', trigger);
      const what = `SIGKILL after ${trigger.afterChanges} changes + ${trigger.delayMs} ms`;
      const leftovers = readdirSync(join(dir, out)).filter(
        (n) => n.startsWith('.zerosim-') && n !== '.zerosim-set.json',
      );
      const journal = leftovers.includes('.zerosim-swap.json');
      const staging = leftovers.some((n) => n.startsWith('.zerosim-staging-'));
      const args = recoveries[i % recoveries.length](out);
      const after = await zerosimAsync(args, dir);
      expect(after.code, `${what}, then ${args[0]}: ${after.stderr}`).toBe(0);
      const result = outcome(join(dir, out), old, fresh);
      expect(result, what).toMatch(/^(old|new)$/);
      if (journal) {
        expect(after.stderr, what).toContain('finished an interrupted write');
        expect(result, what).toBe('new');
      } else if (staging) {
        expect(after.stderr, what).toContain('removed an unfinished write');
        if (args[0] !== 'run') expect(result, what).toBe('old');
      }
      expect(killed.code === null || killed.code === 0, what).toBe(true);
    });
  }, 180_000);
});
