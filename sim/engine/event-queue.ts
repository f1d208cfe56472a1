/**
 * A binary min-heap of timed events ordered by (time, sequence number): ties pop in the order they
 * were pushed. The heap moves only (time, slot) pairs in typed arrays; each event's handler, tag and
 * sequence number stay put in a slot table with a free list, so scheduling allocates nothing.
 */

/** Anything that can receive an event. `tag` tells the receiver which of its events fired. */
export interface Handler {
  fire(tag: number): void;
}

/** Stands in for the handler of a cancelled event. */
export const CANCELLED: Handler = { fire() {} };

export class EventQueue {
  size = 0;
  /** filled by pop(): the popped event's tag */
  poppedTag = 0;
  /** heap order: keys[i] is the time of the event in slot slots[i]; read by the dispatch loop */
  keys: Float64Array;
  slots: Int32Array;
  private seqs: Float64Array;
  tags: Int32Array;
  handlers: Handler[];
  private free: Int32Array;
  private freeCount: number;
  private nextSeq = 0;
  private cancelledCount = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.tags = new Int32Array(capacity);
    this.handlers = new Array<Handler>(capacity).fill(CANCELLED);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  /** live (not cancelled) events */
  get live(): number {
    return this.size - this.cancelledCount;
  }

  peekKey(): number {
    return this.size > 0 ? this.keys[0] : Number.POSITIVE_INFINITY;
  }

  /**
   * Replaces the earliest event, already dispatched, by a new one in the same slot: one sift-down
   * instead of a pop and a push. Valid because the new key is not earlier than the replaced one.
   */
  replaceTop(key: number, handler: Handler, tag: number): number {
    const slot = this.slots[0];
    const seq = this.nextSeq++;
    this.seqs[slot] = seq;
    this.tags[slot] = tag;
    this.handlers[slot] = handler;
    this.siftDown(key, slot, seq, this.size);
    return slot;
  }

  /** whether the earliest event was cancelled */
  peekCancelled(): boolean {
    return this.size > 0 && this.handlers[this.slots[0]] === CANCELLED;
  }

  /** Adds an event; returns its slot id, valid for cancel() until the event pops. */
  push(key: number, handler: Handler, tag: number): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount];
    const seq = this.nextSeq++;
    this.seqs[slot] = seq;
    this.tags[slot] = tag;
    this.handlers[slot] = handler;
    const keys = this.keys;
    const slots = this.slots;
    const seqs = this.seqs;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p];
      if (pk < key || (pk === key && seqs[slots[p]] < seq)) break;
      keys[i] = pk;
      slots[i] = slots[p];
      i = p;
    }
    keys[i] = key;
    slots[i] = slot;
    return slot;
  }

  /** Marks a pending event cancelled: pop() still removes it, returning a handler that does nothing. */
  cancel(slot: number): void {
    if (this.handlers[slot] === CANCELLED) return;
    this.handlers[slot] = CANCELLED;
    this.cancelledCount++;
  }

  /**
   * Removes the earliest event and returns its handler, leaving its tag in poppedTag.
   * Returns null for a cancelled event.
   */
  pop(): Handler | null {
    const keys = this.keys;
    const slots = this.slots;
    const seqs = this.seqs;
    const top = slots[0];
    this.poppedTag = this.tags[top];
    const handler = this.handlers[top];
    this.handlers[top] = CANCELLED;
    this.free[this.freeCount++] = top;
    const n = --this.size;
    if (n > 0) this.siftDown(keys[n], slots[n], seqs[slots[n]], n);
    if (handler === CANCELLED) {
      this.cancelledCount--;
      return null;
    }
    return handler;
  }

  /** Places (key, slot, seq) at the root's hole and sifts it down among the first n entries. */
  private siftDown(key: number, slot: number, seq: number, n: number): void {
    const keys = this.keys;
    const slots = this.slots;
    const seqs = this.seqs;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ck = keys[c];
      if (c + 1 < n) {
        const rk = keys[c + 1];
        if (rk < ck || (rk === ck && seqs[slots[c + 1]] < seqs[slots[c]])) {
          c++;
          ck = rk;
        }
      }
      if (key < ck || (key === ck && seq < seqs[slots[c]])) break;
      keys[i] = ck;
      slots[i] = slots[c];
      i = c;
    }
    keys[i] = key;
    slots[i] = slot;
  }

  private grow(): void {
    const old = this.keys.length;
    const cap = old * 2;
    const keys = new Float64Array(cap);
    const slots = new Int32Array(cap);
    const seqs = new Float64Array(cap);
    const tags = new Int32Array(cap);
    const free = new Int32Array(cap);
    keys.set(this.keys);
    slots.set(this.slots);
    seqs.set(this.seqs);
    tags.set(this.tags);
    // Every old slot is in use (the free list is empty); the new ones are free.
    for (let i = 0; i < old; i++) free[i] = cap - 1 - i;
    this.freeCount = old;
    this.keys = keys;
    this.slots = slots;
    this.seqs = seqs;
    this.tags = tags;
    this.free = free;
    for (let i = old; i < cap; i++) this.handlers.push(CANCELLED);
  }
}
