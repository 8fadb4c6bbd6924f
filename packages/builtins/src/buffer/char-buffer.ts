/**
 * Which objects have a "character buffer" (2.7's `bf_getcharbuffer`): the
 * string-like types (`str`, `unicode`, `bytearray`, `buffer`, `mmap`) did;
 * `array.array` did not, whatever its type code (2.7's
 * `Lib/test/test_types.py` checks `int(buffer(array.array('c')))` fails).
 *
 * Here: `bytes`, `bytearray` and `buffer` have one; `array` has none; any
 * other exporter has one when its items are single bytes (format `B`, `b`,
 * `c`, or none), as a byte string's are.
 *
 * @packageDocumentation
 */
import { BufferFlags, withExport } from "@mv/core";
import { isPyBytes } from "../bytes/bytes-brand.js";
import { ByteArray } from "../bytearray/bytearray.js";
import { PyArray } from "../array/array.js";
import { hasOldBufferProcs } from "./old-buffer-procs.js";

const BYTE_FORMATS = new Set([null, "B", "b", "c"]);

/**
 * Whether `obj` offers a character buffer.
 *
 * @example
 * ```ts
 * hasCharBuffer(bytes([1])); // returns true
 * hasCharBuffer(new Uint8Array(1)); // returns true
 * hasCharBuffer(array("b")); // returns false
 * hasCharBuffer(new Float64Array(1)); // returns false
 * ```
 */
export function hasCharBuffer(obj: unknown): boolean {
  if (obj instanceof PyArray) return false;
  if (isPyBytes(obj) || obj instanceof ByteArray || hasOldBufferProcs(obj)) return true;
  try {
    if (withExport(obj, BufferFlags.FULL_RO, (info) => info.itemsize === 1 && BYTE_FORMATS.has(info.format))) return true;
  } catch {
    // no export at all: no character data either
  }
  return false;
}
