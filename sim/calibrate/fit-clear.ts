// Clear bandwidth by block size, from the clear rows: each block size's 1-thread rate is one core's
// rate at the level that holds the block; consecutive sizes whose rates are close form one level, the
// largest sizes being DRAM. Multi-thread rows give each level's pool total, and say whether it is shared.
// Clear-remote rows (each block cleared last by another thread) give a private level its remoteGBps, and
// split a cache level where that rate changes: two levels can clear a core's own block equally fast
// yet serve another core's very differently (its private L2 against the L3 it evicts to).

import type { CacheLevelSpec } from '../types/calibration.js';
import { median } from './rows.js';

/** One clear measurement: block size, threads, total GB/s over all threads. */
export interface ClearPoint {
  blockBytes: number;
  threads: number;
  gbPerSec: number;
}

export interface ClearFit {
  /** the block sizes of each level, DRAM's last */
  levelSizes: number[][];
  /** cache levels from the core outwards (possibly none) */
  caches: CacheLevelSpec[];
  coreClearGBps: number;
  totalClearGBps: number;
  /** true when the measured DRAM total was below one core's rate and was raised to it */
  totalRaisedToCore: boolean;
}

/** Sizes whose 1-thread rates differ by less than this factor from the level's first size join it. */
export const LEVEL_RATIO = 1.5;
/** A level whose T-thread total is below this share of T × its core rate is shared. */
export const SHARED_SHARE = 0.8;

function perSize(points: readonly ClearPoint[], threads: number): Map<number, number> {
  const out = new Map<number, number[]>();
  for (const p of points)
    if (p.threads === threads) out.set(p.blockBytes, [...(out.get(p.blockBytes) ?? []), p.gbPerSec]);
  return new Map([...out].map(([k, v]) => [k, median(v)]));
}

