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
import type { Row } from "./row.js";

/**
 * The row of the half float `e`.
 *
 * @example
 * ```ts
 * halfFloatRow(2, true).size; // returns 2
 * ```
 */
export function halfFloatRow(align: number, littleEndian: boolean): Row {
  const le = littleEndian;
  return {
    char: "e",
    size: 2,
    align,
    littleEndian,
    unpack: (view, byteOffset) => numberFromHalfBits(view.getUint16(byteOffset, le)),
    unpackRun: (view, byteOffset, count, out, outIndex) => {
      for (let j = 0; j < count; j++) out[outIndex + j] = numberFromHalfBits(view.getUint16(byteOffset + 2 * j, le));
    },
    pack: (view, byteOffset, value) => {
      const bits = halfBitsFromNumber(floatArg(value));
      if (bits === HALF_OVERFLOW) throw typeof value === "bigint" ? intTooLargeError() : floatOverflowError("e");
      view.setUint16(byteOffset, bits, le);
    },
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
  const le = littleEndian;
  return {
    char: "f",
    size: 4,
    align,
    littleEndian,
    unpack: (view, byteOffset) => view.getFloat32(byteOffset, le),
    unpackRun: (view, byteOffset, count, out, outIndex) => {
      for (let j = 0; j < count; j++) out[outIndex + j] = view.getFloat32(byteOffset + 4 * j, le);
    },
    pack: checked
      ? (view, byteOffset, value) => {
          const x = typeof value === "number" ? value : floatArg(value);
          const y = Math.fround(x);
          if ((y === Infinity || y === -Infinity) && x === x && x !== y) {
            throw typeof value === "bigint" ? intTooLargeError() : floatOverflowError("f");
          }
          view.setFloat32(byteOffset, y, le);
        }
      : (view, byteOffset, value) => {
          view.setFloat32(byteOffset, typeof value === "number" ? value : floatArg(value), le);
        },
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
  const le = littleEndian;
  return {
    char: "d",
    size: 8,
    align,
    littleEndian,
    unpack: (view, byteOffset) => view.getFloat64(byteOffset, le),
    unpackRun: (view, byteOffset, count, out, outIndex) => {
      for (let j = 0; j < count; j++) out[outIndex + j] = view.getFloat64(byteOffset + 8 * j, le);
    },
    pack: (view, byteOffset, value) => {
      view.setFloat64(byteOffset, typeof value === "number" ? value : floatArg(value), le);
    },
  };
}
