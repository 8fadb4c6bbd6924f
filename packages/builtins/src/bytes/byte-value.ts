/**
 * One byte from a Python integer: `_getbytevalue` of
 * `Objects/bytearrayobject.c` and the range check of `_PyBytes_FromList`.
 *
 * @packageDocumentation
 */
import { ValueError } from "@mv/core";
import { asIndex } from "../python/as-index.js";

/**
 * `bytes`' wording for an item out of range.
 *
 * @example
 * ```ts
 * bytes([256]); // throws ValueError "bytes must be in range(0, 256)"
 * ```
 */
export const BYTES_RANGE = "bytes must be in range(0, 256)";
/**
 * `bytearray`'s wording for an item out of range.
 *
 * @example
 * ```ts
 * bytearray([256]); // throws ValueError "byte must be in range(0, 256)"
 * ```
 */
export const BYTE_RANGE = "byte must be in range(0, 256)";

/**
 * `value` as a byte, or `TypeError` for a non-integer and `ValueError`
 * (with `rangeMessage`) outside 0..255.
 *
 * @example
 * ```ts
 * byteValue(255, BYTE_RANGE); // returns 255
 * byteValue(256, BYTE_RANGE); // throws ValueError "byte must be in range(0, 256)"
 * byteValue("a", BYTE_RANGE); // throws TypeError "'str' object cannot be interpreted as an integer"
 * ```
 */
export function byteValue(value: unknown, rangeMessage: string): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 256) return value;
  const big = asIndex(value);
  if (big < 0n || big > 255n) throw new ValueError(rangeMessage);
  return Number(big);
}
