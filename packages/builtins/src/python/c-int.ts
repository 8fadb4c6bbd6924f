/**
 * Conversion of an argument to a C `int`, as Argument Clinic's `int`
 * converter does (`_PyLong_AsInt`): a Python integer within 32 bits, else
 * CPython's `OverflowError` "Python int too large to convert to C int".
 *
 * @packageDocumentation
 */
import { OverflowError } from "@mv/core";
import { asIndex } from "./as-index.js";

/**
 * `value` as a C `int`.
 *
 * @example
 * ```ts
 * asCInt(-2); // returns -2
 * asCInt(2 ** 31); // throws OverflowError "Python int too large to convert to C int"
 * asCInt(1.5); // throws TypeError "'float' object cannot be interpreted as an integer"
 * ```
 */
export function asCInt(value: unknown): number {
  const big = asIndex(value);
  if (big > 2147483647n || big < -2147483648n) {
    throw new OverflowError("Python int too large to convert to C int");
  }
  return Number(big);
}
