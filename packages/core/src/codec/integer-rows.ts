/**
 * Rows for the integer codes `b B h H i I l L q Q n N P`.
 *
 * Each packer accepts what `get_pylong()` accepts ({@link integerArg}) and
 * refuses a value outside its row's range with `_range_error()`'s words
 * ({@link rangeError}). Native `P` (`np_void_p`) accepts -2**63 … 2**64-1, as
 * `PyLong_AsVoidPtr` does on a 64-bit platform, stores negatives in two's
 * complement, reads back unsigned, and fails with "int too large to convert".
 *
 * The big-endian 8-byte rows (`bp_longlong`, `bp_ulonglong`) convert with
 * `_PyLong_AsByteArray`, which writes the low 8 bytes of the integer before it
 * finds that it overflows (an unsigned row refuses a negative one before
 * writing): `pack_into` leaves those bytes behind when it fails. The
 * little-endian rows use the native functions on this platform, which check
 * first, and leave nothing.
 *
 * @packageDocumentation
 */

import { integerArg } from "./integer-arg.js";
import { intTooLargeError, rangeError } from "./range-error.js";
import type { PackFn, Row, UnpackFn, UnpackRunFn } from "./row.js";
import type { StructValue } from "./struct-value.js";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** An integer argument as a bigint (`get_pylong`): "required argument is not an integer" otherwise. */
function bigIntegerArg(value: unknown): bigint {
  const x = integerArg(value);
  return typeof x === "bigint" ? x : BigInt(x);
}

// ---- readers -------------------------------------------------------------

function getI8(view: DataView, byteOffset: number): number {
  return view.getInt8(byteOffset);
}
function getU8(view: DataView, byteOffset: number): number {
  return view.getUint8(byteOffset);
}
function getI16LE(view: DataView, byteOffset: number): number {
  return view.getInt16(byteOffset, true);
}
function getI16BE(view: DataView, byteOffset: number): number {
  return view.getInt16(byteOffset, false);
}
function getU16LE(view: DataView, byteOffset: number): number {
  return view.getUint16(byteOffset, true);
}
function getU16BE(view: DataView, byteOffset: number): number {
  return view.getUint16(byteOffset, false);
}
function getI32LE(view: DataView, byteOffset: number): number {
  return view.getInt32(byteOffset, true);
}
function getI32BE(view: DataView, byteOffset: number): number {
  return view.getInt32(byteOffset, false);
}
function getU32LE(view: DataView, byteOffset: number): number {
  return view.getUint32(byteOffset, true);
}
function getU32BE(view: DataView, byteOffset: number): number {
  return view.getUint32(byteOffset, false);
}
function getI64LE(view: DataView, byteOffset: number): bigint {
  return view.getBigInt64(byteOffset, true);
}
function getI64BE(view: DataView, byteOffset: number): bigint {
  return view.getBigInt64(byteOffset, false);
}
function getU64LE(view: DataView, byteOffset: number): bigint {
  return view.getBigUint64(byteOffset, true);
}
function getU64BE(view: DataView, byteOffset: number): bigint {
  return view.getBigUint64(byteOffset, false);
}

// ---- run readers ---------------------------------------------------------

function runI8(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getInt8(byteOffset + j);
}
function runU8(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getUint8(byteOffset + j);
}
function runI16LE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getInt16(byteOffset + 2 * j, true);
}
function runI16BE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getInt16(byteOffset + 2 * j, false);
}
function runU16LE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getUint16(byteOffset + 2 * j, true);
}
function runU16BE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getUint16(byteOffset + 2 * j, false);
}
function runI32LE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getInt32(byteOffset + 4 * j, true);
}
function runI32BE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getInt32(byteOffset + 4 * j, false);
}
function runU32LE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getUint32(byteOffset + 4 * j, true);
}
function runU32BE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getUint32(byteOffset + 4 * j, false);
}
function runI64LE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getBigInt64(byteOffset + 8 * j, true);
}
function runI64BE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getBigInt64(byteOffset + 8 * j, false);
}
function runU64LE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getBigUint64(byteOffset + 8 * j, true);
}
function runU64BE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getBigUint64(byteOffset + 8 * j, false);
}

// ---- packers -------------------------------------------------------------

