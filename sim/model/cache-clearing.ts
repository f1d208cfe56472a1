/**
 * Clears through cache levels (MODEL.md, "Cache levels"). A clear runs each of its bytes at the rate
 * of the first level that holds it: a private level if this writer wrote the byte last and has
 * written at most the level's size since, a shared level if all writers together have; the rest goes
 * to DRAM. As LRU under a sequential rewrite: a piece of s bytes whose write ended when the counter
 * stood at w, with the counter now at W, rewritten after o bytes of the same clear, is in one of the
 * clearing core's own levels whole if (W − w) + s + o ≤ bytes, and not at all otherwise (place()).
 * Private levels are one per core (rate coreGBps, no contention); each shared level and DRAM is a
 * processor-shared pool of its own. A private level with a remoteGBps also serves the bytes another
 * core wrote last and still holds in its copy of the level: its most recent (bytes − distance) bytes,
 * by that writer's counter, at remoteGBps, in a lane right after the level, booked as the level's
 * bytes. A clear split over levels runs its parts lane by lane, from the core outwards, and its
 * caller gets one completion; then the clearing writer is the pieces' writer, and the counters move on.
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

/** Where a clear's bytes can run: a level's own copy, another core's copy of a private level, or DRAM. */
interface Lane {
  bytes: number;
  shared: boolean;
  /** another core's copy of a private level: holds the bytes only of pieces another core wrote */
  remote: boolean;
  /** the lane's rate per clear */
  coreGBps: number;
  /** the lane's pool; null for a private level's lanes */
  pool: Bandwidth | null;
  /** the index of the level whose bytes these are (Metrics.levelBytes), DRAM last */
  level: number;
}

/** The clear a writer has in progress (one at a time: a core or a zeroing thread clears serially). */
class ClearJob implements Handler {
  /** bytes per lane, DRAM last */
  readonly levelBytes: Float64Array;
  /** the lane to run next */
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
    lanes: number,
  ) {
    this.levelBytes = new Float64Array(lanes);
  }

  fire(): void {
    this.owner.runNext(this);
  }
}

export class CacheClearing implements Clearing {
  readonly pool: Bandwidth;
  readonly pools: readonly Bandwidth[];
  readonly sharedPools: readonly Bandwidth[];
  /** the lanes of the cache levels from the core outwards, then DRAM */
  private readonly levels: Lane[];
  private readonly levelTotal: number;
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
    this.levels = caches.flatMap((c, level): Lane[] => {
      const pool = c.shared
        ? new Bandwidth(env, { totalGBps: c.totalGBps ?? 0, perJobGBps: c.coreGBps })
        : null;
      const own = { bytes: c.bytes, shared: c.shared, remote: false, coreGBps: c.coreGBps, pool, level };
      if (c.shared || c.remoteGBps === undefined) return [own];
      return [own, { ...own, remote: true, coreGBps: c.remoteGBps }];
    });
    this.levelTotal = caches.length + 1;
    this.levels.push({
      bytes: Number.POSITIVE_INFINITY,
      shared: true,
      remote: false,
      coreGBps: caps.perJobGBps,
      pool: this.pool,
      level: caches.length,
    });
    this.pools = this.levels.flatMap((l) => (l.pool ? [l.pool] : []));
    this.sharedPools = this.pools.slice(0, -1);
    const writers = writes.byWriter.length;
    const n = this.levels.length;
    for (let w = 0; w < writers; w++) this.jobs.push(new ClearJob(this, w, n));
    this.pendingBytes = new Float64Array(writers * this.levelTotal);
  }

  /** the number of levels, DRAM included: the length of Metrics.levelBytes */
  get levelCount(): number {
    return this.levelTotal;
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
    let offset = 0;
    for (let i = 0; i < job.pieces.length; i++) {
      resident += this.place(job, job.pieces[i], job.pieceBytes[i], offset);
      offset += job.pieceBytes[i];
    }
    job.levelBytes[last] += Math.max(0, bytes - resident);
    let total = 0;
    const base = writer * this.levelTotal;
    for (let l = 0; l <= last; l++) {
      const b = job.levelBytes[l];
      if (b <= 0) continue;
      total += b;
      this.pendingBytes[base + this.levels[l].level] += b;
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
    const n = this.levelTotal;
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

  /**
   * Adds a piece's resident bytes to the levels that hold them; returns how many were resident.
   * `bytes` are the piece's first bytes (a clear takes a piece from its start); `offset` is what the
   * clear writes before them. In the clearing core's own levels (its private ones, and the shared
   * ones) each byte's reuse distance is the distance of the piece's end, plus the piece's bytes
   * written after it, plus what this clear wrote before reaching it: the same for every byte, so the
   * piece is held whole or not at all (LRU under a sequential rewrite). In another core's private copy
   * this clear evicts nothing, so there the most recently written bytes are held, by the writer's
   * own distance.
   */
  private place(job: ClearJob, piece: Extent, bytes: number, offset: number): number {
    if (piece.writer === NO_WRITER) return 0;
    const own = piece.writer === job.writer;
    // a private level's copy is its writer's: the distance runs on the writer's own counter
    const writerDistance = this.writes.byWriter[piece.writer] - piece.writerEnd;
    const globalDistance = this.writes.global - piece.globalEnd;
    const span = piece.bytes + offset;
    let held = 0;
    for (let l = 0; l < this.levels.length - 1; l++) {
      const level = this.levels[l];
      if (!level.shared && level.remote === own) continue;
      let inLevel: number;
      if (level.remote) {
        // of the piece's last (level.bytes − distance) bytes, those among the first `bytes`
        const kept = Math.max(0, level.bytes - writerDistance);
        inLevel = Math.max(0, bytes - Math.max(0, piece.bytes - kept));
      } else {
        const distance = (level.shared ? globalDistance : writerDistance) + span;
        inLevel = distance <= level.bytes ? bytes : 0;
      }
      if (inLevel > held) {
        job.levelBytes[l] += inLevel - held;
        held = inLevel;
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
