/**
 * The content of `bytes(source)` and `bytearray(source)`: `bytes_new_impl`
 * and `PyBytes_FromObject` of `Objects/bytesobject.c`, and
 * `bytearray___init___impl` of `Objects/bytearrayobject.c` (CPython 3.14).
 *
 * In order: nothing gives no bytes; a string needs an encoding (which this
 * package does not offer: encode with `TextEncoder` first); an integer is a
 * length of zero bytes; an exporter is copied in C order; any other
 * iterable must yield integers in range(0, 256).
 *
 * @packageDocumentation
 */
import {
  BufferFlags,
  OverflowError,
  ValueError,
  allocateBytes,
  isBufferExporter,
  pythonTypeName,
  toContiguous,
  withExport,
} from "@mv/core";
import { asSsize, isIndex } from "../python/as-index.js";
import { BYTE_RANGE, BYTES_RANGE, byteValue } from "./byte-value.js";

/** Which constructor's wording to use. */
export type ByteStringKind = "bytes" | "bytearray";

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    value !== null && value !== undefined && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  );
}

/**
 * The bytes a `bytes` or `bytearray` constructor makes of `source`, as a
 * new `Uint8Array`.
 *
 * @param source - nothing, a length, an exporter, or an iterable of ints
 * @param kind - whose messages to use
 *
 * @example
 * ```ts
 * Array.from(bytesFromSource(3, "bytes")); // returns [0, 0, 0]
 * Array.from(bytesFromSource([1, 2], "bytes")); // returns [1, 2]
 * Array.from(bytesFromSource(new Uint8Array([1, 0]).buffer, "bytes")); // returns [1, 0]
 * bytesFromSource(-1, "bytes"); // throws ValueError "negative count"
 * bytesFromSource("abc", "bytes"); // throws TypeError "string argument without an encoding"
 * bytesFromSource(1.5, "bytearray"); // throws TypeError "cannot convert 'float' object to bytearray"
 * ```
 */
export function bytesFromSource(source: unknown, kind: ByteStringKind): Uint8Array {
  if (source === undefined) return new Uint8Array(0);
  if (typeof source === "string") {
    throw new TypeError("string argument without an encoding");
  }
  if (isIndex(source)) {
    const size = asSsize(source, OverflowError);
    if (size < 0) throw new ValueError("negative count");
    return allocateBytes(size);
  }
  if (isBufferExporter(source)) {
    return withExport(source, BufferFlags.FULL_RO, (info) => toContiguous(info, "C"));
  }
  if (isIterable(source)) {
    const message = kind === "bytes" ? BYTES_RANGE : BYTE_RANGE;
    const out: number[] = [];
    for (const item of source) out.push(byteValue(item, message));
    return Uint8Array.from(out);
  }
  throw new TypeError(`cannot convert '${pythonTypeName(source)}' object to ${kind}`);
}
