/**
 * The type codes of `array.array` (CPython 3.14 `Modules/arraymodule.c`,
 * the `descriptors` table): one row per code with its item size, the
 * `format` its exports carry, and how a Python value is converted, stored
 * and read back.
 *
 * Sizes are CPython's on 64-bit Linux: `l`/`L` are 8 bytes (C `long`), and
 * `u` is `wchar_t`, 4 bytes. `u` and `w` both hold one code point per item
 * and both export format `"w"` (CPython defines `Py_UNICODE_WIDE` where
 * `wchar_t` is 4 bytes and then reports `u` arrays as `"w"`). Memory is
 * native-endian, as in C.
 *
 * Values follow SPEC §2: 1- to 4-byte integers are `number`, 8-byte
 * ones (`l L q Q`) `bigint`, `f d` `number`, `u w` one-character strings.
 *
 * @packageDocumentation
 */
import { OverflowError, ValueError, pythonTypeName } from "@mv/core";
import { asCLong, asCLongLong, asCUnsignedLong, asCUnsignedLongLong, checkRange } from "./c-integers.js";

/** What an array item reads as. */
export type ArrayItem = number | bigint | string;

/** One row of the type code table. */
export interface Typecode {
  /** The type code (`array.typecode`). */
  readonly code: string;
  /** Bytes per item (`array.itemsize`). */
  readonly itemsize: number;
  /** The struct format of its exports. */
  readonly format: string;
  /** Integers, floats or code points. */
  readonly kind: "int" | "float" | "unicode";
  /** A Python value as the number stored, or CPython's TypeError/OverflowError. */
  readonly convert: (value: unknown) => number | bigint;
  /** Reads the item at `byteOffset`. */
  readonly read: (view: DataView, byteOffset: number) => ArrayItem;
  /** Stores a converted value at `byteOffset`. */
  readonly write: (view: DataView, byteOffset: number, value: number | bigint) => void;
}

const LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function asDouble(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") {
    const x = Number(value);
    if (!Number.isFinite(x)) throw new OverflowError("int too large to convert to float");
    return x;
  }
  throw new TypeError(`must be real number, not ${pythonTypeName(value)}`);
}

function asCodePoint(value: unknown): number {
  if (typeof value !== "string") {
    throw new TypeError(`array item must be a unicode character, not ${pythonTypeName(value)}`);
  }
  const chars = [...value];
  if (chars.length !== 1) {
    throw new TypeError(`array item must be a unicode character, not a string of length ${chars.length}`);
  }
  return value.codePointAt(0) as number;
}

function readCodePoint(view: DataView, byteOffset: number): string {
  const code = view.getInt32(byteOffset, LE);
  // PyUnicode_FromOrdinal's check: raw bytes can hold any 32-bit value.
  if (code < 0 || code > 0x10ffff) throw new ValueError("chr() arg not in range(0x110000)");
  return String.fromCodePoint(code);
}

const SHORT = "signed short integer";
const INT = "signed integer";

function row(
  code: string,
  itemsize: number,
  kind: Typecode["kind"],
  convert: Typecode["convert"],
  read: Typecode["read"],
  write: Typecode["write"],
  format = code,
): Typecode {
  return Object.freeze({ code, itemsize, format, kind, convert, read, write });
}

// biome-ignore format: a table, one row per line
const ROWS: readonly Typecode[] = [
  // 'b' parses as 'h' (a short), then checks the signed char range.
  row("b", 1, "int",
    (v) => Number(checkRange(checkRange(asCLong(v), -32768n, 32767n, SHORT), -128n, 127n, "signed char")),
    (dv, o) => dv.getInt8(o),
    (dv, o, x) => dv.setInt8(o, Number(x))),
  row("B", 1, "int",
    (v) => Number(checkRange(asCLong(v), 0n, 255n, "unsigned byte integer")),
    (dv, o) => dv.getUint8(o),
    (dv, o, x) => dv.setUint8(o, Number(x))),
  row("u", 4, "unicode", asCodePoint, readCodePoint,
    (dv, o, x) => dv.setInt32(o, Number(x), LE), "w"),
  row("w", 4, "unicode", asCodePoint, readCodePoint,
    (dv, o, x) => dv.setUint32(o, Number(x), LE)),
  row("h", 2, "int",
    (v) => Number(checkRange(asCLong(v), -32768n, 32767n, SHORT)),
    (dv, o) => dv.getInt16(o, LE),
    (dv, o, x) => dv.setInt16(o, Number(x), LE)),
  // 'H' parses as 'i' (an int), then checks the unsigned short range.
  row("H", 2, "int",
    (v) => Number(checkRange(checkRange(asCLong(v), -(2n ** 31n), 2n ** 31n - 1n, INT), 0n, 65535n, "unsigned short")),
    (dv, o) => dv.getUint16(o, LE),
    (dv, o, x) => dv.setUint16(o, Number(x), LE)),
  row("i", 4, "int",
    (v) => Number(checkRange(asCLong(v), -(2n ** 31n), 2n ** 31n - 1n, INT)),
    (dv, o) => dv.getInt32(o, LE),
    (dv, o, x) => dv.setInt32(o, Number(x), LE)),
  row("I", 4, "int",
    (v) => Number(checkRange(asCUnsignedLong(v), 0n, 2n ** 32n - 1n, "unsigned int")),
    (dv, o) => dv.getUint32(o, LE),
    (dv, o, x) => dv.setUint32(o, Number(x), LE)),
  row("l", 8, "int", asCLong,
    (dv, o) => dv.getBigInt64(o, LE),
    (dv, o, x) => dv.setBigInt64(o, BigInt(x), LE)),
  row("L", 8, "int", asCUnsignedLong,
    (dv, o) => dv.getBigUint64(o, LE),
    (dv, o, x) => dv.setBigUint64(o, BigInt(x), LE)),
  row("q", 8, "int", asCLongLong,
    (dv, o) => dv.getBigInt64(o, LE),
    (dv, o, x) => dv.setBigInt64(o, BigInt(x), LE)),
  row("Q", 8, "int", asCUnsignedLongLong,
    (dv, o) => dv.getBigUint64(o, LE),
    (dv, o, x) => dv.setBigUint64(o, BigInt(x), LE)),
  row("f", 4, "float", asDouble,
    (dv, o) => dv.getFloat32(o, LE),
    (dv, o, x) => dv.setFloat32(o, Number(x), LE)),
  row("d", 8, "float", asDouble,
    (dv, o) => dv.getFloat64(o, LE),
    (dv, o, x) => dv.setFloat64(o, Number(x), LE)),
];

const BY_CODE = new Map(ROWS.map((r) => [r.code, r]));

/**
 * The type codes, in CPython's order.
 *
 * @example
 * ```ts
 * TYPECODES; // returns "bBuwhHiIlLqQfd"
 * ```
 */
export const TYPECODES: string = ROWS.map((r) => r.code).join("");

/**
 * The row of `code`, or `undefined` for an unknown code.
 *
 * @example
 * ```ts
 * typecodeRow("l")?.itemsize; // returns 8
 * typecodeRow("u")?.format; // returns "w"
 * typecodeRow("z"); // returns undefined
 * ```
 */
export function typecodeRow(code: string): Typecode | undefined {
  return BY_CODE.get(code);
}