function packI8(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  const x = typeof value === "number" && (value | 0) === value ? value : integerArg(value);
  if (x < -128 || x > 127) throw rangeError(row.char, 1, true);
  view.setInt8(byteOffset, Number(x));
}
function packU8(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  const x = typeof value === "number" && (value | 0) === value ? value : integerArg(value);
  if (x < 0 || x > 255) throw rangeError(row.char, 1, false);
  view.setUint8(byteOffset, Number(x));
}
function packI16(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  const x = typeof value === "number" && (value | 0) === value ? value : integerArg(value);
  if (x < -32768 || x > 32767) throw rangeError(row.char, 2, true);
  view.setInt16(byteOffset, Number(x), row.littleEndian);
}
function packU16(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  const x = typeof value === "number" && (value | 0) === value ? value : integerArg(value);
  if (x < 0 || x > 65535) throw rangeError(row.char, 2, false);
  view.setUint16(byteOffset, Number(x), row.littleEndian);
}
function packI32(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  if (typeof value === "number" && (value | 0) === value) {
    view.setInt32(byteOffset, value, row.littleEndian);
    return;
  }
  const x = integerArg(value);
  if (x < -2147483648 || x > 2147483647) throw rangeError(row.char, 4, true);
  view.setInt32(byteOffset, Number(x), row.littleEndian);
}
function packU32(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  if (typeof value === "number" && value >>> 0 === value) {
    view.setUint32(byteOffset, value, row.littleEndian);
    return;
  }
  const x = integerArg(value);
  if (x < 0 || x > 4294967295) throw rangeError(row.char, 4, false);
  view.setUint32(byteOffset, Number(x), row.littleEndian);
}
function packI64(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  if (typeof value === "number" && Number.isSafeInteger(value)) {
    view.setBigInt64(byteOffset, BigInt(value), row.littleEndian);
    return;
  }
  const x = bigIntegerArg(value);
  if (x < INT64_MIN || x > INT64_MAX) {
    // bp_longlong: _PyLong_AsByteArray has written the low 8 bytes already.
    if (!row.littleEndian) view.setBigUint64(byteOffset, BigInt.asUintN(64, x), false);
    throw rangeError(row.char, 8, true);
  }
  view.setBigInt64(byteOffset, x, row.littleEndian);
}
function packU64(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    view.setBigUint64(byteOffset, BigInt(value), row.littleEndian);
    return;
  }
  const x = bigIntegerArg(value);
  if (x < 0n || x > UINT64_MAX) {
    // bp_ulonglong: the low 8 bytes of a non-negative integer are written first.
    if (!row.littleEndian && x >= 0n) view.setBigUint64(byteOffset, BigInt.asUintN(64, x), false);
    throw rangeError(row.char, 8, false);
  }
  view.setBigUint64(byteOffset, x, row.littleEndian);
}
function packPointer(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  const x = typeof value === "number" && Number.isSafeInteger(value) ? BigInt(value) : bigIntegerArg(value);
  if (x < INT64_MIN || x > UINT64_MAX) throw intTooLargeError();
  view.setBigUint64(byteOffset, BigInt.asUintN(64, x), row.littleEndian);
}

type Kind = "i1" | "u1" | "i2" | "u2" | "i4" | "u4" | "i8" | "u8";

const READERS: Record<Kind, [UnpackFn, UnpackFn, UnpackRunFn, UnpackRunFn]> = {
  i1: [getI8, getI8, runI8, runI8],
  u1: [getU8, getU8, runU8, runU8],
  i2: [getI16LE, getI16BE, runI16LE, runI16BE],
  u2: [getU16LE, getU16BE, runU16LE, runU16BE],
  i4: [getI32LE, getI32BE, runI32LE, runI32BE],
  u4: [getU32LE, getU32BE, runU32LE, runU32BE],
  i8: [getI64LE, getI64BE, runI64LE, runI64BE],
  u8: [getU64LE, getU64BE, runU64LE, runU64BE],
};

/**
 * The pack function of each integer row by its pack key (the same for both
 * byte orders: each reads the order from its row). Apart from the rows, so
 * that a program that only reads carries none of them.
 *
 * @example
 * ```ts
 * INTEGER_PACKERS.i2.name; // returns "packI16"
 * ```
 */
export const INTEGER_PACKERS: Readonly<Record<Kind | "P", PackFn>> = {
  i1: packI8,
  u1: packU8,
  i2: packI16,
  u2: packU16,
  i4: packI32,
  u4: packU32,
  i8: packI64,
  u8: packU64,
  P: packPointer,
};

/**
 * The row of integer code `char`: `size` bytes, signed or not, aligned to
 * `align` (0 for none), little- or big-endian. `pointer` selects native `P`.
 *
 * @example
 * ```ts
 * integerRow("h", 2, true, 0, true).size; // returns 2
 * ```
 */
export function integerRow(
  char: string,
  size: 1 | 2 | 4 | 8,
  signed: boolean,
  align: number,
  littleEndian: boolean,
  pointer = false,
): Row {
  const kind = `${signed ? "i" : "u"}${size}` as Kind;
  const [le, be, runLE, runBE] = READERS[kind];
  return {
    char,
    size,
    align,
    littleEndian,
    unpack: littleEndian ? le : be,
    unpackRun: littleEndian ? runLE : runBE,
    packKey: pointer ? "P" : kind,
  };
}
