/**
 * Rows for CPython 3.14's complex codes `F` (float complex, two `f` halves)
 * and `D` (double complex, two `d` halves).
 *
 * A value is read as `{ real, imag }` (CONTRACT §2). Packing takes what
 * `PyComplex_AsCComplex` takes: that object, a `number` (a Python `float`),
 * a `bigint` or a `boolean` (a Python `int`), each with no imaginary part;
 * anything else, and an int beyond the double range, is
 * `StructError("required argument is not a complex")`.
 *
 * `D` never overflows. Native `F` (`np_float_complex`) casts each half to a
 * C float, so a finite value out of range becomes ±inf; the standard `F` of
 * the other byte order packs each half through `PyFloat_Pack4` and raises
 * `OverflowError` (or, for an int, `s_pack_internal()`'s
 * `StructError("int too large to convert")`). As `_structmodule_exec()` does,
 * the host-endian standard table takes the native functions for both codes
 * (see `table.ts`), so `<F` casts too on this platform.
 *
 * Both halves are converted and checked before either is written.
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";
import type { PackFn, Row } from "./row.js";
import { checkedSingle } from "./single-float.js";
import type { ComplexValue, StructValue } from "./struct-value.js";

const notComplex = (): StructError => new StructError("required argument is not a complex");

/** The halves as `PyComplex_AsCComplex` gives them, written into `out`. */
function complexParts(value: unknown, out: Float64Array): void {
  switch (typeof value) {
    case "number":
      out[0] = value;
      out[1] = 0;
      return;
    case "bigint": {
      const x = Number(value);
      if (x === Infinity || x === -Infinity) throw notComplex();
      out[0] = x;
      out[1] = 0;
      return;
    }
    case "boolean":
      out[0] = value ? 1 : 0;
      out[1] = 0;
      return;
    case "object": {
      if (value === null) break;
      // Each property is read once, real first (a getter may run).
      const real = (value as { real?: unknown }).real;
      const imag = (value as { imag?: unknown }).imag;
      if (typeof real !== "number" || typeof imag !== "number") break;
      out[0] = real;
      out[1] = imag;
      return;
    }
    default:
      break;
  }
  throw notComplex();
}

/**
 * `value` as the two doubles of a Python complex, or the `StructError` the
 * `F` and `D` codes raise.
 *
 * @example
 * ```ts
 * complexArg({ real: 1, imag: -2 }); // returns { real: 1, imag: -2 }
 * ```
 * @example
 * ```ts
 * complexArg(3n); // returns { real: 3, imag: 0 }
 * ```
 */
export function complexArg(value: unknown): ComplexValue {
  const parts = new Float64Array(2);
  complexParts(value, parts);
  return { real: parts[0]!, imag: parts[1]! };
}

const scratch = new Float64Array(2);

function getF32x2(view: DataView, byteOffset: number, row: Row): ComplexValue {
  return { real: view.getFloat32(byteOffset, row.littleEndian), imag: view.getFloat32(byteOffset + 4, row.littleEndian) };
}
function getF64x2(view: DataView, byteOffset: number, row: Row): ComplexValue {
  return { real: view.getFloat64(byteOffset, row.littleEndian), imag: view.getFloat64(byteOffset + 8, row.littleEndian) };
}
function runF32x2(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number, row: Row): void {
  for (let j = 0; j < count; j++) out[k + j] = getF32x2(view, byteOffset + 8 * j, row);
}
function runF64x2(view: DataView, byteOffset: number, count: number, out: StructValue[], k: number, row: Row): void {
  for (let j = 0; j < count; j++) out[k + j] = getF64x2(view, byteOffset + 16 * j, row);
}

/** `np_float_complex`: each half a C cast. */
function packF32x2Cast(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  complexParts(value, scratch);
  const re = scratch[0]!;
  const im = scratch[1]!;
  view.setFloat32(byteOffset, re, row.littleEndian);
  view.setFloat32(byteOffset + 4, im, row.littleEndian);
}
/** `lp_float_complex`/`bp_float_complex`: each half through `PyFloat_Pack4`. */
function packF32x2Checked(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  complexParts(value, scratch);
  const re = checkedSingle(scratch[0]!, value);
  const im = checkedSingle(scratch[1]!, value);
  view.setFloat32(byteOffset, re, row.littleEndian);
  view.setFloat32(byteOffset + 4, im, row.littleEndian);
}
function packF64x2(view: DataView, byteOffset: number, value: unknown, row: Row): void {
  complexParts(value, scratch);
  const re = scratch[0]!;
  const im = scratch[1]!;
  view.setFloat64(byteOffset, re, row.littleEndian);
  view.setFloat64(byteOffset + 8, im, row.littleEndian);
}

/**
 * The row of the float complex `F`; `checked` is false for native `F`, whose
 * C casts turn an overflow into ±inf.
 *
 * @example
 * ```ts
 * floatComplexRow(4, true, false).size; // returns 8
 * ```
 */
export function floatComplexRow(align: number, littleEndian: boolean, checked: boolean): Row {
  return {
    char: "F",
    size: 8,
    align,
    littleEndian,
    unpack: getF32x2,
    unpackRun: runF32x2,
    packKey: checked ? "FChecked" : "FCast",
  };
}

/**
 * The row of the double complex `D`.
 *
 * @example
 * ```ts
 * doubleComplexRow(8, true).size; // returns 16
 * ```
 */
export function doubleComplexRow(align: number, littleEndian: boolean): Row {
  return {
    char: "D",
    size: 16,
    align,
    littleEndian,
    unpack: getF64x2,
    unpackRun: runF64x2,
    packKey: "D",
  };
}

/**
 * The pack function of each complex row by its pack key. Apart from the
 * rows, so that a program that only reads carries none of them.
 *
 * @example
 * ```ts
 * COMPLEX_PACKERS.D.name; // returns "packF64x2"
 * ```
 */
export const COMPLEX_PACKERS: Readonly<Record<"FCast" | "FChecked" | "D", PackFn>> = {
  FCast: packF32x2Cast,
  FChecked: packF32x2Checked,
  D: packF64x2,
};
