/**
 * The built-in export of a `WebAssembly.Memory`: writable unsigned bytes.
 *
 * `memory.grow()` detaches the memory's ArrayBuffer and installs a larger
 * one (a shared memory installs a new, larger SharedArrayBuffer). So the
 * export's `buf` is an accessor that returns `memory.buffer` each time it
 * is read, and `resolveBuffer(info)` gives the current memory: a consumer
 * that reads through it keeps working across `grow()`. The export keeps the
 * length the memory had when it was made (memory only grows, so that
 * length stays valid).
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";
import { bufferByteLength, isWasmMemory, wasmMemoryBufferOf } from "../protocol/brand-checks.js";
import { contiguousInfo } from "../protocol/contiguous-info.js";
import type { BuiltinExporter } from "./builtin-exporter.js";

/**
 * Exports WebAssembly.Memory objects.
 *
 * @example
 * ```ts
 * const memory = new WebAssembly.Memory({ initial: 1 });
 * wasmMemoryExporter.getBuffer(memory, BufferFlags.WRITABLE).len; // returns 65536
 * ```
 */
export const wasmMemoryExporter: BuiltinExporter = {
  kind: "WebAssembly.Memory",
  matches: isWasmMemory,
  getBuffer(x: object, flags: number): BufferInfo {
    const memory = x as WebAssembly.Memory;
    const current = (): ArrayBuffer | SharedArrayBuffer => wasmMemoryBufferOf(memory);
    return contiguousInfo(
      {
        obj: memory,
        buf: current,
        byteOffset: 0,
        byteLength: bufferByteLength(current()),
        itemsize: 1,
        format: "B",
        readonly: false,
      },
      flags,
    );
  },
};
