/**
 * Clears through cache levels (MODEL.md, "Cache levels"). A clear runs each of its bytes at the rate
 * of the first level that holds it: a private level if this writer wrote the byte last and has
 * written at most the level's size since, a shared level if all writers together have; the rest goes
 * to DRAM. Byte-accurate: of a piece of s bytes whose write ended when the counter stood at w, with
 * the counter now at W, the last min(s, max(0, bytes − (W − w))) bytes (the most recently written)
 * are in the level. Private levels are one per core (rate coreGBps, no contention); each shared level
 * and DRAM is a processor-shared pool of its own. A clear split over levels runs its parts level by
 * level, from the core outwards, and its caller gets one completion; then the clearing writer is the
 * pieces' writer, and the counters move on.
 *
 * Which taken pieces an allocation's clear covers: dirty ones first, then fresh, then clean. Every
 * dirty-tracking rule clears either all of a block, or its dirty bytes plus, when fresh memory is not
 * trusted, its fresh bytes, so that order covers exactly the bytes the plan clears. A page-fault
 * clear covers the fresh pieces; a clear on free or by a zeroing thread covers its whole block.
 */
import { Bandwidth, type BandwidthCaps } from '../engine/bandwidth.js';
import type { Environment, Handler } from '../engine/environment.js';
import type { CacheLevelSpec } from '../types/index.js';
import { C_AFTER_UNLOCK, C_PAGE_FAULT, C_UNDER_LOCK, type Clearing } from './clearing.js';
import { type Block, type Extent, NO_WRITER, X_CLEAN, X_DIRTY, X_FRESH } from './extents.js';
import type { Metrics } from './metrics.js';
import type { Writes } from './writes.js';

interface Level {
  bytes: number;
  shared: boolean;
  coreGBps: number;
  /** the level's pool; null for a private level */
  pool: Bandwidth | null;
}

/** The clear a writer has in progress (one at a time: a core or a zeroing thread clears serially). */
class ClearJob implements Handler {
  /** bytes per level, DRAM last */
  readonly levelBytes: Float64Array;
  /** the level to run next */
  next = 0;
  client: Handler | null = null;
  tag = 0;
  bytes = 0;
  /** the pieces the clear writes, and how many bytes of each */
  readonly pieces: Extent[] = [];
  readonly pieceBytes: number[] = [];

  constructor(
    private readonly owner: CacheClearing,
    readonly writer: number,
    levels: number,
  ) {
    this.levelBytes = new Float64Array(levels);
  }

  fire(): void {
    this.owner.runNext(this);
  }
}

export class CacheClearing implements Clearing {
  readonly pool: Bandwidth;
  readonly pools: readonly Bandwidth[];
  readonly sharedPools: readonly Bandwidth[];
  /** the cache levels from the core outwards, then DRAM */
  private readonly levels: Level[];
  private readonly jobs: ClearJob[] = [];
  /** per writer and level: bytes of clears not yet booked */
  private readonly pendingBytes: Float64Array;

  constructor(
    private readonly env: Environment,
    caps: BandwidthCaps,
    caches: readonly CacheLevelSpec[],
    private readonly writes: Writes,
  ) {
    this.pool = new Bandwidth(env, caps);
    this.levels = caches.map((c) => {
      const pool = c.shared
        ? new Bandwidth(env, { totalGBps: c.totalGBps ?? 0, perJobGBps: c.coreGBps })
        : null;
      return {
        bytes: c.bytes,
        shared: c.shared,
        coreGBps: c.coreGBps,
        pool,
      };
    });
    this.levels.push({
      bytes: Number.POSITIVE_INFINITY,
      shared: true,
      coreGBps: caps.perJobGBps,
      pool: this.pool,
    });
    this.pools = this.levels.flatMap((l) => (l.pool ? [l.pool] : []));
    this.sharedPools = this.pools.slice(0, -1);
    const writers = writes.byWriter.length;
    const n = this.levels.length;
    for (let w = 0; w < writers; w++) this.jobs.push(new ClearJob(this, w, n));
    this.pendingBytes = new Float64Array(writers * n);
  }

  /** the number of levels, DRAM included: the length of Metrics.levelBytes */
  get levelCount(): number {
    return this.levels.length;
  }

