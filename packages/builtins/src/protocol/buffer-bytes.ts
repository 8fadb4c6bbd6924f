/**
 * The bytes of a contiguous export, as a view: what C code reads through
 * `view.buf` and `view.len` after a `PyBUF_SIMPLE` request.
 *
 * @packageDocumentation
 */
import { resolveBuffer, type BufferInfo } from "@mv/core";

/**
 * A `Uint8Array` over the `len` bytes of a contiguous export (one answering
 * a `SIMPLE` or `WRITABLE` request). It views the exporter's memory: read
 * it at once and do not keep it past the export's release.
 *
 * @param info - a live, contiguous export
 * @returns the exported bytes, not a copy
 *
 * @example
 * ```ts
 * const info = getBuffer(new Uint8Array([1, 0]), BufferFlags.SIMPLE);
 * Array.from(bufferBytes(info)); // returns [1, 0]
 * ```
 */
export function bufferBytes(info: BufferInfo): Uint8Array {
  return new Uint8Array(resolveBuffer(info), info.offset, info.len);
}
