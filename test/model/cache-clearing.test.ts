// Clears through cache levels, with no system around them: exact completion times from the rates set
// here, so the reuse-distance rule and the level-by-level transfers are checked to the nanosecond.
import { describe, expect, it } from 'vitest';
import { Environment, type Handler } from '../../sim/engine/environment.js';
import { CacheClearing } from '../../sim/model/cache-clearing.js';
import { C_AFTER_UNLOCK, C_ON_FREE } from '../../sim/model/clearing.js';
import { type Block, Extent, NO_WRITER, X_DIRTY } from '../../sim/model/extents.js';
import { Metrics } from '../../sim/model/metrics.js';
import { Writes } from '../../sim/model/writes.js';
import type { CacheLevelSpec } from '../../sim/types/index.js';

const MiB = 1048576;
/** private 1 MiB at 100 GB/s; shared 8 MiB at 40 GB/s per clear, 60 in all; DRAM 10 GB/s */
const levels: CacheLevelSpec[] = [
  { name: 'l2', bytes: MiB, shared: false, coreGBps: 100 },
  { name: 'l3', bytes: 8 * MiB, shared: true, coreGBps: 40, totalGBps: 60 },
];

function setup(caches: CacheLevelSpec[] = levels) {
  const env = new Environment();
  const writes = new Writes(2);
  const clearing = new CacheClearing(env, { totalGBps: 10, perJobGBps: 10 }, caches, writes);
  const log: Array<[string, number]> = [];
  const client = (name: string): Handler => ({ fire: () => log.push([name, env.now]) });
  /** clears `block` for `writer` and runs until done */
  const clear = (name: string, block: Block, writer: number, site = C_ON_FREE) => {
    const bytes = block.reduce((s, x) => s + x.bytes, 0);
    clearing.start(site, bytes, client(name), 0, block, writer);
    env.run();
  };
  return { env, writes, clearing, log, clear, client };
}

const unwritten = (bytes: number, address = 0): Block => [
  new Extent(bytes, X_DIRTY, NO_WRITER, 0, 0, address),
];

