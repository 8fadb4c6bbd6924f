/**
 * The types of the protocol: `BufferInfo` (CPython's `Py_buffer`) and the
 * shape of an exporter.
 *
 * @packageDocumentation
 */

import type { GET_BUFFER, RELEASE_BUFFER } from "./symbols.js";

/**
 * What an exporter hands a consumer: the `Py_buffer` of PEP 3118, with a
 * byte offset into an `ArrayBuffer` in place of a pointer. Every field is in
 * bytes.
 *
 * `buf` may be an accessor. The built-in export of a `WebAssembly.Memory`
 * uses one, so that reading `buf` always gives the memory's current
 * `ArrayBuffer`, even after `memory.grow()` detached the old one. Consumers
 * therefore read the memory through {@link resolveBuffer} on every access
 * (it reads `buf` once and checks that it still covers the export) and never
 * keep the `ArrayBuffer` they got earlier.
 *
 * When the consumer did not ask for `FORMAT`, `format` is null and means
 * unsigned bytes, but `itemsize` keeps the exporter's item size, as CPython's
 * `array` and `memoryview` exports do. When the consumer did not ask for `ND`,
 * `shape` is null and the memory is the `len` bytes from `offset`.
 *
 * @example
 * ```ts
 * const info = getBuffer(new Float64Array(3), BufferFlags.RECORDS_RO);
 * [info.format, info.itemsize, info.len, info.shape]; // returns ["d", 8, 24, [3]]
 * ```
 */
export interface BufferInfo {
  /** The exporter, or null for memory that no object owns. */
  obj: object | null;
  /** The memory (possibly an accessor; read it through {@link resolveBuffer}). */
  buf: ArrayBuffer | SharedArrayBuffer;
  /** The byte offset in `buf` of element [0, …, 0] (`Py_buffer.buf`). */
  offset: number;
  /** product(shape) * itemsize, in bytes. */
  len: number;
  /** Whether writes are forbidden. */
  readonly: boolean;
  /** The size of one item, in bytes. */
  itemsize: number;
  /** The item format in struct syntax; null means `"B"`. */
  format: string | null;
  /** The number of dimensions (0 for a scalar, at most 64). */
  ndim: number;
  /** The length of each dimension, or null when `ND` was not requested. */
  shape: readonly number[] | null;
  /** The byte step of each dimension (may be negative or 0), or null for C-contiguous memory. */
  strides: readonly number[] | null;
  /** PIL-style suboffsets (negative: no indirection in that dimension), or null. */
  suboffsets: readonly number[] | null;
}

/**
 * An object that exports memory through the buffer protocol. Any object with
 * a `GET_BUFFER` method is one; `RELEASE_BUFFER` is optional.
 *
 * @example
 * ```ts
 * const exporter: BufferExporter = {
 *   [GET_BUFFER]: (flags) => fillInfo(null, new ArrayBuffer(4), 0, 4, false, flags),
 * };
 * isBufferExporter(exporter); // returns true
 * ```
 */
export interface BufferExporter {
  /** Exports the memory for a request, or throws `BufferError`. */
  [GET_BUFFER](flags: number): BufferInfo;
  /** Called once when the consumer of an export is done with it. */
  [RELEASE_BUFFER]?(info: BufferInfo): void;
}

/**
 * A memory order: `"C"` (last index varies fastest), `"F"` (Fortran: first
 * index varies fastest), or `"A"` (either).
 *
 * @example
 * ```ts
 * const order: ContiguityOrder = "F";
 * isContiguous(getBuffer(new Uint8Array(2)), order); // returns true
 * ```
 */
export type ContiguityOrder = "C" | "F" | "A";
