/**
 * The offset argument of `unpack_from` and `pack_into`.
 *
 * Both take an integer (`__index__`): an integral `number`, a `bigint` or a
 * `boolean`; anything else is a `TypeError` ("'float' object cannot be
 * interpreted as an integer"). An integer beyond `Py_ssize_t` fails
 * differently in each: `unpack_from`'s argument converter raises
 * `OverflowError`, while `pack_into` calls `PyNumber_AsSsize_t(…, IndexError)`.
 *
 * @packageDocumentation
 */

import { IndexError, OverflowError } from "../errors.js";
import { pythonTypeName } from "../codec/python-type-name.js";

const SSIZE_MIN = -(2 ** 63);
const SSIZE_LIMIT = 2 ** 63;

/**
 * `offset` as a number, or the error CPython raises for it; `forPackInto`
 * selects `pack_into`'s `IndexError` for an integer out of range.
 *
 * @example
 * ```ts
 * offsetArg(-4n, false); // returns -4
 * ```
 * @example
 * ```ts
 * offsetArg(true, true); // returns 1
 * ```
 */
export function offsetArg(offset: unknown, forPackInto: boolean): number {
  let x: number;
  switch (typeof offset) {
    case "number":
      if (!Number.isInteger(offset)) throw notAnInteger(offset);
      x = offset;
      break;
    case "bigint":
      if (offset < -(2n ** 63n) || offset >= 2n ** 63n) throw tooLarge(forPackInto);
      return Number(offset);
    case "boolean":
      return offset ? 1 : 0;
    default:
      throw notAnInteger(offset);
  }
  if (x < SSIZE_MIN || x >= SSIZE_LIMIT) throw tooLarge(forPackInto);
  return x === 0 ? 0 : x;
}

function notAnInteger(offset: unknown): TypeError {
  return new TypeError(`'${pythonTypeName(offset)}' object cannot be interpreted as an integer`);
}

function tooLarge(forPackInto: boolean): Error {
  return forPackInto
    ? new IndexError("cannot fit 'int' into an index-sized integer")
    : new OverflowError("Python int too large to convert to C ssize_t");
}
