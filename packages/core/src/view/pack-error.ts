/**
 * Codec errors become view errors here, and nowhere else: CPython's
 * `fix_error_int` (`Objects/memoryobject.c`). A value of the wrong type is a
 * `TypeError` "memoryview: invalid type for format '…'"; a value out of
 * range is a `ValueError` "memoryview: invalid value for format '…'".
 *
 * The codec speaks struct's language, where both are `struct.error`, but
 * each of its refusals carries a {@link StructErrorKind}: memoryview's
 * `TypeError`s are the ones where the conversion itself failed
 * (`PyNumber_Index`, `PyFloat_AsDouble`: kind `"type"`, or a `TypeError` from
 * the field tree); a bytes object of the wrong length for `c` and an int too
 * large for a double (`"char-length"`, `"float-overflow"`) are `ValueError`s,
 * as in `pack_single`, like every range refusal.
 *
 * @packageDocumentation
 */

import { ValueError, type StructError } from "../errors.js";

/** Which of memoryview's two errors a refused value gets. */
export type PackRefusal = "type" | "value";

/** The view errors made here, and which of the two each is. */
const refusals = new WeakMap<object, PackRefusal>();

function refusalOf(error: Error): PackRefusal | null {
  switch (error.name) {
    case "TypeError":
      return "type";
    case "StructError":
      return (error as StructError).kind === "type" ? "type" : "value";
    case "OverflowError":
    case "ValueError":
      return "value";
    default:
      return null;
  }
}

/**
 * The view error for an error the codec threw while packing a value into
 * `format`.
 *
 * @param format - the view's format, quoted in the message
 * @param error - what the codec threw
 * @returns the error to throw instead (the codec's error is its `cause`);
 *   anything that is not a refusal of the value, unchanged
 *
 * @example
 * ```ts
 * packError("B", new StructError("ubyte format requires 0 <= number <= 255", { kind: "range" })).message; // returns "memoryview: invalid value for format 'B'"
 * ```
 * @example
 * ```ts
 * packError("B", new StructError("required argument is not an integer", { kind: "type" })).name; // returns "TypeError"
 * ```
 * @example
 * ```ts
 * packError("c", new StructError("char format requires a bytes object of length 1", { kind: "char-length" })).name; // returns "ValueError"
 * ```
 * @example
 * ```ts
 * const other = new RangeError("x");
 * packError("d", other) === other; // returns true
 * ```
 */
export function packError(format: string, error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const refusal = refusalOf(error);
  if (refusal === null) return error;
  const viewError =
    refusal === "type"
      ? new TypeError(`memoryview: invalid type for format '${format}'`, { cause: error })
      : new ValueError(`memoryview: invalid value for format '${format}'`, { cause: error });
  refusals.set(viewError, refusal);
  return viewError;
}

/**
 * Whether `error` is a view's refusal of a value it was asked to write
 * ("memoryview: invalid type/value for format '…'"), and which: `"type"`
 * for its `TypeError`, `"value"` for its `ValueError`, null for any other
 * error. `@mv/builtins` words the format its own way from this.
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(1));
 * let refusal; try { view.set(0, 256); } catch (error) { refusal = packRefusal(error); }
 * refusal; // returns "value"
 * ```
 * @example
 * ```ts
 * packRefusal(new TypeError("memoryview: invalid type for format 'B'")); // returns null
 * ```
 */
export function packRefusal(error: unknown): PackRefusal | null {
  return typeof error === "object" && error !== null ? (refusals.get(error) ?? null) : null;
}
