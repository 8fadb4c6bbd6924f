/**
 * Python 2.7's `PyArg_ParseTuple` format `n` (`Py_ssize_t`), which
 * `buffer()` uses for `offset` and `size` (`Python/getargs.c`,
 * `Objects/intobject.c`, `Objects/longobject.c` of 2.7). On LP64, where
 * `Py_ssize_t` is a `long`, `n` falls through to `l`: a float is refused by
 * `float_argument_error`, then `PyInt_AsLong` converts, and a `long` out of
 * range fails in `PyLong_AsLong` with "Python int too large to convert to C
 * long".
 *
 * @packageDocumentation
 */
import { OverflowError } from "@mv/core";

/**
 * `value` as a 2.7 `Py_ssize_t` argument.
 *
 * @example
 * ```ts
 * ssizeArg27(-1); // returns -1
 * ssizeArg27(1.5); // throws TypeError "integer argument expected, got float"
 * ssizeArg27("1"); // throws TypeError "an integer is required"
 * ssizeArg27(2n ** 63n); // throws OverflowError "Python int too large to convert to C long"
 * ```
 */
export function ssizeArg27(value: unknown): number {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new TypeError("integer argument expected, got float");
    value = BigInt(value);
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "bigint") throw new TypeError("an integer is required");
  if (value > 2n ** 63n - 1n || value < -(2n ** 63n)) {
    throw new OverflowError("Python int too large to convert to C long");
  }
  return Number(value);
}
