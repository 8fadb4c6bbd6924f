/**
 * What an integer code accepts: CPython's `get_pylong()` in `Modules/_struct.c`.
 *
 * Python accepts an `int` (a `bool` is one) and refuses a `float`, even an
 * integral one, with `"required argument is not an integer"`. In JavaScript a
 * `bigint` or a `boolean` is such an `int`; a `number` stands for an `int`
 * when it is integral and for a `float` otherwise (1.5, NaN, ±Infinity).
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";

/**
 * `value` as an integer (`number` or `bigint`), or a `StructError`.
 *
 * @example
 * ```ts
 * integerArg(true); // returns 1
 * ```
 * @example
 * ```ts
 * integerArg(7n); // returns 7n
 * ```
 */
export function integerArg(value: unknown): number | bigint {
  switch (typeof value) {
    case "number":
      if (Number.isInteger(value)) return value;
      break;
    case "bigint":
      return value;
    case "boolean":
      return value ? 1 : 0;
    default:
      break;
  }
  throw new StructError("required argument is not an integer", { kind: "type" });
}
