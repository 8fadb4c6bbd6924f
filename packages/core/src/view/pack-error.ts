/**
 * Codec errors become view errors here, and nowhere else: CPython's
 * `fix_error_int` (`Objects/memoryobject.c`). A value of the wrong type is a
 * `TypeError` "memoryview: invalid type for format '…'"; a value out of
 * range is a `ValueError` "memoryview: invalid value for format '…'".
 *
 * The codec speaks struct's language, where both kinds are `struct.error`;
 * memoryview tells them apart by where the conversion failed
 * (`PyNumber_Index` and `PyFloat_AsDouble` raise `TypeError`, range checks
 * `ValueError`). Here the struct messages that report a value of the wrong
 * type are the `TypeError` ones; a byte string of the wrong length for `c`,
 * and an int too large for a double for `e f d` (`PyFloat_AsDouble`'s
 * OverflowError), are `ValueError`s, as in `pack_single`.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import { isCharLengthError } from "../codec/byte-rows.js";
import { isFloatOverflowError } from "../codec/float-arg.js";

// struct's messages for a value of the wrong type (Modules/_struct.c).
const TYPE_MESSAGES = new Set([
  "required argument is not an integer",
  "required argument is not a float",
  "argument for 's' must be a bytes object",
  "argument for 'p' must be a bytes object",
]);
const CHAR_MESSAGE = "char format requires a bytes object of length 1";

function isTypeMismatch(error: Error, value: unknown): boolean {
  if (error.name === "TypeError") return true;
  if (error.name !== "StructError") return false;
  // The value may be a whole item of several fields: the row itself knows
  // whether a float field got an int too large for a double (OverflowError
  // in PyFloat_AsDouble), or the `c` field bytes of the wrong length.
  if (TYPE_MESSAGES.has(error.message)) return !isFloatOverflowError(error);
  return error.message === CHAR_MESSAGE && !(value instanceof Uint8Array) && !isCharLengthError(error);
}

/**
 * The view error for an error the codec threw while packing `value` into
 * `format`.
 *
 * @param format - the view's format, quoted in the message
 * @param error - what the codec threw
 * @param value - the value being packed
 * @returns the error to throw instead (the codec's error is its `cause`);
 *   anything that is not a packing error, unchanged
 *
 * @example
 * ```ts
 * packError("B", new StructError("ubyte format requires 0 <= number <= 255"), 256).message; // returns "memoryview: invalid value for format 'B'"
 * ```
 * @example
 * ```ts
 * packError("B", new StructError("required argument is not an integer"), "x").name; // returns "TypeError"
 * ```
 * @example
 * ```ts
 * packError("c", new StructError("char format requires a bytes object of length 1"), new Uint8Array(2)).name; // returns "ValueError"
 * ```
 * @example
 * ```ts
 * const other = new RangeError("x");
 * packError("d", other, 1) === other; // returns true
 * ```
 */
export function packError(format: string, error: unknown, value: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (isTypeMismatch(error, value)) {
    return new TypeError(`memoryview: invalid type for format '${format}'`, { cause: error });
  }
  if (error.name === "StructError" || error.name === "OverflowError" || error.name === "ValueError") {
    return new ValueError(`memoryview: invalid value for format '${format}'`, { cause: error });
  }
  return error;
}
