/**
 * Whether two views have the same logical structure, CPython's
 * `equiv_format`, `equiv_shape` and `equiv_structure`.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import type { ViewLayout } from "./view-layout.js";

/**
 * Whether two shapes are equivalent: equal, or equal up to and including a
 * zero length at the same position (NumPy's [1, 0, 5] and [1, 0, 7] hold
 * the same nothing).
 *
 * @example
 * ```ts
 * [equivShape([2, 3], [2, 3]), equivShape([1, 0, 5], [1, 0, 7]), equivShape([2], [2, 1])]; // returns [true, true, false]
 * ```
 */
export function equivShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let dim = 0; dim < a.length; dim++) {
    if (a[dim] !== b[dim]) return false;
    if (a[dim] === 0) break;
  }
  return true;
}

/**
 * Whether two formats are the same, ignoring a leading `@`, with the same
 * item size.
 *
 * @example
 * ```ts
 * [equivFormat("@d", 8, "d", 8), equivFormat("<d", 8, "d", 8)]; // returns [true, false]
 * ```
 */
export function equivFormat(a: string, aItemsize: number, b: string, bItemsize: number): boolean {
  const x = a[0] === "@" ? a.slice(1) : a;
  const y = b[0] === "@" ? b.slice(1) : b;
  return x === y && aItemsize === bItemsize;
}

/**
 * Asserts that items can be copied from `src` to `dest`: `equiv_structure`.
 *
 * @throws ValueError "memoryview assignment: lvalue and rvalue have different structures"
 *
 * @example
 * ```ts
 * const a = makeLayout(0, [2], [1], null, "B", 1, false);
 * const b = makeLayout(0, [3], [1], null, "B", 1, false);
 * assertEquivStructure(a, b); // throws ValueError
 * ```
 */
export function assertEquivStructure(dest: ViewLayout, src: ViewLayout): void {
  if (!equivFormat(dest.format, dest.itemsize, src.format, src.itemsize) || !equivShape(dest.shape, src.shape)) {
    throw new ValueError("memoryview assignment: lvalue and rvalue have different structures");
  }
}
