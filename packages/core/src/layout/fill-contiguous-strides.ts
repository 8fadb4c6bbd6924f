/**
 * `PyBuffer_FillContiguousStrides`.
 *
 * @packageDocumentation
 */

import type { ContiguityOrder } from "../protocol/buffer-info.js";
import { cByteStridesInto } from "./c-strides.js";
import { fByteStridesInto } from "./f-strides.js";

/**
 * The byte strides of contiguous memory of the given shape:
 * `PyBuffer_FillContiguousStrides`. Order `"F"` gives Fortran strides; any
 * other order gives C strides, as in CPython.
 *
 * @param shape - the length of each dimension
 * @param itemsize - the size of one item in bytes
 * @param order - `"C"` (the default) or `"F"`
 * @param out - receives the strides (a new array by default)
 * @returns out
 *
 * @example
 * ```ts
 * fillContiguousStrides([2, 3, 4], 2); // returns [24, 8, 2]
 * ```
 * @example
 * ```ts
 * fillContiguousStrides([2, 3, 4], 2, "F"); // returns [2, 4, 12]
 * ```
 */
export function fillContiguousStrides(
  shape: readonly number[],
  itemsize: number,
  // Every order but "F" gives C strides, so the default "C" and "" are the same.
  order: ContiguityOrder = "C",
  // cByteStridesInto and fByteStridesInto assign out[0..ndim-1], so an
  // array made with or without the length ends the same (length ndim, no holes).
  out: number[] = new Array<number>(shape.length),
): number[] {
  return order === "F" ? fByteStridesInto(out, shape, itemsize) : cByteStridesInto(out, shape, itemsize);
}