/** Groups of consecutive sizes (ascending) whose rates stay within LEVEL_RATIO of the group's first. */
export function groupLevels(
  sizes: readonly { bytes: number; gbps: number }[],
): { bytes: number; gbps: number }[][] {
  const groups: { bytes: number; gbps: number }[][] = [];
  for (const s of sizes) {
    const last = groups[groups.length - 1];
    const first = last?.[0];
    if (first && Math.max(first.gbps, s.gbps) / Math.min(first.gbps, s.gbps) < LEVEL_RATIO) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

/**
 * Splits each cache group (not the last, DRAM: bytes from memory come at its rate whoever wrote them)
 * where the remote rate of a size (1-thread clear-remote, when measured) differs from the rate of the
 * split's first size by LEVEL_RATIO or more.
 */
export function splitByRemote(
  groups: { bytes: number; gbps: number }[][],
  remote: ReadonlyMap<number, number>,
): { bytes: number; gbps: number }[][] {
  const out: { bytes: number; gbps: number }[][] = [];
  groups.forEach((group, gi) => {
    if (gi === groups.length - 1) {
      out.push(group);
      return;
    }
    // a size without a clear-remote row leaves the group whole
    const rates = group.map((s) => ({ bytes: s.bytes, gbps: remote.get(s.bytes) ?? Number.NaN }));
    const parts = rates.some((s) => Number.isNaN(s.gbps)) ? [rates] : groupLevels(rates);
    if (parts.length < 2) {
      out.push(group);
      return;
    }
    for (const part of parts) out.push(group.filter((s) => part.some((p) => p.bytes === s.bytes)));
  });
  return out;
}

/**
 * The clear fit; `fixedLevels` (the block sizes of each level, as an earlier fit grouped them) keeps
 * the grouping, so that bootstrap refits vary the rates, not the number of levels.
 */
export function fitClear(
  points: readonly ClearPoint[],
  fixedLevels?: readonly (readonly number[])[],
  remote: readonly ClearPoint[] = [],
): ClearFit {
  const minThreads = Math.min(...points.map((p) => p.threads));
  const single = perSize(points, minThreads);
  const sizes = [...single]
    .map(([bytes, gbps]) => ({ bytes, gbps: gbps / minThreads }))
    .sort((a, b) => a.bytes - b.bytes);
  const groups = fixedLevels
    ? fixedLevels.map((level) => sizes.filter((s) => level.includes(s.bytes))).filter((g) => g.length > 0)
    : splitByRemote(groupLevels(sizes), remoteSingle(remote));
  const maxThreads = Math.max(...points.map((p) => p.threads));
  const multi = perSize(points, maxThreads);
  const level = (group: { bytes: number; gbps: number }[]) => {
    const coreGBps = median(group.map((g) => g.gbps));
    const totals = group.map((g) => multi.get(g.bytes)).filter((v): v is number => v !== undefined);
    const totalGBps = maxThreads > minThreads && totals.length > 0 ? median(totals) : coreGBps * maxThreads;
    return { coreGBps, totalGBps, bytes: group[group.length - 1].bytes };
  };
  const dram = level(groups[groups.length - 1]);
  const caches = groups.slice(0, -1).map((group, i): CacheLevelSpec => {
    const l = level(group);
    const shared = maxThreads > minThreads && l.totalGBps < SHARED_SHARE * maxThreads * l.coreGBps;
    const remoteGBps = shared ? undefined : remoteRate(remote, group);
    return {
      name: `level${i + 1}`,
      bytes: l.bytes,
      shared,
      coreGBps: l.coreGBps,
      ...(shared ? { totalGBps: Math.max(l.totalGBps, l.coreGBps) } : {}),
      ...(remoteGBps !== undefined ? { remoteGBps } : {}),
    };
  });
  return {
    levelSizes: groups.map((g) => g.map((s) => s.bytes)),
    caches,
    coreClearGBps: dram.coreGBps,
    totalClearGBps: Math.max(dram.totalGBps, dram.coreGBps),
    totalRaisedToCore: dram.totalGBps < dram.coreGBps,
  };
}

/** The 1-thread (one clear at a time) clear-remote rate of each block size. */
function remoteSingle(remote: readonly ClearPoint[]): Map<number, number> {
  if (remote.length === 0) return new Map();
  const fewest = Math.min(...remote.map((p) => p.threads));
  return new Map([...perSize(remote, fewest)].map(([bytes, gbps]) => [bytes, gbps / fewest]));
}

/**
 * A private level's rate for bytes another core wrote last: the median, over the level's block sizes,
 * of the clear-remote rows with one clear at a time (the fewest threads). None without such rows.
 */
function remoteRate(remote: readonly ClearPoint[], group: readonly { bytes: number }[]): number | undefined {
  if (remote.length === 0) return undefined;
  const fewest = Math.min(...remote.map((p) => p.threads));
  const rates = remote
    .filter((p) => p.threads === fewest && group.some((g) => g.bytes === p.blockBytes))
    .map((p) => p.gbPerSec / fewest);
  return rates.length > 0 ? median(rates) : undefined;
}

/** The rate of the level that holds a block of `blockBytes` (DRAM when none does). */
export function levelFor(
  fit: ClearFit,
  blockBytes: number,
): { coreGBps: number; totalGBps: number; shared: boolean } {
  const hit = fit.caches.find((c) => blockBytes <= c.bytes);
  if (hit === undefined) return { coreGBps: fit.coreClearGBps, totalGBps: fit.totalClearGBps, shared: true };
  return { coreGBps: hit.coreGBps, totalGBps: hit.totalGBps ?? Number.POSITIVE_INFINITY, shared: hit.shared };
}

/** T threads each clearing their own block, under processor sharing: min(core, total / T) each. */
export function predictClear(fit: ClearFit, blockBytes: number, threads: number): number {
  const l = levelFor(fit, blockBytes);
  return threads * Math.min(l.coreGBps, l.totalGBps / threads);
}

/**
 * T threads each clearing a block another thread cleared last (the clear-remote loop): from the
 * writer's copy of the private level that holds the block, at its remoteGBps each, without contention;
 * else as the model takes it, from the first shared level that holds it, or DRAM (processor-shared).
 */
export function predictRemoteClear(fit: ClearFit, blockBytes: number, threads: number): number {
  const hit = fit.caches.find((c) => blockBytes <= c.bytes && (c.shared || c.remoteGBps !== undefined));
  if (hit !== undefined && !hit.shared) return threads * (hit.remoteGBps as number);
  const l = hit === undefined ? levelFor(fit, Number.POSITIVE_INFINITY) : levelFor(fit, hit.bytes);
  return threads * Math.min(l.coreGBps, l.totalGBps / threads);
}
