/**
 * Rows for the one-byte codes that are not integers: `x` (pad byte), `c`
 * (char), `s` (string), `p` (Pascal string) and `?` (`_Bool`).
 *
 * `x`, `s` and `p` have no functions: their size is per byte and their repeat
 * count is a length, so the compiler and the loops handle them
 * ({@link readBytes}, {@link writeBytes}, {@link readPascal},
 * {@link writePascal}), as `s_pack_internal()` and `s_unpack_internal()` do.
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";
import { isPythonTrue } from "./python-truth.js";
import type { PackFn, Row } from "./row.js";
import type { StructValue } from "./struct-value.js";

/**
 * A row without functions, for `x`, `s` and `p`.
 *
 * @example
 * ```ts
 * byteCountRow("x").unpack; // returns null
 * ```
 */
export function byteCountRow(char: "x" | "s" | "p"): Row {
  return { char, size: 1, align: 0, littleEndian: true, unpack: null, packKey: null, unpackRun: null };
}

function getChar(view: DataView, byteOffset: number): Uint8Array {
  return Uint8Array.of(view.getUint8(byteOffset));
}
function runChar(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = Uint8Array.of(view.getUint8(byteOffset + j));
}
function packChar(view: DataView, byteOffset: number, value: unknown): void {
  if (!(value instanceof Uint8Array) || value.length !== 1) {
    // struct words both alike; memoryview's pack_single tells them apart.
    const kind = value instanceof Uint8Array ? "char-length" : "type";
    throw new StructError("char format requires a bytes object of length 1", { kind });
  }
  view.setUint8(byteOffset, value[0]!);
}

function getBool(view: DataView, byteOffset: number): boolean {
  return view.getUint8(byteOffset) !== 0;
}
function runBool(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getUint8(byteOffset + j) !== 0;
}
function packBool(view: DataView, byteOffset: number, value: unknown): void {
  view.setUint8(byteOffset, isPythonTrue(value) ? 1 : 0);
}

/**
 * The row of `c`: a `bytes` of length 1 (`np_char`), read as a fresh
 * one-byte `Uint8Array` (`nu_char`).
 *
 * @example
 * ```ts
 * charRow().size; // returns 1
 * ```
 */
export function charRow(): Row {
  return { char: "c", size: 1, align: 0, littleEndian: true, unpack: getChar, unpackRun: runChar, packKey: "c" };
}

/**
 * The row of `?`: Python's truth value of anything (`np_bool`,
 * `PyObject_IsTrue`), read as true for any non-zero byte.
 *
 * @example
 * ```ts
 * boolRow(0).size; // returns 1
 * ```
 */
export function boolRow(align: number): Row {
  return { char: "?", size: 1, align, littleEndian: true, unpack: getBool, unpackRun: runBool, packKey: "?" };
}

/** The bytes of `view` from `byteOffset`, `byteLength` long, without copying. */
function bytesAt(view: DataView, byteOffset: number, byteLength: number): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset + byteOffset, byteLength);
}

/**
 * An `s` field of `size` bytes, as a fresh copy.
 *
 * @example
 * ```ts
 * readBytes(new DataView(new Uint8Array([1, 2, 3]).buffer), 1, 2); // returns new Uint8Array([2, 3])
 * ```
 */
export function readBytes(view: DataView, byteOffset: number, size: number): Uint8Array {
  return bytesAt(view, byteOffset, size).slice();
}

/**
 * Writes a `bytes` into an `s` field of `size` bytes, truncated; the bytes
 * after it stay as they are (zero after `pack`'s `memset`).
 *
 * @example
 * ```ts
 * const u = new Uint8Array(3); writeBytes(new DataView(u.buffer), 0, 3, new Uint8Array([7])); u[0]; // returns 7
 * ```
 */
export function writeBytes(view: DataView, byteOffset: number, size: number, value: unknown): void {
  if (!(value instanceof Uint8Array)) throw new StructError("argument for 's' must be a bytes object", { kind: "type" });
  const n = Math.min(value.length, size);
  if (n > 0) bytesAt(view, byteOffset, n).set(value.subarray(0, n));
}

