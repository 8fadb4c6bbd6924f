/**
 * `PyObject_AsWriteBuffer` of Python 2.7 (`Objects/abstract.c`).
 *
 * @packageDocumentation
 */
import { BufferFlags, getBuffer, isBufferExporter, releaseBuffer, type BufferInfo } from "@mv/core";
import { bufferBytes } from "../protocol/buffer-bytes.js";
import { GET_WRITE_BUFFER, hasOldBufferProcs, isOneSegment } from "./old-buffer-procs.js";

const NOT_ONE_SEGMENT = "expected a single-segment buffer object";

function writableAtAll(obj: unknown): boolean {
  try {
    releaseBuffer(getBuffer(obj, BufferFlags.FULL));
  } catch {
    return false;
  }
  return true;
}

/**
 * The bytes `obj` offers for writing, as a `Uint8Array` view of its memory
 * (writes through it change the object). Released at once, as the C
 * function has no release: use it immediately.
 *
 * @param obj - a writable exporter, or a writable `buffer`
 * @returns a view of the object's bytes
 * @throws TypeError "expected a writeable buffer object" for a read-only object or a non-exporter
 * @throws TypeError "expected a single-segment buffer object" for strided
 * memory, and for a `buffer` whose memory cannot be found
 * @throws TypeError "buffer is read-only" for a read-only `buffer`
 *
 * @example
 * ```ts
 * const data = bytearray(2);
 * asWriteBuffer(data)[0] = 9;
 * data.get(0); // returns 9
 * asWriteBuffer(bytes([1])); // throws TypeError "expected a writeable buffer object"
 * ```
 */
export function asWriteBuffer(obj: unknown): Uint8Array {
  if (hasOldBufferProcs(obj)) {
    if (!isOneSegment(obj)) throw new TypeError(NOT_ONE_SEGMENT);
    return obj[GET_WRITE_BUFFER]();
  }
  if (!isBufferExporter(obj)) throw new TypeError("expected a writeable buffer object");
  let info: BufferInfo;
  try {
    info = getBuffer(obj, BufferFlags.WRITABLE);
  } catch (error) {
    if (error instanceof Error && error.name === "BufferError") {
      // A writable export in some layout means the memory is strided.
      if (writableAtAll(obj)) throw new TypeError(NOT_ONE_SEGMENT);
      throw new TypeError("expected a writeable buffer object");
    }
    throw error;
  }
  try {
    return bufferBytes(info);
  } finally {
    releaseBuffer(info);
  }
}
