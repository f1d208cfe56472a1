/**
 * A recorder of what each core does over a window of simulated time: the segments of its states
 * (exactly what Core charges to Metrics.stateNs), the lock's owners from grant to release, the count
 * of cores waiting for it, and the clear bandwidth in use per pool. A replication runs without one
 * unless asked (--trace, the report's timeline): the core then pays one null check per state change.
 *
 * Everything is clipped to [fromNs, toNs]; once `maxSegments` core segments are kept, the window
 * ends where the last of them ended, so a trace never outgrows its memory. Once the window is over,
 * the recorder stops the run: a recorded run serves its recording only, never its figures.
 */
import type { Bandwidth } from '../engine/bandwidth.js';
import { S_FREE, S_LOCK_HOLD, S_LOCK_WAIT, S_SLEEP, S_SPIN } from './metrics.js';

/** What the core and the bandwidth pools call: the only surface the model sees. */
export interface StateRecorder {
  /** core `core` enters `state` at `atNs` (≥ now); `nowNs` is the instant of the call (a grant's) */
  enter(core: number, state: number, atNs: number, nowNs: number): void;
  /** pool `pool` now delivers `usedGBps` in all */
  bandwidth(pool: number, usedGBps: number, nowNs: number): void;
  /** given a way to end the run early, once nothing more will be recorded */
  attach?(stop: () => void): void;
}

/** Tells the recorder each pool's GB/s in use, by its index in `pools`. */
export function listenToPools(recorder: StateRecorder, pools: readonly Bandwidth[]): void {
  pools.forEach((pool, i) => {
    pool.onLevel = (usedGBps, nowNs) => recorder.bandwidth(i, usedGBps, nowNs);
  });
}

export interface RecorderWindow {
  fromNs: number;
  toNs: number;
  maxSegments: number;
}

/** The recorded window, plain numbers, ready to cross a thread boundary or go into JSON. */
export interface Recording {
  fromNs: number;
  /** where the window ended: its toNs, the run's end, or earlier when maxSegments was reached */
  toNs: number;
  /** true when the window ended early because maxSegments segments were kept */
  cut: boolean;
  /** [core, state, startNs, endNs] */
  segments: [number, number, number, number][];
  /** [core, grantNs, releaseNs]: the lock's owners */
  lock: [number, number, number][];
  /** [timeNs, cores waiting for the lock] from fromNs, at each change */
  waiters: [number, number][];
  /** per pool: [timeNs, GB/s in use] from fromNs, at each change */
  bandwidth: [number, number][][];
}

function isWaiting(state: number): boolean {
  return state === S_LOCK_WAIT || state === S_SPIN || state === S_SLEEP;
}

function holdsLock(state: number): boolean {
  return state === S_LOCK_HOLD || state === S_FREE;
}

export class WindowRecorder implements StateRecorder {
  private readonly state: Int8Array;
  private readonly sinceNs: Float64Array;
  private readonly grantNs: Float64Array;
  private readonly segments: [number, number, number, number][] = [];
  private readonly lock: [number, number, number][] = [];
  private readonly waiters: Steps;
  private readonly pools: Steps[] = [];
  private waiting = 0;
  private toNs: number;
  private cut = false;
  private stop: (() => void) | null = null;

  constructor(
    cores: number,
    private readonly window: RecorderWindow,
  ) {
    // every core starts at time 0 in work (state 0), as Core does
    this.state = new Int8Array(cores);
    this.sinceNs = new Float64Array(cores);
    this.grantNs = new Float64Array(cores);
    this.toNs = window.toNs;
    this.waiters = new Steps(window.fromNs);
  }

  attach(stop: () => void): void {
    this.stop = stop;
  }

  enter(core: number, state: number, atNs: number, nowNs: number): void {
    // past the window nothing more is kept: the rest of the run is not needed
    if (nowNs > this.toNs && this.stop !== null) this.stop();
    const was = this.state[core];
    // a snapshot charging the state in progress is no change
    if (was === state) return;
    const sinceNs = this.sinceNs[core];
    // the same charge as Core.enter: [since, at], and since never moves back
    if (atNs > sinceNs) this.keep(core, was, sinceNs, atNs);
    this.state[core] = state;
    this.sinceNs[core] = Math.max(atNs, sinceNs);
    if (holdsLock(was)) this.keepLock(core, this.grantNs[core], nowNs);
    if (holdsLock(state)) this.grantNs[core] = nowNs;
    const waitingBefore = this.waiting;
    if (isWaiting(state) && !isWaiting(was)) this.waiting++;
    else if (isWaiting(was) && !isWaiting(state)) this.waiting--;
    if (this.waiting !== waitingBefore) this.waiters.set(nowNs, this.waiting, this.toNs);
  }

  bandwidth(pool: number, usedGBps: number, nowNs: number): void {
    while (this.pools.length <= pool) this.pools.push(new Steps(this.window.fromNs));
    this.pools[pool].set(nowNs, usedGBps, this.toNs);
  }

  private keep(core: number, state: number, startNs: number, endNs: number): void {
    const { fromNs } = this.window;
    if (endNs <= fromNs || startNs >= this.toNs) return;
    this.segments.push([core, state, startNs, endNs]);
    if (this.segments.length >= this.window.maxSegments && endNs < this.toNs) {
      this.toNs = endNs;
      this.cut = true;
    }
  }

  private keepLock(core: number, grantNs: number, releaseNs: number): void {
    if (releaseNs > this.window.fromNs && grantNs < this.toNs) this.lock.push([core, grantNs, releaseNs]);
  }

  /** The window as recorded, every state still in progress closed at `endNs`, all clipped. */
  finish(endNs: number): Recording {
    for (let c = 0; c < this.state.length; c++) {
      if (endNs > this.sinceNs[c]) this.keep(c, this.state[c], this.sinceNs[c], endNs);
      if (holdsLock(this.state[c])) this.keepLock(c, this.grantNs[c], endNs);
    }
    const fromNs = this.window.fromNs;
    const toNs = Math.min(this.toNs, endNs);
    const clip = (a: number, b: number) => [Math.max(a, fromNs), Math.min(b, toNs)] as const;
    const segments: Recording['segments'] = [];
    for (const [core, state, a, b] of this.segments) {
      const [s, e] = clip(a, b);
      if (e > s) segments.push([core, state, s, e]);
    }
    const lock: Recording['lock'] = [];
    for (const [core, a, b] of this.lock) {
      const [s, e] = clip(a, b);
      if (e > s) lock.push([core, s, e]);
    }
    return {
      fromNs,
      toNs,
      cut: this.cut,
      segments,
      lock,
      waiters: this.waiters.within(toNs),
      bandwidth: this.pools.map((steps) => steps.within(toNs)),
    };
  }
}

/** A step function from fromNs on: its value there, then each change (nothing earlier is kept). */
class Steps {
  private readonly changes: [number, number][];

  constructor(private readonly fromNs: number) {
    this.changes = [[fromNs, 0]];
  }

  set(atNs: number, value: number, toNs: number): void {
    if (atNs >= toNs) return;
    const last = this.changes[this.changes.length - 1];
    if (last[1] === value) return;
    if (atNs <= this.fromNs || atNs === last[0]) last[1] = value;
    else this.changes.push([atNs, value]);
  }

  within(toNs: number): [number, number][] {
    return this.changes.filter(([t], i) => i === 0 || t < toNs).map(([t, v]) => [t, v]);
  }
}
