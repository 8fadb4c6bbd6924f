/**
 * Reordering dimensions without copying: NumPy's `PyArray_Transpose`
 * (CPython's memoryview has no transpose). Shape and strides are permuted
 * together; the items stay where they are.
 *
 * Pointer dimensions (suboffsets) cannot move: the pointers must be read in
 * their original order, so permuting such a view is a
 * `NotImplementedError`.
 *
 * @packageDocumentation
 */

import { NotImplementedError, ValueError } from "../errors.js";
import { normalizeAxis } from "./axis.js";
import type { LayoutParts } from "./drop-dimension.js";
import { hasIndirection, type ViewLayout } from "./view-layout.js";

/**
 * The permutation `axes` names, checked as NumPy checks it: one axis per
 * dimension ("axes don't match array"), each in range, none repeated
 * ("repeated axis in transpose").
 *
 * @param axes - the new order: new dimension i is old dimension axes[i]
 * @param ndim - the number of dimensions
 * @returns the axes, normalized to [0, ndim)
 *
 * @example
 * ```ts
 * checkPermutation([-1, 0, 1], 3); // returns [2, 0, 1]
 * ```
 * @example
 * ```ts
 * checkPermutation([0, 0], 2); // throws ValueError
 * ```
 */
export function checkPermutation(axes: readonly unknown[], ndim: number): number[] {
  if (axes.length !== ndim) throw new ValueError("axes don't match array");
  // An empty array reads undefined where this one reads false, and both are falsy in the only test of
  // seen[axis].
  const seen = new Array<boolean>(ndim).fill(false);
  // The loop below assigns every index 0..ndim-1 (or throws) before the array is returned.
  const out = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) {
    const axis = normalizeAxis(axes[i], ndim);
    if (seen[axis]) throw new ValueError("repeated axis in transpose");
    seen[axis] = true;
    out[i] = axis;
  }
  return out;
}

/**
 * The layout of `layout` with its dimensions in the order `axes`.
 *
 * @param layout - the view's layout
 * @param axes - a permutation from {@link checkPermutation}
 * @returns the new layout's parts
 * @throws NotImplementedError when the view follows pointers
 *
 * @example
 * ```ts
 * const layout = makeLayout(0, [2, 3, 4], [96, 32, 8], null, "d", 8, false);
 * permuteLayout(layout, [2, 0, 1]); // returns { byteOffset: 0, shape: [4, 2, 3], byteStrides: [8, 96, 32], suboffsets: null }
 * ```
 */
export function permuteLayout(layout: ViewLayout, axes: readonly number[]): LayoutParts {
  if (hasIndirection(layout.suboffsets)) {
    throw new NotImplementedError("memoryview: cannot permute the dimensions of a view that follows pointers");
  }
  const ndim = layout.ndim;
  // The loop below assigns every index 0..ndim-1 before the array is returned.
  const shape = new Array<number>(ndim);
  // The loop below assigns every index 0..ndim-1 before the array is returned.
  const byteStrides = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) {
    shape[i] = layout.shape[axes[i]!]!;
    byteStrides[i] = layout.byteStrides[axes[i]!]!;
  }
  return { byteOffset: layout.byteOffset, shape, byteStrides, suboffsets: null };
}
