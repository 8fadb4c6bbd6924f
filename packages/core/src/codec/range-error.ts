/**
 * The wording of every out-of-range failure of the struct codec.
 *
 * CPython 3.14 words most of them in one helper, `_range_error()` in
 * `Modules/_struct.c`, which derives the bounds from the row's size and
 * signedness; the 8-byte rows (`np_longlong`, `lp_longlong`, …) print the same
 * bounds with `%lld`/`%llu`. Since gh-98248 (3.12) native and standard rows
 * say the same thing: 3.11's `"short format requires …"` and
 * `"argument out of range"` are gone. Two native cases keep other words:
 * `P`, whose `PyLong_AsVoidPtr` overflow `s_pack_internal()` turns into
 * `"int too large to convert"`, and an `e`/`f` overflow raised for a Python
 * `int`, which the same translation rewords. Floats that overflow `e` or `f`
 * raise `OverflowError` from `PyFloat_Pack2`/`PyFloat_Pack4`.
 *
 * @packageDocumentation
 */

import { OverflowError, StructError } from "../errors.js";
import { registerMemoCache } from "../memo-caches.js";

const boundsTexts = new Map<string, string>();
registerMemoCache(() => boundsTexts.clear());

/**
 * The `_range_error()` message for format character `char` of `size` bytes.
 *
 * @example
 * ```ts
 * rangeErrorMessage("h", 2, true); // returns "'h' format requires -32768 <= number <= 32767"
 * ```
 * @example
 * ```ts
 * rangeErrorMessage("Q", 8, false); // returns "'Q' format requires 0 <= number <= 18446744073709551615"
 * ```
 */
export function rangeErrorMessage(char: string, size: number, signed: boolean): string {
  const key = char + size + (signed ? "s" : "u");
  let text = boundsTexts.get(key);
  if (text === undefined) {
    const bits = BigInt(size * 8);
    text = signed
      ? `'${char}' format requires ${-(1n << (bits - 1n))} <= number <= ${(1n << (bits - 1n)) - 1n}`
      : `'${char}' format requires 0 <= number <= ${(1n << bits) - 1n}`;
    boundsTexts.set(key, text);
  }
  return text;
}

/**
 * The `StructError` for an integer outside the range of its row.
 *
 * @example
 * ```ts
 * rangeError("b", 1, true).message; // returns "'b' format requires -128 <= number <= 127"
 * ```
 */
export function rangeError(char: string, size: number, signed: boolean): StructError {
  return new StructError(rangeErrorMessage(char, size, signed), { kind: "range" });
}

/**
 * The `StructError` that `s_pack_internal()` raises when packing a Python
 * `int` failed with an `OverflowError`: native `P` out of range, or an `int`
 * too large for `e` or `f`.
 *
 * @example
 * ```ts
 * intTooLargeError().message; // returns "int too large to convert"
 * ```
 */
export function intTooLargeError(): StructError {
  return new StructError("int too large to convert", { kind: "range" });
}

/**
 * The `OverflowError` of `PyFloat_Pack2`/`PyFloat_Pack4` for a float beyond
 * the range of the half (`e`) or single (`f`) format.
 *
 * @example
 * ```ts
 * floatOverflowError("e").message; // returns "float too large to pack with e format"
 * ```
 */
export function floatOverflowError(char: "e" | "f"): OverflowError {
  return new OverflowError(`float too large to pack with ${char} format`);
}