/**
 * A `p` field of `size` bytes: the count byte, capped at `size - 1`, then that
 * many bytes (`s_unpack_internal()`). A `0p` field reads as empty.
 *
 * @example
 * ```ts
 * readPascal(new DataView(new Uint8Array([9, 65, 66]).buffer), 0, 3); // returns new Uint8Array([65, 66])
 * ```
 */
export function readPascal(view: DataView, byteOffset: number, size: number): Uint8Array {
  if (size === 0) return new Uint8Array(0);
  let n = view.getUint8(byteOffset);
  if (n >= size) n = size - 1;
  return bytesAt(view, byteOffset + 1, n).slice();
}

/**
 * Writes a `bytes` into a `p` field of `size` bytes: at most `size - 1` bytes
 * after a count byte capped at 255 (`s_pack_internal()`). A `0p` field writes
 * nothing here: CPython's stray count byte lands where the next field (or the
 * end of the struct) begins, and is a 0 over the zeroed struct.
 *
 * @example
 * ```ts
 * const u = new Uint8Array(3); writePascal(new DataView(u.buffer), 0, 3, new Uint8Array([1, 2, 3])); u; // returns new Uint8Array([2, 1, 2])
 * ```
 */
export function writePascal(view: DataView, byteOffset: number, size: number, value: unknown): void {
  if (!(value instanceof Uint8Array)) throw new StructError("argument for 'p' must be a bytes object", { kind: "type" });
  if (size === 0) return;
  let n = value.length;
  if (n > size - 1) n = size - 1;
  if (n > 0) bytesAt(view, byteOffset + 1, n).set(value.subarray(0, n));
  view.setUint8(byteOffset, Math.min(n, 255));
}

function getBytesField(view: DataView, byteOffset: number, row: Row): Uint8Array {
  return readBytes(view, byteOffset, row.size);
}
function runBytesField(view: DataView, byteOffset: number, _count: number, out: StructValue[], k: number, row: Row): void {
  out[k] = readBytes(view, byteOffset, row.size);
}
function packBytesField(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  writeBytes(view, byteOffset, row.size, value);
}
function getPascalField(view: DataView, byteOffset: number, row: Row): Uint8Array {
  return readPascal(view, byteOffset, row.size);
}
function runPascalField(view: DataView, byteOffset: number, _count: number, out: StructValue[], k: number, row: Row): void {
  out[k] = readPascal(view, byteOffset, row.size);
}
function packPascalField(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  writePascal(view, byteOffset, row.size, value);
}

/**
 * The row of one whole `s` or `p` field of `size` bytes, for the loops: its
 * functions read and write the field, with the length taken from the row.
 *
 * @example
 * ```ts
 * stringFieldRow("s", 3).unpack(new DataView(new Uint8Array([1, 2, 3, 4]).buffer), 1, stringFieldRow("s", 3)); // returns new Uint8Array([2, 3, 4])
 * ```
 */
export function stringFieldRow(char: "s" | "p", size: number): Row {
  return Object.freeze(
    char === "s"
      ? { char, size, align: 0, littleEndian: true, unpack: getBytesField, unpackRun: runBytesField, packKey: "s" }
      : { char, size, align: 0, littleEndian: true, unpack: getPascalField, unpackRun: runPascalField, packKey: "p" },
  );
}

/**
 * The pack function of each byte row by its pack key: `c`, `?`, and the
 * whole `s` and `p` fields of {@link stringFieldRow}. Apart from the rows,
 * so that a program that only reads carries none of them.
 *
 * @example
 * ```ts
 * BYTE_PACKERS.c.name; // returns "packChar"
 * ```
 */
export const BYTE_PACKERS: Readonly<Record<"c" | "?" | "s" | "p", PackFn>> = {
  c: packChar,
  "?": packBool,
  s: packBytesField,
  p: packPascalField,
};
