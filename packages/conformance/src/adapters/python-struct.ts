/**
 * The adapter for the npm package `python-struct` (a port of Python's
 * `struct` on Node's Buffer): `mv-conformance --impl
 * @mv/conformance/adapters/python-struct` runs the struct groups through its
 * API. It needs `python-struct` installed beside @mv/conformance (an optional
 * peer dependency).
 *
 * Only values are converted, each the way the library documents it: 8-byte
 * integers go in as decimal strings and come out of its `Long`s as bigints;
 * byte fields (`c`, `s`, `p`) go in as strings and come back as bytes; the
 * suite's buffers are handed over as Buffers over the same memory. The
 * library has no `pack_into`, `iter_unpack` or compiled `Struct`, so those
 * cases are skipped, and its errors are passed on as it throws them.
 *
 * @packageDocumentation
 */

import { createRequire } from "node:module";
import PythonStruct from "python-struct";
import type { StructModuleLike } from "../implementation.js";
import { latin1String, stringBytes } from "./peers/byte-strings.js";

const require = createRequire(import.meta.url);
const VERSION = (require("python-struct/package.json") as { version: string }).version;

/** The name and version of the library, for reports. */
export const name = `python-struct ${VERSION}`;

/** The library's version, for the scoreboard. */
export const version = VERSION;

function toLibraryValue(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString(); // Long.fromString
  if (value instanceof Uint8Array) return latin1String(value);
  return value;
}

function isLong(value: unknown): value is { toString(): string; getHighBits(): number } {
  return typeof value === "object" && value !== null && typeof (value as { getHighBits?: unknown }).getHighBits === "function";
}

function fromLibraryValue(value: unknown): unknown {
  if (isLong(value)) return BigInt(value.toString());
  if (typeof value === "string") return stringBytes(value);
  return value;
}

// The library reads through Buffer methods (readInt16LE…), so the suite's
// byte containers are handed over as Buffers over the same bytes.
function toLibraryBuffer(source: unknown): unknown {
  if (source instanceof ArrayBuffer) return Buffer.from(source);
  if (ArrayBuffer.isView(source)) return Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return source;
}

/** python-struct's functions under the contract's names. */
export const struct: Partial<StructModuleLike> = {
  calcsize: (format) => PythonStruct.sizeOf(format),
  pack: (format, ...values) => {
    // The Python-style call: values as arguments (it then checks their count).
    const packed = (PythonStruct.pack as (format: string, ...values: unknown[]) => Uint8Array)(
      format,
      ...values.map(toLibraryValue),
    );
    return new Uint8Array(packed);
  },
  unpack: (format, buffer) => PythonStruct.unpack(format, toLibraryBuffer(buffer) as Uint8Array).map(fromLibraryValue),
  unpackFrom: (format, buffer, offset = 0) =>
    PythonStruct.unpackFrom(format, toLibraryBuffer(buffer) as Uint8Array, false, offset).map(fromLibraryValue),
};
