/**
 * `PyObject_AsCharBuffer` of Python 2.7 (`Objects/abstract.c`).
 *
 * @packageDocumentation
 */
import { BufferFlags, getBuffer, isBufferExporter, releaseBuffer, type BufferInfo } from "@mv/core";
import { bufferBytes } from "../protocol/buffer-bytes.js";
import { hasCharBuffer } from "./char-buffer.js";
import { GET_CHAR_BUFFER, hasOldBufferProcs, isOneSegment } from "./old-buffer-procs.js";

const NOT_ONE_SEGMENT = "expected a single-segment buffer object";

/**
 * The character data of a string-like object, as a `Uint8Array` view of its
 * memory (released at once, as in C). `bytes`, `bytearray`, `buffer` and
 * byte-item exporters have character data; `array` has none, as in 2.7.
 *
 * @param obj - a string-like exporter
 * @returns a view of its bytes
 * @throws TypeError "expected a string or other character buffer object" otherwise
 * @throws TypeError "expected a single-segment buffer object" for strided
 * memory, and for a `buffer` whose memory cannot be found
 * @throws TypeError "char buffer type not available" for a `buffer` over an
 * object with no character data
 *
 * @example
 * ```ts
 * Array.from(asCharBuffer(bytes([104, 105]))); // returns [104, 105]
 * asCharBuffer(array("b", [1])); // throws TypeError "expected a string or other character buffer object"
 * ```
 */
export function asCharBuffer(obj: unknown): Uint8Array {
  if (hasOldBufferProcs(obj)) {
    if (!isOneSegment(obj)) throw new TypeError(NOT_ONE_SEGMENT);
    return obj[GET_CHAR_BUFFER]();
  }
  if (!isBufferExporter(obj) || !hasCharBuffer(obj)) {
    throw new TypeError("expected a string or other character buffer object");
  }
  let info: BufferInfo;
  try {
    info = getBuffer(obj, BufferFlags.SIMPLE);
  } catch (error) {
    if (error instanceof Error && error.name === "BufferError") {
      throw new TypeError(NOT_ONE_SEGMENT);
    }
    throw error;
  }
  try {
    return bufferBytes(info);
  } finally {
    releaseBuffer(info);
  }
}
