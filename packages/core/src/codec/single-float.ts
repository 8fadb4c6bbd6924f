/**
 * The rounding of a double to a C float as `PyFloat_Pack4` does it, shared by
 * the checked `f` row and the checked halves of the `F` row.
 *
 * @packageDocumentation
 */

import { floatOverflowError, intTooLargeError } from "./range-error.js";

/**
 * `x` rounded to single precision, or the error `PyFloat_Pack4` raises when a
 * finite `x` rounds to infinity: `OverflowError`, or, when the packed `value`
 * was a Python `int` (a `bigint`), the `StructError("int too large to
 * convert")` that `s_pack_internal()` turns it into. Infinities and NaN pass.
 *
 * @param x - the value as a double
 * @param value - the value the caller was given, which decides the error
 * @returns `Math.fround(x)`
 *
 * @example
 * ```ts
 * checkedSingle(1.5, 1.5); // returns 1.5
 * ```
 * @example
 * ```ts
 * checkedSingle(1e39, 1e39); // throws OverflowError "float too large to pack with f format"
 * ```
 */
export function checkedSingle(x: number, value: unknown): number {
  const y = Math.fround(x);
  if ((y === Infinity || y === -Infinity) && !Number.isNaN(x) && x !== y) {
    throw typeof value === "bigint" ? intTooLargeError() : floatOverflowError("f");
  }
  return y;
}
