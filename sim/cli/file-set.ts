// Writes a set of output files into a folder as one unit, safe against a stop signal or a crash at any
// instant. The new set is written into a staging folder inside DIR and synced; then a journal
// (.zerosim-swap.json) records the swap, the files are renamed into place one by one and the journal is
// removed. A crash before the journal leaves the old set and a staging folder; a crash after it leaves a
// journal: the next command that touches DIR finishes the swap or removes the staging folder
// (recoverFolder). DIR/.zerosim-set.json lists the files zerosim wrote, so that only those are replaced
// or removed; files it did not write are refused unless forced.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import * as messages from '../experiment/messages.js';
import { InputError } from '../experiment/scenario/index.js';
import { fsReason, probePrefix } from './files.js';
import { displayPath } from './paths.js';
import { holdingSignals, InterruptedError, stopState, throwIfStopped } from './signals.js';

export interface OutputFile {
  path: string;
  text: string;
}

export interface FileSetOptions {
  /** which files of the folder's previous set this one replaces (the rest are kept); default all */
  replaces?: (relPath: string) => boolean;
  /** overwrite files zerosim did not write */
  force?: boolean;
}

/** The list of the files zerosim wrote in a folder. */
export const manifestName = '.zerosim-set.json';
const journalName = '.zerosim-swap.json';
const stagingPrefix = '.zerosim-staging-';

interface Journal {
  staging: string;
  moves: string[];
  removes: string[];
}

/** Writes `files` (all inside `dir`) as one set; throws InterruptedError when stopped before the swap. */
export async function writeFileSet(
  dir: string,
  files: readonly OutputFile[],
  options: FileSetOptions = {},
): Promise<void> {
  throwIfStopped(); // a stop that came while the files were built: leave the folder untouched
  await recoverFolder(dir);
  const rels = files.map((f) => relativeInside(dir, f.path));
  const owned = await ownedFiles(dir);
  await refuseForeign(dir, rels, owned, options.force ?? false);
  await refuseObstacles(dir, rels);
  const replaced = [...owned].filter(options.replaces ?? (() => true));
  const written = new Set(rels);
  const removes = replaced.filter((rel) => !written.has(rel));
  const kept = [...owned].filter((rel) => !replaced.includes(rel));
  const manifest = { tool: 'zerosim', files: [...new Set([...kept, ...rels])].sort() };

  const existed = await isDir(dir);
  const staging = `${stagingPrefix}${process.pid}-${randomBytes(4).toString('hex')}`;
  const stagingDir = join(dir, staging);
  let current = dir;
  try {
    // Phase 1: the new set, complete and synced, beside the old one. A stop here keeps the old set.
    await mkdir(stagingDir, { recursive: true });
    const dirs = new Set<string>([stagingDir]);
    for (const [i, file] of files.entries()) {
      current = file.path;
      const target = join(stagingDir, rels[i]);
      await mkdir(dirname(target), { recursive: true });
      dirs.add(dirname(target));
      await writeSynced(target, file.text);
      throwIfStopped();
    }
    current = join(dir, manifestName);
    await writeSynced(join(stagingDir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const d of dirs) await syncDir(d);
    throwIfStopped();
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    if (!existed) await rmdir(dir).catch(() => undefined);
    if (error instanceof InterruptedError) throw error;
    throw new InputError([messages.cannotWriteDir(displayPath(dirname(current)), fsReason(error))]);
  }
  // Phase 2: the journal makes the swap happen, now or at the next command; signals wait for it.
  await holdingSignals(async () => {
    const journal: Journal = { staging, moves: [...rels, manifestName], removes };
    try {
      await writeSynced(join(dir, `${journalName}.new`), JSON.stringify(journal));
      await rename(join(dir, `${journalName}.new`), join(dir, journalName));
      await syncDir(dir);
    } catch (error) {
      await rm(join(dir, `${journalName}.new`), { force: true }).catch(() => undefined);
      await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
      throw new InputError([messages.cannotWriteDir(displayPath(dir), fsReason(error))]);
    }
    try {
      await rollForward(dir, journal);
    } catch (error) {
      // the journal stays: the next command that touches DIR finishes the swap
      throw new InputError([messages.cannotWriteDir(displayPath(dir), fsReason(error))]);
    }
  });
  stopState().written.push(displayPath(dir));
  throwIfStopped();
}

/**
 * Finishes or undoes a swap in `dir` that a crash cut short, saying so on stderr, and removes what an
 * earlier zerosim left behind (staging folders, probes). Does nothing to a folder without them.
 */
export async function recoverFolder(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // no folder (yet), or not one: the caller's own checks say so
  }
  await holdingSignals(() => repair(dir, names)).catch((error: unknown) => {
    throw new InputError([messages.cannotWriteDir(displayPath(dir), fsReason(error))]);
  });
}

