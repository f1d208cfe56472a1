/**
 * Monitors: per-observation tallies (count, mean and streaming percentiles from HDR histograms in
 * bounded memory) and time-weighted levels (utilisation, queue length), both cumulative from time 0.
 */
import * as hdr from 'hdr-histogram-js';

/**
 * hdr-histogram-js's WebAssembly build records about 5× faster than its JS build (17 ns against
 * 93 ns here). Loading it is idempotent, so each thread loads it on first use. 32-bit counts hold
 * 2^31 observations per histogram, far more than one segment of a run records.
 */
function histogram(): hdr.Histogram {
  hdr.initWebAssemblySync();
  return hdr.build({
    bitBucketSize: 32,
    autoResize: true,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: true,
  });
}

/** Percentiles of a histogram, in its unit. */
export interface HistogramSummary {
  count: number;
  p50: number;
  p99: number;
  p999: number;
}

/** p50, p99 and p99.9 of `h` (0 when it is empty). */
export function summarise(h: hdr.Histogram): HistogramSummary {
  const count = h.totalCount;
  if (count === 0) return { count: 0, p50: 0, p99: 0, p999: 0 };
  return {
    count,
    p50: h.getValueAtPercentile(50),
    p99: h.getValueAtPercentile(99),
    p999: h.getValueAtPercentile(99.9),
  };
}

/** Serialises a histogram (to cross a thread boundary); `decodeHistogram` reads it back. */
export function encodeHistogram(h: hdr.Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

/** The histogram `encodeHistogram` wrote; the caller disposes of it with `.destroy()`. */
export function decodeHistogram(text: string): hdr.Histogram {
  hdr.initWebAssemblySync();
  return hdr.decodeFromCompressedBase64(text, 32, true);
}

/** An empty histogram to merge others into; the caller disposes of it with `.destroy()`. */
export function emptyHistogram(): hdr.Histogram {
  return histogram();
}

export type Histogram = hdr.Histogram;

/**
 * Observations of a non-negative quantity, e.g. lock wait in ns: running count, sum and maximum, and
 * (optionally) streaming percentiles in an HDR histogram kept in segments. `checkpoint()` closes a
 * segment, so that percentiles can later be taken over the observations after any checkpoint (a
 * warm-up cut decided at the end of a run). Memory is bounded by the number of checkpoints.
 */
export class Tally {
  count = 0;
  sum = 0;
  private segments: hdr.Histogram[] = [];
  private current: hdr.Histogram | null;

  constructor(withPercentiles = true) {
    this.current = withPercentiles ? histogram() : null;
  }

  record(x: number): void {
    this.count++;
    this.sum += x;
    // HDR records integers; sub-ns resolution is irrelevant for these quantities.
    if (this.current !== null) this.current.recordValue(Math.round(x));
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** Closes the current histogram segment; segment k holds what was recorded after checkpoint k. */
  checkpoint(): void {
    if (this.current === null) return;
    this.segments.push(this.current);
    this.current = histogram();
  }

  /** A new histogram of everything recorded after checkpoint k (0: everything); the caller destroys it. */
  histogramSince(k: number): hdr.Histogram {
    const merged = histogram();
    for (let i = k; i < this.segments.length; i++) merged.add(this.segments[i]);
    if (this.current !== null) merged.add(this.current);
    return merged;
  }

  /** Frees the histograms (WebAssembly memory is not garbage-collected). */
  dispose(): void {
    for (const h of this.segments) h.destroy();
    this.segments = [];
    this.current?.destroy();
    this.current = null;
  }
}

/** A level that changes at instants, averaged over time: the mean number busy, queued, active. */
export class TimeWeighted {
  level = 0;
  private area = 0;
  private lastNs = 0;

  set(level: number, nowNs: number): void {
    this.area += this.level * (nowNs - this.lastNs);
    this.lastNs = nowNs;
    this.level = level;
  }

  /** integral of the level from time 0 to nowNs; a window's mean is the difference over its length */
  integral(nowNs: number): number {
    return this.area + this.level * (nowNs - this.lastNs);
  }
}
