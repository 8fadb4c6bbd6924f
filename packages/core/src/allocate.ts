/**
 * Allocations the engine may refuse, refused as Python refuses them: with
 * `MemoryError`, never the engine's `RangeError` ("Invalid typed array
 * length", "Array buffer allocation failed", "Invalid array length").
 *
 * A size no engine can allocate (past 2**53 − 1 bytes, or an Array past
 * 2**32 − 1 entries) is refused before anything is attempted; any other
 * size is attempted, and the engine's refusal becomes a `MemoryError`.
 *
 * @packageDocumentation
 */

import { MemoryError } from "./errors.js";

/**
 * The most entries a JavaScript Array can have (2**32 − 1).
 *
 * @example
 * ```ts
 * MAX_ARRAY_LENGTH; // returns 4294967295
 * ```
 */
export const MAX_ARRAY_LENGTH = 2 ** 32 - 1;

/**
 * `error` as Python sees it: an allocation's `RangeError` becomes a
 * `MemoryError` (with the engine's text as its cause); anything else is
 * returned unchanged.
 *
 * @example
 * ```ts
 * asMemoryError(new RangeError("Invalid typed array length: 9007199254740992")).name; // returns "MemoryError"
 * ```
 * @example
 * ```ts
 * asMemoryError(new RangeError("Offset is outside the bounds of the DataView")).name; // returns "RangeError"
 * ```
 */
export function asMemoryError(error: unknown): unknown {
  if (
    error instanceof RangeError &&
    /allocation failed|Invalid (typed )?array (buffer )?length|Array buffer allocation/i.test(error.message)
  ) {
    return new MemoryError("", { cause: error });
  }
  return error;
}

/**
 * A zeroed `Uint8Array` of `length` bytes, or `MemoryError` when the engine
 * cannot give one.
 *
 * @example
 * ```ts
 * allocateBytes(3); // returns new Uint8Array([0, 0, 0])
 * ```
 * @example
 * ```ts
 * allocateBytes(2 ** 53); // throws MemoryError
 * ```
 */
export function allocateBytes(length: number): Uint8Array {
  if (!(length <= Number.MAX_SAFE_INTEGER)) throw new MemoryError("");
  try {
    return new Uint8Array(length);
  } catch (error) {
    throw asMemoryError(error);
  }
}

/**
 * Throws `MemoryError` when a result of `count` entries (an Array, or the
 * items of a nested list) cannot exist in JavaScript: past 2**32 − 1. Called
 * before the work begins, so a view of 2**52 items built from 8 bytes is
 * refused at once, not after hours.
 *
 * @example
 * ```ts
 * assertArrayLength(2 ** 32); // throws MemoryError
 * ```
 * @example
 * ```ts
 * assertArrayLength(10); // returns undefined
 * ```
 */
export function assertArrayLength(count: number | bigint): void {
  if (!(Number(count) <= MAX_ARRAY_LENGTH)) throw new MemoryError("");
}