/** Finishes the journal's swap, if there is one, then removes what dead zerosims left behind. */
async function repair(dir: string, names: readonly string[]): Promise<void> {
  if (names.includes(journalName)) {
    const journal = JSON.parse(await readFile(join(dir, journalName), 'utf8')) as Journal;
    // a swap another zerosim is making right now is its own to finish
    const owner = ownerPid(journal.staging);
    if (owner !== undefined && owner !== process.pid && alive(owner)) return;
    await rollForward(dir, journal);
    process.stderr.write(`${messages.finishedSwap(displayPath(dir))}\n`);
  }
  let rolledBack = false;
  for (const name of names) {
    const pid = ownerPid(name);
    if (pid === undefined || (pid !== process.pid && alive(pid))) continue;
    if (name.startsWith(stagingPrefix) && (await isDir(join(dir, name)))) rolledBack = true;
    await rm(join(dir, name), { recursive: true, force: true });
  }
  if (names.includes(`${journalName}.new`)) await rm(join(dir, `${journalName}.new`), { force: true });
  if (rolledBack) process.stderr.write(`${messages.rolledBackSwap(displayPath(dir))}\n`);
}

/** Moves every staged file into place, removes the old set's leftovers, then the journal. Idempotent. */
async function rollForward(dir: string, journal: Journal): Promise<void> {
  const stagingDir = join(dir, journal.staging);
  const parents = new Set<string>([dir]);
  for (const rel of journal.moves) {
    const from = join(stagingDir, rel);
    const to = join(dir, rel);
    parents.add(dirname(to));
    if (!(await exists(from))) continue; // moved before the crash
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
  }
  for (const rel of journal.removes) await rm(join(dir, rel), { force: true });
  for (const parent of parents) await syncDir(parent);
  await rm(stagingDir, { recursive: true, force: true });
  await rm(join(dir, journalName), { force: true });
  await syncDir(dir);
}

/**
 * The files of `dir` that zerosim wrote: those its manifest lists, or, in a folder an older zerosim
 * wrote (a zerosim results.json and no manifest), its fixed names and the charts in .vl.json/.svg pairs.
 */
async function ownedFiles(dir: string): Promise<Set<string>> {
  const manifest = await readJson(join(dir, manifestName));
  if (isRecord(manifest) && manifest.tool === 'zerosim' && Array.isArray(manifest.files))
    return new Set(manifest.files.filter((f): f is string => typeof f === 'string'));
  const results = await readJson(join(dir, 'results.json'));
  if (!(isRecord(results) && isRecord(results.tool) && results.tool.name === 'zerosim')) return new Set();
  const owned = new Set(['results.json', 'results.csv', 'report.html', 'playground.html']);
  const charts = await readdir(join(dir, 'charts')).catch(() => [] as string[]);
  for (const name of charts) {
    if (name.endsWith('.vl.json') && charts.includes(`${name.slice(0, -'.vl.json'.length)}.svg`)) {
      owned.add(`charts/${name}`);
      owned.add(`charts/${name.slice(0, -'.vl.json'.length)}.svg`);
    }
  }
  return owned;
}

async function refuseForeign(
  dir: string,
  rels: readonly string[],
  owned: Set<string>,
  force: boolean,
): Promise<void> {
  if (force) return;
  const foreign: string[] = [];
  for (const rel of rels) if (!owned.has(rel) && (await exists(join(dir, rel)))) foreign.push(rel);
  if (foreign.length > 0) throw new InputError([messages.foreignFiles(displayPath(dir), foreign)]);
}

/** Refuses, before a long run, to overwrite the set's fixed files when zerosim did not write them. */
export async function checkOwnership(dir: string, rels: readonly string[], force: boolean): Promise<void> {
  await refuseForeign(dir, rels, await ownedFiles(dir), force);
}

/**
 * A file where the set needs a folder (charts/), or a folder where it puts a file, would stop the swap
 * halfway: such a folder is refused before anything is written.
 */
async function refuseObstacles(dir: string, rels: readonly string[]): Promise<void> {
  const inTheWay = (path: string, code: string) =>
    new InputError([
      messages.cannotWriteDir(displayPath(path), fsReason(Object.assign(new Error(code), { code }))),
    ]);
  for (const rel of rels) {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = join(dir, ...parts.slice(0, i));
      if ((await exists(folder)) && !(await isDir(folder))) throw inTheWay(folder, 'EEXIST');
    }
    if (await isDir(join(dir, rel))) throw inTheWay(join(dir, rel), 'EISDIR');
  }
}

function relativeInside(dir: string, path: string): string {
  const rel = relative(dir, path);
  // output paths come from zerosim, not from users; one outside DIR would be a bug
  if (rel === '' || rel.startsWith('..')) throw new Error(`${path} is not inside ${dir}`);
  return rel.split(sep).join('/');
}

async function writeSynced(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync();
  } catch {
    // some file systems cannot sync a folder; the renames are still atomic
  } finally {
    await handle.close();
  }
}

/** The pid in a staging folder's or probe's name, or undefined for other names. */
function ownerPid(name: string): number | undefined {
  const prefix = name.startsWith(stagingPrefix)
    ? stagingPrefix
    : name.startsWith(probePrefix)
      ? probePrefix
      : '';
  if (prefix === '') return undefined;
  const pid = Number.parseInt(name.slice(prefix.length), 10);
  return Number.isFinite(pid) ? pid : 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function isDir(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Writes one file so that readers see the old text or the new, never part of it: a temporary beside
 * it, synced, then renamed. For files that processes write side by side into one folder (the shards
 * of a study), which a set's manifest and swap would serialise.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await holdingSignals(() => rename(temporary, path));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDir(dirname(path));
}