describe('CacheClearing', () => {
  it('a block no one wrote streams to DRAM; cleared again by the same core, it hits the private level', () => {
    const { clear, log, writes } = setup();
    const block = unwritten(MiB);
    clear('first', block, 0);
    // 1 MiB at 10 GB/s: 104857.6 ns
    expect(log).toEqual([['first', 104857.6]]);
    expect([block[0].writer, block[0].writerEnd, writes.byWriter[0], writes.global]).toEqual([
      0,
      MiB,
      MiB,
      MiB,
    ]);
    clear('again', block, 0);
    // reuse distance 0: all in the private level, 1 MiB at 100 GB/s = 10485.76 ns
    expect(log[1][1] - log[0][1]).toBeCloseTo(10485.76, 6);
  });

  it('reused by another core, the block misses the private level and hits the shared one', () => {
    const { clear, log } = setup();
    const block = unwritten(MiB);
    clear('core 0', block, 0);
    clear('core 1', block, 1);
    // global reuse distance 0: shared level at min(40, 60) GB/s: 26214.4 ns
    expect(log[1][1] - log[0][1]).toBeCloseTo(26214.4, 6);
  });

  it('with no shared level, another core reuses it from DRAM', () => {
    const { clear, log } = setup([levels[0]]);
    const block = unwritten(MiB);
    clear('core 0', block, 0);
    clear('core 1', block, 1);
    expect(log[1][1] - log[0][1]).toBeCloseTo(104857.6, 6);
  });

  it("with remoteGBps, another core takes the bytes from the writer's private copy, by the writer's distance", () => {
    const remote: CacheLevelSpec[] = [{ ...levels[0], remoteGBps: 50 }, levels[1]];
    const { clear, log } = setup(remote);
    const x = unwritten(MiB);
    clear('x by core 0', x, 0);
    // core 0 wrote x 0 bytes ago: core 1 takes it from core 0's private level at 50 GB/s (20971.52 ns),
    // ahead of the shared level (40 GB/s)
    clear('x by core 1', x, 1);
    expect(log[1][1] - log[0][1]).toBeCloseTo(20971.52, 6);
    // now core 1 wrote it last: core 1 writes 512 KiB elsewhere, so half of x is still in its private
    // copy; core 0 takes that half remotely (10485.76 ns) and the rest from the shared level, at a
    // distance of 512 KiB there too (13107.2 ns)
    clear('y by core 1', unwritten(MiB / 2, MiB), 1);
    clear('x by core 0 again', x, 0);
    expect(log[3][1] - log[2][1]).toBeCloseTo(10485.76 + 13107.2, 6);
    // the writer's own reuse is unchanged: its private level's own rate
    clear('x by core 0, its own', x, 0);
    expect(log[4][1] - log[3][1]).toBeCloseTo(10485.76, 6);
  });

  it("remote bytes are booked as their level's bytes", () => {
    const remote: CacheLevelSpec[] = [{ ...levels[0], remoteGBps: 50 }, levels[1]];
    const { clear, clearing } = setup(remote);
    const x = unwritten(MiB);
    clear('x by core 0', x, 0);
    clear('x by core 1', x, 1);
    const metrics = new Metrics(clearing.levelCount);
    clearing.bookLevels(metrics, 1);
    expect(clearing.levelCount).toBe(3);
    expect([...metrics.levelBytes]).toEqual([MiB, 0, 0]);
  });

  it('as LRU: a rewritten piece is held whole when its distance plus its size fit the level, else not at all', () => {
    const { clear, log } = setup();
    const x = unwritten(MiB);
    clear('x', x, 0);
    clear('y', unwritten(MiB / 2, MiB), 0);
    clear('x again', x, 0);
    // distance 512 KiB plus x's own 1 MiB exceeds the 1 MiB private level: x comes whole from the
    // shared level (1.5 MiB ≤ 8 MiB): 1 MiB at 40 GB/s
    expect(log[2][1] - log[1][1]).toBeCloseTo(26214.4, 6);
    // half of x, rewritten at distance 0 plus its own 512 KiB, fits the private level whole
    const half = unwritten(MiB / 2, 4 * MiB);
    clear('half', half, 0);
    clear('half again', half, 0);
    expect(log[4][1] - log[3][1]).toBeCloseTo(5242.88, 6);
  });

  it('counts what the clear wrote before a piece: a later piece can fall out of the level', () => {
    const { clear, log } = setup();
    const a = unwritten(MiB / 2, 0);
    const b = unwritten(MiB / 2, MiB);
    clear('a', a, 0);
    clear('b', b, 0);
    // rewriting a then b: a's distance is b's 512 KiB plus its own 512 KiB (fits 1 MiB); b's is 0 plus
    // its own 512 KiB plus a's 512 KiB written before it in this clear (fits too): all private
    clear('a and b', [...a, ...b], 0);
    expect(log[2][1] - log[1][1]).toBeCloseTo(10485.76, 6);
    // rewriting b first, then a: b fits (0 + 512 KiB), but a's distance is b's 512 KiB plus its own
    // 512 KiB plus the 512 KiB of b this clear wrote before it: 1.5 MiB, so a comes from the shared level
    clear('b and a', [...b, ...a], 0);
    expect(log[3][1] - log[2][1]).toBeCloseTo(5242.88 + 13107.2, 6);
  });

  it('reuse distances: own writes for the private level, all writes for the shared one', () => {
    const { clear, log } = setup();
    const x = unwritten(MiB);
    clear('x', x, 0);
    clear('other', unwritten(8 * MiB, MiB), 1);
    // core 0 wrote nothing since x: a private hit, whatever other cores wrote
    clear('x by core 0', x, 0);
    expect(log[2][1] - log[1][1]).toBeCloseTo(10485.76, 6);
    // core 0 wrote x last, 0 bytes ago: core 1 finds it in the shared level
    clear('x by core 1', x, 1);
    expect(log[3][1] - log[2][1]).toBeCloseTo(26214.4, 6);
    // core 1 writes 8 MiB more: x is out of its private level and, at distance 8 MiB, of the shared one
    clear('filler', unwritten(8 * MiB, 9 * MiB), 1);
    clear('x by core 1, 8 MiB later', x, 1);
    expect(log[5][1] - log[4][1]).toBeCloseTo(104857.6, 6);
  });

  it('two cores in the shared level share its total; private clears do not contend', () => {
    const { clearing, env, client, log, clear } = setup();
    const a = unwritten(MiB);
    const b = unwritten(MiB, MiB);
    clear('a by 0', a, 0);
    clear('b by 0', b, 0);
    const t0 = env.now;
    // a is 1 MiB back for core 0 (still in the shared level); for core 1, b is shared-level only
    clearing.start(C_AFTER_UNLOCK, MiB, client('core 1: b'), 0, b, 1);
    clearing.start(C_AFTER_UNLOCK, MiB, client('core 0: a'), 0, a, 0);
    env.run();
    // both in the shared level at 30 GB/s each: 1 MiB / 30 = 34952.53 ns
    expect(log.slice(2).map(([n, t]) => [n, t - t0])).toEqual([
      ['core 1: b', expect.closeTo(MiB / 30, 6)],
      ['core 0: a', expect.closeTo(MiB / 30, 6)],
    ]);
    const c = unwritten(MiB, 2 * MiB);
    const d = unwritten(MiB, 3 * MiB);
    clear('c by 0', c, 0);
    clear('d by 1', d, 1);
    const t1 = env.now;
    clearing.start(C_AFTER_UNLOCK, MiB, client('core 0: c'), 0, c, 0);
    clearing.start(C_AFTER_UNLOCK, MiB, client('core 1: d'), 0, d, 1);
    env.run();
    // each its own private level, at 100 GB/s, side by side
    expect(log.slice(-2).map(([, t]) => t - t1)).toEqual([
      expect.closeTo(10485.76, 6),
      expect.closeTo(10485.76, 6),
    ]);
  });

  it("books each clear's bytes by level, DRAM last", () => {
    const { clearing, clear } = setup();
    const metrics = new Metrics(3);
    const x = unwritten(MiB);
    clear('x', x, 0);
    clearing.bookLevels(metrics, 0);
    clear('y', unwritten(MiB / 2, MiB), 0);
    clearing.bookLevels(metrics, 0);
    clear('x again', x, 0);
    clearing.bookLevels(metrics, 0);
    // x again: 512 KiB + 1 MiB since does not fit the 1 MiB private level; it is all in the shared one
    expect(Array.from(metrics.levelBytes)).toEqual([0, MiB, 1.5 * MiB]);
  });
});
