/**
 * Integer indexing that keeps the other dimensions: NumPy's `a[..., i, ...]`,
 * the sub-view CPython's memoryview leaves unimplemented ("multi-dimensional
 * sub-views are not implemented"). The item offset moves by `index` steps
 * of the dimension, which then disappears.
 *
 * With suboffsets, the first dimension's pointer is followed right away (its
 * position is now fixed); a later dimension without a pointer moves the
 * suboffset of the nearest earlier pointer dimension, as `init_slice` does;
 * a later dimension with its own pointer cannot be dropped (two pointer
 * reads in a row have no strided form), which is a `NotImplementedError`.
 *
 * @packageDocumentation
 */

import { NotImplementedError } from "../errors.js";
import type { ManagedBuffer } from "./managed-buffer.js";
import { followPointer } from "./subscript.js";
import { hasIndirection, type ViewLayout } from "./view-layout.js";

/** The parts of a layout a derivation produces. */
export interface LayoutParts {
  byteOffset: number;
  shape: number[];
  byteStrides: number[];
  suboffsets: number[] | null;
}

/**
 * The layout of `layout` with dimension `dim` fixed at `index`.
 *
 * @param mbuf - the managed buffer (read when a pointer must be followed)
 * @param layout - the view's layout (ndim >= 1)
 * @param dim - a dimension in [0, ndim)
 * @param index - an index in [0, shape[dim])
 * @returns the new layout's parts
 * @throws NotImplementedError for a pointer dimension after the first
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(12)).reshape([3, 4]);
 * dropDimension(mbufOf(view), view.layout, 1, 2); // returns { byteOffset: 2, shape: [3], byteStrides: [4], suboffsets: null }
 * ```
 */
export function dropDimension(mbuf: ManagedBuffer, layout: ViewLayout, dim: number, index: number): LayoutParts {
  const ndim = layout.ndim;
  const shape = new Array<number>(ndim - 1);
  const byteStrides = new Array<number>(ndim - 1);
  for (let d = 0, k = 0; d < ndim; d++) {
    if (d === dim) continue;
    shape[k] = layout.shape[d]!;
    byteStrides[k++] = layout.byteStrides[d]!;
  }
  const moveByte = layout.byteStrides[dim]! * index;
  const source = layout.suboffsets;
  if (source === null) return { byteOffset: layout.byteOffset + moveByte, shape, byteStrides, suboffsets: null };

  let suboffsets: number[] | null = new Array<number>(ndim - 1);
  for (let d = 0, k = 0; d < ndim; d++) if (d !== dim) suboffsets[k++] = source[d]!;
  let byteOffset = layout.byteOffset;
  if (dim === 0) {
    byteOffset += moveByte;
    if (source[0]! >= 0) byteOffset = followPointer(mbuf, byteOffset, source[0]!);
  } else {
    if (source[dim]! >= 0) {
      throw new NotImplementedError(
        `memoryview: cannot drop dimension ${dim}: it follows a pointer (suboffsets[${dim}] = ${source[dim]})`,
      );
    }
    let pointerDim = -1;
    for (let d = dim - 1; d >= 0; d--) {
      if (source[d]! >= 0) {
        pointerDim = d;
        break;
      }
    }
    if (pointerDim < 0) byteOffset += moveByte;
    else suboffsets[pointerDim]! += moveByte;
  }
  if (!hasIndirection(suboffsets)) suboffsets = null;
  return { byteOffset, shape, byteStrides, suboffsets };
}
