/** A growable ring buffer of (handler, tag, enqueue time) triples: the waiting line of a resource. */
import type { Handler } from './event-queue.js';

export class Fifo {
  private handlers: Handler[];
  private tags: Int32Array;
  private timesNs: Float64Array;
  private head = 0;
  size = 0;
  /** filled by shift(): the tag and enqueue time of the removed entry */
  shiftedTag = 0;
  shiftedTimeNs = 0;

  constructor(capacity = 16) {
    this.handlers = new Array<Handler>(capacity);
    this.tags = new Int32Array(capacity);
    this.timesNs = new Float64Array(capacity);
  }

  push(handler: Handler, tag: number, timeNs: number): void {
    if (this.size === this.tags.length) this.grow();
    const i = (this.head + this.size) % this.tags.length;
    this.handlers[i] = handler;
    this.tags[i] = tag;
    this.timesNs[i] = timeNs;
    this.size++;
  }

  shift(): Handler {
    const i = this.head;
    const handler = this.handlers[i];
    this.handlers[i] = undefined as unknown as Handler;
    this.shiftedTag = this.tags[i];
    this.shiftedTimeNs = this.timesNs[i];
    this.head = (i + 1) % this.tags.length;
    this.size--;
    return handler;
  }

  private grow(): void {
    const cap = this.tags.length * 2;
    const handlers = new Array<Handler>(cap);
    const tags = new Int32Array(cap);
    const timesNs = new Float64Array(cap);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) % this.tags.length;
      handlers[k] = this.handlers[i];
      tags[k] = this.tags[i];
      timesNs[k] = this.timesNs[i];
    }
    this.handlers = handlers;
    this.tags = tags;
    this.timesNs = timesNs;
    this.head = 0;
  }
}
