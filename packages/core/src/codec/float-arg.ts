/**
 * What a float code (`e f d`) accepts: `PyFloat_AsDouble()`, whose every
 * failure the pack functions of `Modules/_struct.c` reword as
 * `"required argument is not a float"`.
 *
 * A `number` is a Python `float`; a `bigint` (a Python `int`) converts with
 * correct rounding and fails beyond the double range, as `int.__float__`
 * does; a `boolean` is 0 or 1.
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";

/**
 * `value` as a double, or a `StructError`.
 *
 * @example
 * ```ts
 * floatArg(2n ** 53n + 1n); // returns 9007199254740992
 * ```
 * @example
 * ```ts
 * floatArg(false); // returns 0
 * ```
 */
export function floatArg(value: unknown): number {
  switch (typeof value) {
    case "number":
      return value;
    case "bigint": {
      const x = Number(value);
      if (x !== Infinity && x !== -Infinity) return x;
      // PyFloat_AsDouble raised OverflowError, which struct words as a wrong type.
      throw new StructError("required argument is not a float", { kind: "float-overflow" });
    }
    case "boolean":
      return value ? 1 : 0;
    default:
      break;
  }
  throw new StructError("required argument is not a float", { kind: "type" });
}
