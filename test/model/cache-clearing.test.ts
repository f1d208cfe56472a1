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

  it('byte-accurate: the most recently written part stays, the rest goes on to the next level', () => {
    const { clear, log } = setup();
    const x = unwritten(MiB);
    clear('x', x, 0);
    clear('y', unwritten(MiB / 2, MiB), 0);
    clear('x again', x, 0);
    // distance 512 KiB: the last 512 KiB of x in the private level (5242.88 ns), the rest in the
    // shared level, whose distance (all writers) is 512 KiB too (512 KiB at 40 GB/s: 13107.2 ns)
    expect(log[2][1] - log[1][1]).toBeCloseTo(5242.88 + 13107.2, 6);
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
    expect(Array.from(metrics.levelBytes)).toEqual([MiB / 2, MiB / 2, 1.5 * MiB]);
  });
});
