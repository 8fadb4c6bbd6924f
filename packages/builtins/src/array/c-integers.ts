/**
 * The C integer conversions `array.array` stores through, with CPython's
 * exact `OverflowError` wording for each (`Objects/longobject.c` and
 * `Python/getargs.c`): `PyLong_AsLong`, `PyLong_AsUnsignedLong`,
 * `PyLong_AsLongLong`, `PyLong_AsUnsignedLongLong`, and the range checks of
 * the `PyArg_Parse` formats `h`, `b` and `i`. On this (LP64) platform
 * `long` is 64 bits.
 *
 * @packageDocumentation
 */
import { OverflowError } from "@mv/core";
import { asIndex } from "../python/as-index.js";

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const ULONG_MAX = 2n ** 64n - 1n;

/**
 * `PyLong_AsLong` (64-bit `long`).
 *
 * @example
 * ```ts
 * asCLong(-1); // returns -1n
 * asCLong(2n ** 63n); // throws OverflowError "Python int too large to convert to C long"
 * ```
 */
export function asCLong(value: unknown): bigint {
  const x = asIndex(value);
  if (x < LONG_MIN || x > LONG_MAX) {
    throw new OverflowError("Python int too large to convert to C long");
  }
  return x;
}

/**
 * `PyLong_AsUnsignedLong` (64-bit `unsigned long`).
 *
 * @example
 * ```ts
 * asCUnsignedLong(-1); // throws OverflowError "can't convert negative value to unsigned int"
 * asCUnsignedLong(2n ** 64n); // throws OverflowError "Python int too large to convert to C unsigned long"
 * ```
 */
export function asCUnsignedLong(value: unknown): bigint {
  const x = asIndex(value);
  if (x < 0n) throw new OverflowError("can't convert negative value to unsigned int");
  if (x > ULONG_MAX) {
    throw new OverflowError("Python int too large to convert to C unsigned long");
  }
  return x;
}

/**
 * `PyLong_AsLongLong`.
 *
 * @example
 * ```ts
 * asCLongLong(2n ** 63n); // throws OverflowError "int too big to convert"
 * ```
 */
export function asCLongLong(value: unknown): bigint {
  const x = asIndex(value);
  if (x < LONG_MIN || x > LONG_MAX) throw new OverflowError("int too big to convert");
  return x;
}

/**
 * `PyLong_AsUnsignedLongLong`.
 *
 * @example
 * ```ts
 * asCUnsignedLongLong(-1); // throws OverflowError "can't convert negative int to unsigned"
 * asCUnsignedLongLong(2n ** 64n); // throws OverflowError "int too big to convert"
 * ```
 */
export function asCUnsignedLongLong(value: unknown): bigint {
  const x = asIndex(value);
  if (x < 0n) throw new OverflowError("can't convert negative int to unsigned");
  if (x > ULONG_MAX) throw new OverflowError("int too big to convert");
  return x;
}

/**
 * A range check worded as `PyArg_Parse` and `arraymodule.c` word theirs:
 * "<what> is less than minimum" / "<what> is greater than maximum".
 *
 * @example
 * ```ts
 * checkRange(300n, -32768n, 32767n, "signed short integer"); // returns 300n
 * checkRange(40000n, -32768n, 32767n, "signed short integer"); // throws OverflowError "signed short integer is greater than maximum"
 * ```
 */
export function checkRange(x: bigint, min: bigint, max: bigint, what: string): bigint {
  if (x < min) throw new OverflowError(`${what} is less than minimum`);
  if (x > max) throw new OverflowError(`${what} is greater than maximum`);
  return x;
}
