/**
 * Python's `operator.index()` (`PyNumber_Index`) and `PyNumber_AsSsize_t`
 * for JavaScript values.
 *
 * An integral `number`, a `bigint` and a `boolean` (Python's `bool` is an
 * `int`) are integers; everything else is refused with CPython's message
 * "'float' object cannot be interpreted as an integer".
 *
 * @packageDocumentation
 */
import { OverflowError, pythonTypeName } from "@mv/core";

/**
 * The largest `Py_ssize_t` on a 64-bit platform.
 *
 * @example
 * ```ts
 * PY_SSIZE_T_MAX; // returns 2n ** 63n - 1n
 * ```
 */
export const PY_SSIZE_T_MAX = 2n ** 63n - 1n;
/**
 * The smallest `Py_ssize_t` on a 64-bit platform.
 *
 * @example
 * ```ts
 * PY_SSIZE_T_MIN; // returns -(2n ** 63n)
 * ```
 */
export const PY_SSIZE_T_MIN = -(2n ** 63n);

/**
 * Whether `value` is a Python integer (`PyIndex_Check`): an integral number,
 * a bigint or a boolean.
 *
 * @example
 * ```ts
 * isIndex(3); // returns true
 * isIndex(3n); // returns true
 * isIndex(1.5); // returns false
 * isIndex("3"); // returns false
 * ```
 */
export function isIndex(value: unknown): value is number | bigint | boolean {
  return (typeof value === "number" && Number.isInteger(value)) || typeof value === "bigint" || typeof value === "boolean";
}

/**
 * `PyNumber_Index`: the exact integer value of `value` as a bigint, or a
 * `TypeError` worded like CPython's.
 *
 * @example
 * ```ts
 * asIndex(-2); // returns -2n
 * asIndex(true); // returns 1n
 * asIndex(1.5); // throws TypeError "'float' object cannot be interpreted as an integer"
 * ```
 */
export function asIndex(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value === "boolean") return value ? 1n : 0n;
  throw new TypeError(`'${pythonTypeName(value)}' object cannot be interpreted as an integer`);
}

/**
 * `PyNumber_AsSsize_t(value, exc)`: the integer as a `number`. Where it does
 * not fit a `Py_ssize_t`, a given error class is thrown with CPython's
 * "cannot fit 'int' into an index-sized integer"; without one the value is
 * clipped to the `Py_ssize_t` range, as CPython does for slice indices.
 *
 * @param value - the index
 * @param overflow - the error class to throw on overflow, or omitted to clip
 *
 * @example
 * ```ts
 * asSsize(5); // returns 5
 * asSsize(2n ** 70n); // returns 2 ** 63
 * asSsize(2n ** 70n, IndexError); // throws IndexError "cannot fit 'int' into an index-sized integer"
 * ```
 */
export function asSsize(value: unknown, overflow?: new (message: string) => Error): number {
  if (typeof value === "number" && Number.isInteger(value)) {
    if (Math.abs(value) < 2 ** 63) return value === 0 ? 0 : value;
  }
  const big = asIndex(value);
  if (big > PY_SSIZE_T_MAX || big < PY_SSIZE_T_MIN) {
    if (overflow) {
      throw new overflow(`cannot fit '${pythonTypeName(value)}' into an index-sized integer`);
    }
    return Number(big > 0n ? PY_SSIZE_T_MAX : PY_SSIZE_T_MIN);
  }
  return Number(big);
}

/**
 * Argument Clinic's `Py_ssize_t` converter: an integer argument that must fit
 * a `Py_ssize_t`, else `OverflowError` "Python int too large to convert to C
 * ssize_t".
 *
 * @example
 * ```ts
 * asSsizeArg(-1); // returns -1
 * asSsizeArg(2n ** 63n); // throws OverflowError "Python int too large to convert to C ssize_t"
 * asSsizeArg("1"); // throws TypeError "'str' object cannot be interpreted as an integer"
 * ```
 */
export function asSsizeArg(value: unknown): number {
  const big = asIndex(value);
  if (big > PY_SSIZE_T_MAX || big < PY_SSIZE_T_MIN) {
    throw new OverflowError("Python int too large to convert to C ssize_t");
  }
  return Number(big);
}
