/**
 * `PyObject_CheckReadBuffer` of Python 2.7 (`Objects/abstract.c`).
 *
 * @packageDocumentation
 */
import { BufferFlags, getBuffer, isBufferExporter, releaseBuffer } from "@mv/core";
import { GET_READ_BUFFER, hasOldBufferProcs } from "./old-buffer-procs.js";

/**
 * Whether `obj` offers a single-segment read buffer: it exports contiguous
 * memory (or is a `buffer` whose base currently does). Never throws.
 *
 * @example
 * ```ts
 * checkReadBuffer(bytes([1])); // returns true
 * checkReadBuffer(new Float64Array(2)); // returns true
 * checkReadBuffer("abc"); // returns false
 * ```
 */
export function checkReadBuffer(obj: unknown): boolean {
  try {
    if (hasOldBufferProcs(obj)) {
      obj[GET_READ_BUFFER]();
      return true;
    }
    if (!isBufferExporter(obj)) return false;
    releaseBuffer(getBuffer(obj, BufferFlags.SIMPLE));
    return true;
  } catch {
    return false;
  }
}
