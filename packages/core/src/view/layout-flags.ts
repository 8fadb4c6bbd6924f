/**
 * Layout facts of a view, worked out once when the view is made (CPython's
 * `init_flags` in `Objects/memoryobject.c`), so that later checks are a
 * single bit test.
 *
 * @packageDocumentation
 */

import { isCContiguous, isFContiguous } from "../protocol/index.js";

/**
 * The bits of a view's layout flags: `SCALAR` (0 dimensions), `C` (C
 * contiguous), `F` (Fortran contiguous) and `INDIRECT` (PIL-style
 * suboffsets; never contiguous).
 *
 * @example
 * ```ts
 * LayoutFlag.C | LayoutFlag.F; // returns 6
 * ```
 */
export const LayoutFlag = Object.freeze({
  SCALAR: 1,
  C: 2,
  F: 4,
  INDIRECT: 8,
} as const);

// A reusable argument for the protocol's contiguity predicates: views are
// made in hot loops (slicing), and these fields are read synchronously.
const scratch = {
  len: 0,
  itemsize: 1,
  ndim: 0,
  shape: null as readonly number[] | null,
  strides: null as readonly number[] | null,
  suboffsets: null as readonly number[] | null,
};

/**
 * The layout flags of a view, exactly as `init_flags` sets them: a 0-d view
 * is scalar and both contiguous; a 1-D view is contiguous when its one
 * dimension has length 1 or its stride equals the item size (so an empty
 * 1-D view with a longer stride is not); other views ask
 * `PyBuffer_IsContiguous` (where an empty view always is); suboffsets clear
 * both contiguity bits.
 *
 * @param shape - the length of each dimension
 * @param byteStrides - the byte step of each dimension
 * @param suboffsets - PIL-style suboffsets, or null
 * @param itemsize - bytes per item
 * @returns an OR of {@link LayoutFlag} bits
 *
 * @example
 * ```ts
 * layoutFlags([], [], null, 8); // returns 7
 * ```
 * @example
 * ```ts
 * layoutFlags([2, 3], [12, 4], null, 4); // returns 2
 * ```
 * @example
 * ```ts
 * layoutFlags([2, 3], [4, 8], null, 4); // returns 4
 * ```
 * @example
 * ```ts
 * layoutFlags([3], [-4], null, 4); // returns 0
 * ```
 * @example
 * ```ts
 * layoutFlags([0], [2], null, 1); // returns 0
 * ```
 * @example
 * ```ts
 * layoutFlags([2, 2], [8, 1], [0, -1], 1); // returns 8
 * ```
 */
export function layoutFlags(
  shape: readonly number[],
  byteStrides: readonly number[],
  suboffsets: readonly number[] | null,
  itemsize: number,
): number {
  const ndim = shape.length;
  let flags = 0;
  if (ndim === 0) {
    flags = LayoutFlag.SCALAR | LayoutFlag.C | LayoutFlag.F;
  } else if (ndim === 1) {
    if (shape[0] === 1 || byteStrides[0] === itemsize) flags = LayoutFlag.C | LayoutFlag.F;
  } else {
    let len = itemsize;
    for (let dim = 0; dim < ndim; dim++) len *= shape[dim]!;
    scratch.len = len;
    scratch.itemsize = itemsize;
    scratch.ndim = ndim;
    scratch.shape = shape;
    scratch.strides = byteStrides;
    scratch.suboffsets = null;
    if (isCContiguous(scratch)) flags |= LayoutFlag.C;
    if (isFContiguous(scratch)) flags |= LayoutFlag.F;
    scratch.shape = scratch.strides = null;
  }
  if (suboffsets !== null) flags = (flags & ~(LayoutFlag.C | LayoutFlag.F)) | LayoutFlag.INDIRECT;
  return flags;
}
