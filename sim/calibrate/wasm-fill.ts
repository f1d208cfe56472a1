// Clearing shared memory at memset speed. TypedArray.fill on a SharedArrayBuffer stores element by
// element with relaxed atomics (about 30× slower than memset for bytes, on Node 20), whereas
// WebAssembly's memory.fill on a shared memory is one memset. The alloc loop's blocks must be shared
// (any thread may pop any block), so each lives in its own shared WebAssembly.Memory and clears here.

/** (module (import "e" "m" (memory 1 65536 shared)) (func (export "fill") (param i32 i32 i32) memory.fill)) */
// biome-ignore format: the bytes read best by section
const FILL_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,                         // magic, version 1
  0x01, 0x07, 0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00,                   // type: (i32 i32 i32) -> ()
  0x02, 0x0b, 0x01, 0x01, 0x65, 0x01, 0x6d, 0x02, 0x03, 0x01, 0x80, 0x80, 0x04, // import e.m: shared memory 1..65536
  0x03, 0x02, 0x01, 0x00,                                                 // function 0 has type 0
  0x07, 0x08, 0x01, 0x04, 0x66, 0x69, 0x6c, 0x6c, 0x00, 0x00,             // export "fill" = function 0
  0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfc, 0x0b, 0x00, 0x0b, // memory.fill
]);

const PAGE_BYTES = 65536;

/** A shared WebAssembly.Memory (typed here: the project's lib has no WebAssembly declarations). */
export interface SharedMemory {
  readonly buffer: SharedArrayBuffer;
}

interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => SharedMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** A shared memory of at least `bytes`, whose buffer is a SharedArrayBuffer any worker can be sent. */
export function sharedWasmMemory(bytes: number): SharedMemory {
  const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
  return new wasm.Memory({ initial: pages, maximum: pages, shared: true });
}

/** fill(offset, byte, bytes) on that memory: a memset. */
export function filler(memory: SharedMemory): (offset: number, byte: number, bytes: number) => void {
  const instance = new wasm.Instance(new wasm.Module(FILL_MODULE), { e: { m: memory } });
  return instance.exports.fill as (offset: number, byte: number, bytes: number) => void;
}
