/**
 * Detachment: the JavaScript counterpart of a released memoryview. A
 * transferred `ArrayBuffer`, or one replaced by `memory.grow()`, has no
 * memory any more; every later access must fail rather than read nothing.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import { isDetachedBuffer } from "./brand-checks.js";

/**
 * The message of the `ValueError` thrown on access to a detached buffer,
 * worded after CPython's "operation forbidden on released memoryview object".
 *
 * @example
 * ```ts
 * DETACHED_MESSAGE; // returns "operation forbidden on a detached ArrayBuffer"
 * ```
 */
export const DETACHED_MESSAGE = "operation forbidden on a detached ArrayBuffer";

/**
 * Asserts that `buf` is not detached.
 *
 * @param buf - the memory about to be accessed
 * @throws ValueError "operation forbidden on a detached ArrayBuffer"
 *
 * @example
 * ```ts
 * assertAttached(new ArrayBuffer(4)); // returns undefined
 * ```
 * @example
 * ```ts
 * const ab = new ArrayBuffer(4);
 * structuredClone(ab, { transfer: [ab] });
 * assertAttached(ab); // throws ValueError
 * ```
 */
export function assertAttached(buf: ArrayBuffer | SharedArrayBuffer): void {
  if (isDetachedBuffer(buf)) throw new ValueError(DETACHED_MESSAGE);
}
