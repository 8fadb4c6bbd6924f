/**
 * `PyBuffer_FillInfo`: the whole of a simple exporter's GET_BUFFER.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import { contiguousInfo } from "./contiguous-info.js";
import type { BufferInfo } from "./buffer-info.js";
import { assertRequestFlags } from "./flags.js";
import { assertBufIsMemory } from "./validate.js";

/**
 * Answers the request `flags` for `len` contiguous bytes at `offset` of
 * `buf`: `PyBuffer_FillInfo`. The result has itemsize 1, `format` `"B"`
 * only for FORMAT, `shape` `[len]` only for ND, `strides` `[1]` only for
 * STRIDES, and no suboffsets. `releaseBuffer` of the result calls `obj`'s
 * RELEASE_BUFFER, as `PyBuffer_Release` does with `view->obj`.
 *
 * @param obj - the exporter (the `obj` of the result)
 * @param buf - the memory
 * @param offset - the byte offset of the first byte exported
 * @param len - the number of bytes exported
 * @param readonly - whether the bytes are read-only
 * @param flags - the request
 * @returns a frozen BufferInfo
 * @throws BufferError "Object is not writable." when WRITABLE is asked of read-only bytes,
 *   or when the bytes are not inside `buf`
 * @throws ValueError when `buf` is detached, or `flags` is `READ` or `WRITE`
 *
 * @example
 * ```ts
 * const info = fillInfo(null, new ArrayBuffer(16), 4, 8, false, BufferFlags.CONTIG);
 * [info.offset, info.len, info.shape, info.strides, info.format]; // returns [4, 8, [8], null, null]
 * ```
 * @example
 * ```ts
 * fillInfo(null, new ArrayBuffer(4), 0, 4, true, BufferFlags.WRITABLE); // throws BufferError
 * ```
 */
export function fillInfo(
  obj: object | null,
  buf: ArrayBuffer | SharedArrayBuffer,
  offset: number,
  len: number,
  readonly: boolean,
  flags: number,
): BufferInfo {
  assertRequestFlags(flags);
  const byteLength = assertBufIsMemory(buf);
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(len) || offset < 0 || len < 0 || offset + len > byteLength) {
    throw new BufferError(`fillInfo: bytes [${offset}, ${offset + len}) are not inside buf (byteLength ${byteLength})`);
  }
  return contiguousInfo(
    {
      obj,
      buf,
      byteOffset: offset,
      byteLength: len,
      itemsize: 1,
      format: "B",
      readonly: readonly === true,
      // As PyBuffer_Release does with view->obj.
      releasesToObj: true,
    },
    flags,
  );
}
