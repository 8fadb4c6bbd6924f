/**
 * Contiguity, exactly as `PyBuffer_IsContiguous` decides it
 * (`Objects/abstract.c`, `_IsCContiguous` and `_IsFortranContiguous`):
 * memory with suboffsets is never contiguous; an empty export always is;
 * dimensions of length 1 may have any stride; null strides mean C order.
 *
 * @packageDocumentation
 */

import type { BufferInfo, ContiguityOrder } from "../protocol/buffer-info.js";

type ContiguityFields = Pick<BufferInfo, "len" | "itemsize" | "ndim" | "shape" | "strides" | "suboffsets">;

/**
 * Whether an export is C-contiguous (last index varies fastest).
 *
 * @param info - a validated BufferInfo
 * @returns `PyBuffer_IsContiguous(view, 'C')`
 *
 * @example
 * ```ts
 * isCContiguous({ len: 24, itemsize: 4, ndim: 2, shape: [2, 3], strides: [12, 4], suboffsets: null }); // returns true
 * ```
 * @example
 * ```ts
 * isCContiguous({ len: 24, itemsize: 4, ndim: 2, shape: [2, 3], strides: [4, 8], suboffsets: null }); // returns false
 * ```
 */
export function isCContiguous(info: ContiguityFields): boolean {
  if (info.suboffsets !== null) return false;
  if (info.len === 0 || info.strides === null) return true;
  const shape = info.shape!;
  const strides = info.strides;
  let byteStride = info.itemsize;
  for (let dim = info.ndim - 1; dim >= 0; dim--) {
    const length = shape[dim]!;
    if (length > 1 && strides[dim] !== byteStride) return false;
    byteStride *= length;
  }
  return true;
}

/**
 * Whether an export is Fortran-contiguous (first index varies fastest).
 *
 * @param info - a validated BufferInfo
 * @returns `PyBuffer_IsContiguous(view, 'F')`
 *
 * @example
 * ```ts
 * isFContiguous({ len: 24, itemsize: 4, ndim: 2, shape: [2, 3], strides: [4, 8], suboffsets: null }); // returns true
 * ```
 * @example
 * ```ts
 * isFContiguous({ len: 24, itemsize: 4, ndim: 2, shape: [2, 3], strides: null, suboffsets: null }); // returns false
 * ```
 * @example
 * ```ts
 * isFContiguous({ len: 12, itemsize: 4, ndim: 2, shape: [1, 3], strides: null, suboffsets: null }); // returns true
 * ```
 */
export function isFContiguous(info: ContiguityFields): boolean {
  if (info.suboffsets !== null) return false;
  if (info.len === 0) return true;
  if (info.strides === null) {
    // C order by definition: it is also Fortran order when at most one
    // dimension is longer than 1.
    if (info.ndim <= 1) return true;
    let longDims = 0;
    for (const length of info.shape!) if (length > 1) longDims++;
    return longDims <= 1;
  }
  const shape = info.shape!;
  const strides = info.strides;
  let byteStride = info.itemsize;
  for (let dim = 0; dim < info.ndim; dim++) {
    const length = shape[dim]!;
    if (length > 1 && strides[dim] !== byteStride) return false;
    byteStride *= length;
  }
  return true;
}

/**
 * Whether an export is contiguous in `order`: `PyBuffer_IsContiguous`. Any
 * other order gives false, as in CPython.
 *
 * @param info - a validated BufferInfo
 * @param order - `"C"`, `"F"` or `"A"` (either)
 * @returns whether the memory is contiguous in that order
 *
 * @example
 * ```ts
 * isContiguous(getBuffer(new Uint8Array(4)), "A"); // returns true
 * ```
 * @example
 * ```ts
 * isContiguous({ len: 4, itemsize: 1, ndim: 1, shape: [2], strides: [2], suboffsets: null }, "A"); // returns false
 * ```
 */
export function isContiguous(info: ContiguityFields, order: ContiguityOrder): boolean {
  if (order === "C") return isCContiguous(info);
  if (order === "F") return isFContiguous(info);
  if (order === "A") return isCContiguous(info) || isFContiguous(info);
  return false;
}
