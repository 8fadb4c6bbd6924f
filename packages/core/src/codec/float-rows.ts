/**
 * Rows for the float codes `e f d`.
 *
 * `d` never overflows. `e` goes through `PyFloat_Pack2` in every mode and `f`
 * through `PyFloat_Pack4` in the standard modes, and both raise
 * `OverflowError` for a finite float that rounds to infinity; native `f`
 * (`np_float`) is a plain C cast, which gives ±inf instead. When the value was
 * a Python `int` (a `bigint`), `s_pack_internal()` turns that `OverflowError`
 * into `StructError("int too large to convert")`.
 *
 * @packageDocumentation
 */

import { floatArg } from "./float-arg.js";
import { HALF_OVERFLOW, halfBitsFromNumber, numberFromHalfBits } from "./half-float.js";
import { floatOverflowError, intTooLargeError } from "./range-error.js";
import type { PackFn, Row } from "./row.js";
import { checkedSingle } from "./single-float.js";
import type { StructValue } from "./struct-value.js";

function getF16LE(view: DataView, byteOffset: number): number {
  return numberFromHalfBits(view.getUint16(byteOffset, true));
}
function getF16BE(view: DataView, byteOffset: number): number {
  return numberFromHalfBits(view.getUint16(byteOffset, false));
}
function getF32LE(view: DataView, byteOffset: number): number {
  return view.getFloat32(byteOffset, true);
}
function getF32BE(view: DataView, byteOffset: number): number {
  return view.getFloat32(byteOffset, false);
}
function getF64LE(view: DataView, byteOffset: number): number {
  return view.getFloat64(byteOffset, true);
}
function getF64BE(view: DataView, byteOffset: number): number {
  return view.getFloat64(byteOffset, false);
}

function runF16(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number, row: Row): void {
  for (let j = 0; j < count; j++) out[k + j] = numberFromHalfBits(view.getUint16(byteOffset + 2 * j, row.littleEndian));
}
function runF32LE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getFloat32(byteOffset + 4 * j, true);
}
function runF32BE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getFloat32(byteOffset + 4 * j, false);
}
function runF64LE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getFloat64(byteOffset + 8 * j, true);
}
function runF64BE(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number): void {
  for (let j = 0; j < count; j++) out[k + j] = view.getFloat64(byteOffset + 8 * j, false);
}

function packF16(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  const bits = halfBitsFromNumber(floatArg(value));
  if (bits === HALF_OVERFLOW) throw typeof value === "bigint" ? intTooLargeError() : floatOverflowError("e");
  view.setUint16(byteOffset, bits, row.littleEndian);
}
/** `PyFloat_Pack4`: a finite value that rounds to infinity overflows. */
function packF32Checked(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  const x = typeof value === "number" ? value : floatArg(value);
  view.setFloat32(byteOffset, checkedSingle(x, value), row.littleEndian);
}
/** `np_float`: a C cast. */
function packF32Cast(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  view.setFloat32(byteOffset, typeof value === "number" ? value : floatArg(value), row.littleEndian);
}
function packF64(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  view.setFloat64(byteOffset, typeof value === "number" ? value : floatArg(value), row.littleEndian);
}

/**
 * The row of the half float `e`.
 *
 * @example
 * ```ts
 * halfFloatRow(2, true).size; // returns 2
 * ```
 */
export function halfFloatRow(align: number, littleEndian: boolean): Row {
  return {
    char: "e",
    size: 2,
    align,
    littleEndian,
    unpack: littleEndian ? getF16LE : getF16BE,
    unpackRun: runF16,
    packKey: "e",
  };
}

/**
 * The row of the single float `f`; `checked` is false for native `f`, whose
 * C cast turns an overflow into ±inf.
 *
 * @example
 * ```ts
 * singleFloatRow(0, true, true).size; // returns 4
 * ```
 */
export function singleFloatRow(align: number, littleEndian: boolean, checked: boolean): Row {
  return {
    char: "f",
    size: 4,
    align,
    littleEndian,
    unpack: littleEndian ? getF32LE : getF32BE,
    unpackRun: littleEndian ? runF32LE : runF32BE,
    packKey: checked ? "fChecked" : "fCast",
  };
}

/**
 * The row of the double `d`.
 *
 * @example
 * ```ts
 * doubleFloatRow(8, true).align; // returns 8
 * ```
 */
export function doubleFloatRow(align: number, littleEndian: boolean): Row {
  return {
    char: "d",
    size: 8,
    align,
    littleEndian,
    unpack: littleEndian ? getF64LE : getF64BE,
    unpackRun: littleEndian ? runF64LE : runF64BE,
    packKey: "d",
  };
}

/**
 * The pack function of each float row by its pack key. Apart from the rows,
 * so that a program that only reads carries none of them.
 *
 * @example
 * ```ts
 * FLOAT_PACKERS.fChecked.name; // returns "packF32Checked"
 * ```
 */
export const FLOAT_PACKERS: Readonly<Record<"e" | "fCast" | "fChecked" | "d", PackFn>> = {
  e: packF16,
  fCast: packF32Cast,
  fChecked: packF32Checked,
  d: packF64,
};