  start(
    site: number,
    bytes: number,
    client: Handler,
    tag: number,
    block: Block | null,
    writer: number,
  ): void {
    const job = this.jobs[writer];
    job.client = client;
    job.tag = tag;
    job.next = 0;
    job.levelBytes.fill(0);
    this.cover(job, site, bytes, block);
    const last = this.levels.length - 1;
    let resident = 0;
    for (let i = 0; i < job.pieces.length; i++) resident += this.place(job, job.pieces[i], job.pieceBytes[i]);
    job.levelBytes[last] += Math.max(0, bytes - resident);
    let total = 0;
    const base = writer * this.levels.length;
    for (let l = 0; l <= last; l++) {
      const b = job.levelBytes[l];
      if (b <= 0) continue;
      total += b;
      this.pendingBytes[base + l] += b;
    }
    job.bytes = bytes;
    // nothing to clear still completes as an event, never inside the caller's step
    if (total > 0) this.runNext(job);
    else this.env.schedule(0, job);
  }

  /** Runs the writer's next level with bytes to clear, or completes its clear. */
  runNext(job: ClearJob): void {
    const levels = this.levels;
    while (job.next < levels.length && job.levelBytes[job.next] <= 0) job.next++;
    if (job.next === levels.length) {
      this.finish(job);
      return;
    }
    const level = levels[job.next];
    const bytes = job.levelBytes[job.next];
    job.next++;
    if (level.pool) level.pool.start(bytes, job);
    else this.env.schedule(bytes / level.coreGBps, job);
  }

  bookLevels(metrics: Metrics, writer: number): void {
    const n = this.levels.length;
    const base = writer * n;
    for (let l = 0; l < n; l++) {
      metrics.levelBytes[l] += this.pendingBytes[base + l];
      this.pendingBytes[base + l] = 0;
    }
  }

  /** Picks the pieces the clear writes (see the top of the file), up to `bytes`. */
  private cover(job: ClearJob, site: number, bytes: number, block: Block | null): void {
    job.pieces.length = 0;
    job.pieceBytes.length = 0;
    if (block === null) return;
    let left = bytes;
    const take = (state: number) => {
      for (const piece of block) {
        if (left <= 0) return;
        if (state >= 0 && piece.state !== state) continue;
        const b = Math.min(piece.bytes, left);
        job.pieces.push(piece);
        job.pieceBytes.push(b);
        left -= b;
      }
    };
    if (site === C_PAGE_FAULT) take(X_FRESH);
    else if (site === C_UNDER_LOCK || site === C_AFTER_UNLOCK) {
      take(X_DIRTY);
      take(X_FRESH);
      take(X_CLEAN);
    } else take(-1);
  }

  /** Adds a piece's resident bytes to the levels that hold them; returns how many were resident. */
  private place(job: ClearJob, piece: Extent, bytes: number): number {
    if (piece.writer === NO_WRITER) return 0;
    const own = piece.writer === job.writer;
    const ownDistance = this.writes.byWriter[job.writer] - piece.writerEnd;
    const globalDistance = this.writes.global - piece.globalEnd;
    let held = 0;
    for (let l = 0; l < this.levels.length - 1; l++) {
      const level = this.levels[l];
      if (!level.shared && !own) continue;
      const distance = level.shared ? globalDistance : ownDistance;
      const suffix = Math.min(bytes, Math.max(0, level.bytes - distance));
      if (suffix > held) {
        job.levelBytes[l] += suffix - held;
        held = suffix;
      }
    }
    return held;
  }

  /** The clear is done: its writer wrote the pieces, in order, and its counters move on. */
  private finish(job: ClearJob): void {
    const { writes } = this;
    const ownStart = writes.byWriter[job.writer];
    const globalStart = writes.global;
    let own = ownStart;
    let global = globalStart;
    for (let i = 0; i < job.pieces.length; i++) {
      const piece = job.pieces[i];
      own += job.pieceBytes[i];
      global += job.pieceBytes[i];
      piece.writer = job.writer;
      piece.writerEnd = own;
      piece.globalEnd = global;
    }
    // bytes beyond the pieces (none but rounding) are written too
    writes.byWriter[job.writer] = ownStart + job.bytes;
    writes.global = globalStart + job.bytes;
    const client = job.client as Handler;
    job.client = null;
    client.fire(job.tag);
  }
}
