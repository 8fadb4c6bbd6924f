/**
 * `PyObject_CheckReadBuffer` of Python 2.7 (`Objects/abstract.c`).
 *
 * @packageDocumentation
 */
import { BufferFlags, getBuffer, releaseBuffer } from "@mv/core";
import { hasOldBufferProcs, isOneSegment } from "./old-buffer-procs.js";

/**
 * Whether `obj` offers a single-segment read buffer: it exports contiguous
 * memory, or is a `buffer` whose memory can be found now (2.7 asks only
 * `bf_getsegcount`, a `buffer`'s `get_buf(ANY_BUFFER)`). Never throws.
 *
 * @example
 * ```ts
 * checkReadBuffer(bytes([1])); // returns true
 * checkReadBuffer(new Float64Array(2)); // returns true
 * checkReadBuffer("abc"); // returns false
 * ```
 */
export function checkReadBuffer(obj: unknown): boolean {
  if (hasOldBufferProcs(obj)) return isOneSegment(obj);
  try {
    // getBuffer refuses a non-exporter too.
    releaseBuffer(getBuffer(obj, BufferFlags.SIMPLE));
  } catch {
    return false;
  }
  return true;
}
