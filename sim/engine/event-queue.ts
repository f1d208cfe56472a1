/**
 * A binary min-heap of timed events ordered by (time, sequence number): ties pop in the order they
 * were pushed. The heap moves only (time, slot) pairs in typed arrays; each event's handler, tag and
 * sequence number stay put in a slot table with a free list, so scheduling allocates nothing.
 *
 * Most events are never cancelled, and they pay nothing for ids: push() and replaceTop() return the
 * slot, which names the event only until it pops. An event that may be cancelled is marked so by
 * cancellable(slot) right after it is scheduled: that bumps the slot's generation and sets a bit in
 * its stored tag, and returns the id, generation × 2^20 + slot. cancel(id) acts only while the slot
 * holds a marked event of that generation, so a stale id (its event fired or was cancelled, and the
 * slot now holds another, marked or not) does nothing. Generations wrap at 2^10, so that ids stay
 * below 2^30, small integers in every JavaScript engine (a larger id would be a boxed double); a stale
 * id could only match again after its slot took 1024 more marked events, and the holders (bandwidth
 * pools, spinning waiters) only ever cancel events still pending. At most 2^20 events can be pending
 * at once, and tags are below 2^20.
 */
/** Anything that can receive an event. `tag` tells the receiver which of its events fired. */
export interface Handler {
  fire(tag: number): void;
}

/** Stands in for the handler of a cancelled event. */
export const CANCELLED: Handler = { fire() {} };

const SLOT_BITS = 20;
/** the most events that can be pending at once */
export const MAX_PENDING = 2 ** SLOT_BITS;
const SLOT_MASK = MAX_PENDING - 1;
const GENERATION_MASK = 2 ** 10 - 1;
/** set in a slot's stored tag while it holds an event marked cancellable */
const CANCELLABLE = 2 ** 30;
/** the tags handlers see: below 2^20 */
export const TAG_MASK = 2 ** 20 - 1;

/** The slot an event id names. */
function slotOf(id: number): number {
  return id & SLOT_MASK;
}

export class EventQueue {
  size = 0;
  /** filled by pop(): the popped event's tag */
  poppedTag = 0;
  /** heap order: keys[i] is the time of the event in slot slots[i]; read by the dispatch loop */
  keys: Float64Array;
  slots: Int32Array;
  private seqs: Float64Array;
  /** per slot: how many cancellable events it has taken (mod 2^10); part of each such event's id */
  private generations: Int32Array;
  /** per slot: the event's tag, plus CANCELLABLE when it was marked so; read by the dispatch loop */
  tags: Int32Array;
  handlers: Handler[];
  private free: Int32Array;
  private freeCount: number;
  private nextSeq = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.generations = new Int32Array(capacity);
    this.tags = new Int32Array(capacity);
    this.handlers = new Array<Handler>(capacity).fill(CANCELLED);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  peekKey(): number {
    return this.size > 0 ? this.keys[0] : Number.POSITIVE_INFINITY;
  }

  /**
   * Replaces the earliest event, already dispatched, by a new one in the same slot: one sift-down
   * instead of a pop and a push. Valid because the new key is not earlier than the replaced one.
   * Returns the slot, for cancellable(); the replaced event's id is stale from now on.
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

  /** Adds an event; returns its slot, for cancellable(). */
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

  /**
   * Marks the event just scheduled in `slot` as one that may be cancelled: gives the slot its next
   * generation and returns the event's id, which cancel() accepts until the event pops.
   */
  cancellable(slot: number): number {
    const generation = (this.generations[slot] + 1) & GENERATION_MASK;
    this.generations[slot] = generation;
    this.tags[slot] |= CANCELLABLE;
    return (generation << SLOT_BITS) | slot;
  }

  /**
   * Marks a pending event cancelled: it stays in the heap until it reaches the top, where pop()
   * removes it and returns null. Returns false, changing nothing, for a stale id: its event already
   * popped or was cancelled, and its slot may hold another event now (one not marked cancellable, or
   * one of another generation).
   */
  cancel(id: number): boolean {
    const slot = slotOf(id);
    const stale = id >>> SLOT_BITS !== this.generations[slot] || (this.tags[slot] & CANCELLABLE) === 0;
    if (stale || this.handlers[slot] === CANCELLED) return false;
    this.handlers[slot] = CANCELLED;
    return true;
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
    this.poppedTag = this.tags[top] & TAG_MASK;
    const handler = this.handlers[top];
    this.handlers[top] = CANCELLED;
    this.free[this.freeCount++] = top;
    const n = --this.size;
    if (n > 0) this.siftDown(keys[n], slots[n], seqs[slots[n]], n);
    return handler === CANCELLED ? null : handler;
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
    if (old >= MAX_PENDING)
      throw new RangeError(`EventQueue: more than ${MAX_PENDING} events pending at once`);
    const cap = Math.min(old * 2, MAX_PENDING);
    const keys = new Float64Array(cap);
    const slots = new Int32Array(cap);
    const seqs = new Float64Array(cap);
    const generations = new Int32Array(cap);
    const tags = new Int32Array(cap);
    const free = new Int32Array(cap);
    keys.set(this.keys);
    slots.set(this.slots);
    seqs.set(this.seqs);
    generations.set(this.generations);
    tags.set(this.tags);
    // Every old slot is in use (the free list is empty); the new ones are free.
    for (let i = 0; i < old; i++) free[i] = cap - 1 - i;
    this.freeCount = old;
    this.keys = keys;
    this.slots = slots;
    this.seqs = seqs;
    this.generations = generations;
    this.tags = tags;
    this.free = free;
    for (let i = old; i < cap; i++) this.handlers.push(CANCELLED);
  }
}
