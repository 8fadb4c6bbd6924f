/**
 * `PyObject_AsReadBuffer` of Python 2.7 (`Objects/abstract.c`).
 *
 * @packageDocumentation
 */
import { BufferFlags, getBuffer, isBufferExporter, releaseBuffer, type BufferInfo } from "@mv/core";
import { bufferBytes } from "../protocol/buffer-bytes.js";
import { GET_READ_BUFFER, hasOldBufferProcs, isOneSegment } from "./old-buffer-procs.js";

const NOT_ONE_SEGMENT = "expected a single-segment buffer object";

/**
 * The bytes `obj` offers for reading, as a `Uint8Array` view of its memory.
 *
 * Like the C function, it hands out memory with no release: the export it
 * takes is released at once, so the view is only good until the object
 * next changes size (a `bytearray` resized afterwards moves its memory, and
 * the view keeps showing the old bytes). Read it and drop it.
 *
 * @param obj - any exporter, or a `buffer`
 * @returns a view of the object's bytes
 * @throws TypeError "expected a readable buffer object" for a non-exporter
 * @throws TypeError "expected a single-segment buffer object" for strided
 * memory, and for a `buffer` whose memory cannot be found (its
 * `bf_getsegcount` fails, and 2.7 replaces that error with this one)
 *
 * @example
 * ```ts
 * Array.from(asReadBuffer(bytes([1, 2]))); // returns [1, 2]
 * asReadBuffer(42); // throws TypeError "expected a readable buffer object"
 * ```
 */
export function asReadBuffer(obj: unknown): Uint8Array {
  if (hasOldBufferProcs(obj)) {
    if (!isOneSegment(obj)) throw new TypeError(NOT_ONE_SEGMENT);
    return obj[GET_READ_BUFFER]();
  }
  if (!isBufferExporter(obj)) throw new TypeError("expected a readable buffer object");
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
