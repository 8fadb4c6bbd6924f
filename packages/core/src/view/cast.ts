/**
 * Casting a view to another format and shape, in CPython's two steps
 * (`memoryview_cast_impl`, `Objects/memoryobject.c`): {@link castTo1D}
 * changes the format and flattens the view, then {@link castToND} gives it
 * the new C-contiguous shape. Each step keeps CPython's own checks and
 * messages.
 *
 * Beyond CPython, with NumPy's semantics (`ndarray.view(dtype)`):
 * - any struct format works, not only single native characters, and two
 *   non-byte formats may be cast to each other;
 * - a C-contiguous view may go from N to M dimensions directly;
 * - a view that is not C-contiguous (which CPython refuses) changes its
 *   format along its last axis, which must then be contiguous
 *   ({@link castLastAxis}); a shape, if given, is then applied with the
 *   no-copy reshape rules.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import { formatItemsize } from "../codec/index.js";
import { cByteStrides, MAX_NDIM } from "../protocol/index.js";
import type { LayoutParts } from "./drop-dimension.js";
import { LayoutFlag } from "./layout-flags.js";
import { reshapeLayout } from "./reshape.js";
import { makeLayout, type ViewLayout } from "./view-layout.js";
import { copyNumbers } from "../layout/copy-numbers.js";

/** A cast's result: the parts of the new layout, its format and item size. */
export interface CastParts extends LayoutParts {
  format: string;
  itemsize: number;
}

/**
 * The item size of a destination format, refusing what is not a struct
 * format or has no size.
 *
 * @param format - the destination format
 * @returns its item size
 * @throws TypeError for a non-string; ValueError for an invalid or empty format
 *
 * @example
 * ```ts
 * castItemsize("<hd"); // returns 10
 * ```
 * @example
 * ```ts
 * castItemsize("Z"); // throws ValueError
 * ```
 */
export function castItemsize(format: unknown): number {
  if (typeof format !== "string") {
    throw new TypeError(`memoryview.cast(): format must be a string, not ${typeof format}`);
  }
  let itemsize: number;
  try {
    itemsize = formatItemsize(format);
  } catch (error) {
    throw new ValueError(`memoryview: destination format must be a struct format: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (itemsize <= 0) throw new ValueError(`memoryview: destination format '${format}' has no items (itemsize 0)`);
  return itemsize;
}

/**
 * Checks a cast's shape argument: CPython's `copy_shape` (every entry an
 * integer > 0) and the `PyBUF_MAX_NDIM` limit.
 *
 * @returns the shape as numbers
 *
 * @example
 * ```ts
 * castShape([2, 3n]); // returns [2, 3]
 * ```
 * @example
 * ```ts
 * castShape([2, 0]); // throws ValueError
 * ```
 */
export function castShape(shape: unknown): number[] {
  if (!Array.isArray(shape)) throw new TypeError("shape must be a list or a tuple");
  if (shape.length > MAX_NDIM) {
    throw new ValueError(`memoryview: number of dimensions must not exceed ${MAX_NDIM}`);
  }
  // The loop below assigns every index (or throws) before the array is returned.
  const out = new Array<number>(shape.length);
  for (let i = 0; i < shape.length; i++) {
    const entry: unknown = shape[i];
    const length = typeof entry === "bigint" ? Number(entry) : entry;
    if (typeof length !== "number" || !Number.isInteger(length)) {
      throw new TypeError("memoryview.cast(): elements of shape must be integers");
    }
    if (length <= 0) throw new ValueError("memoryview.cast(): elements of shape must be integers > 0");
    out[i] = length;
  }
  return out;
}

/**
 * `cast_to_1D`: the C-contiguous `layout` as a 1-D view of `format`, over
 * the same bytes.
 *
 * @throws TypeError "memoryview: length is not a multiple of itemsize"
 *
 * @example
 * ```ts
 * const layout = makeLayout(4, [2, 3], [12, 4], null, "i", 4, false);
 * castTo1D(layout, "d", 8); // returns { byteOffset: 4, shape: [3], byteStrides: [8], suboffsets: null, format: "d", itemsize: 8 }
 * ```
 */
export function castTo1D(layout: ViewLayout, format: string, itemsize: number): CastParts {
  if (layout.nbytes % itemsize !== 0) throw new TypeError("memoryview: length is not a multiple of itemsize");
  return {
    byteOffset: layout.byteOffset,
    shape: [layout.nbytes / itemsize],
    byteStrides: [itemsize],
    suboffsets: null,
    format,
    itemsize,
  };
}

/**
 * `cast_to_ND`: the 1-D result of {@link castTo1D} with a new C-contiguous
 * shape (an empty shape makes a 0-d view of one item).
 *
 * @throws TypeError "memoryview: product(shape) * itemsize != buffer size"
 *
 * @example
 * ```ts
 * const flat = castTo1D(makeLayout(0, [6], [1], null, "B", 1, false), "B", 1);
 * castToND(flat, [2, 3]); // returns { byteOffset: 0, shape: [2, 3], byteStrides: [3, 1], suboffsets: null, format: "B", itemsize: 1 }
 * ```
 */
export function castToND(flat: CastParts, shape: readonly number[]): CastParts {
  let nbytes = flat.itemsize;
  for (const length of shape) nbytes *= length;
  if (nbytes !== flat.shape[0]! * flat.itemsize) {
    throw new TypeError("memoryview: product(shape) * itemsize != buffer size");
  }
  // `castToND` is internal and its only caller passes castShape's fresh array, which nothing else holds, so the
  // copy cannot be told from the original.
  return { ...flat, shape: shape.slice(), byteStrides: cByteStrides(shape, flat.itemsize) };
}

/**
 * NumPy's `ndarray.view(dtype)` for a view that is not C-contiguous: the
 * last axis is reinterpreted in items of the new size (it must be
 * contiguous, or of length 1, or the view empty); the other axes keep
 * their strides.
 *
 * @throws ValueError with NumPy's message when the last axis does not allow it
 *
 * @example
 * ```ts
 * const columns = makeLayout(0, [3, 2], [32, 8], null, "d", 8, false);
 * castLastAxis(columns, "f", 4); // returns { byteOffset: 0, shape: [3, 4], byteStrides: [32, 4], suboffsets: null, format: "f", itemsize: 4 }
 * ```
 * @example
 * ```ts
 * const transposed = makeLayout(0, [2, 3], [8, 16], null, "d", 8, false);
 * castLastAxis(transposed, "f", 4); // throws ValueError
 * ```
 */
export function castLastAxis(layout: ViewLayout, format: string, itemsize: number): CastParts {
  const shape = copyNumbers(layout.shape);
  const byteStrides = copyNumbers(layout.byteStrides);
  const parts: CastParts = { byteOffset: layout.byteOffset, shape, byteStrides, suboffsets: null, format, itemsize };
  const oldItemsize = layout.itemsize;
  if (itemsize === oldItemsize) return parts;
  const axis = layout.ndim - 1;
  if (shape[axis] !== 1 && layout.nbytes !== 0 && byteStrides[axis] !== oldItemsize) {
    throw new ValueError("To change to a dtype of a different size, the last axis must be contiguous");
  }
  if (itemsize < oldItemsize) {
    if (oldItemsize % itemsize !== 0) {
      throw new ValueError("When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
    }
    shape[axis]! *= oldItemsize / itemsize;
  } else {
    const axisBytes = shape[axis]! * oldItemsize;
    if (axisBytes % itemsize !== 0) {
      throw new ValueError(
        "When changing to a larger dtype, its size must be a divisor of the total size in bytes " +
          "of the last axis of the array.",
      );
    }
    shape[axis] = axisBytes / itemsize;
  }
  byteStrides[axis] = itemsize;
  return parts;
}

/**
 * The whole cast: CPython's `memoryview.cast(format, shape)` where CPython
 * allows it, NumPy's view-and-reshape where CPython refuses a view that is
 * not C-contiguous.
 *
 * @param layout - the view's layout
 * @param format - the destination format
 * @param shape - the destination shape, or undefined for 1-D (C-contiguous
 *   views) or the last-axis rule (others)
 * @returns the new layout's parts
 *
 * @example
 * ```ts
 * const layout = makeLayout(0, [2, 4], [4, 1], null, "B", 1, false);
 * castLayout(layout, "h", undefined); // returns { byteOffset: 0, shape: [4], byteStrides: [2], suboffsets: null, format: "h", itemsize: 2 }
 * ```
 * @example
 * ```ts
 * castLayout(makeLayout(0, [2, 0], [4, 1], null, "B", 1, false), "B", undefined); // throws TypeError
 * ```
 */
export function castLayout(layout: ViewLayout, format: unknown, shape: unknown): CastParts {
  const flags = layout.flags;
  if (flags & LayoutFlag.INDIRECT) {
    throw new TypeError("memoryview: casts are restricted to C-contiguous views");
  }
  if (flags & LayoutFlag.C) {
    // CPython's order of checks: zeros, the shape's type and length, the
    // format, the byte length, then the shape's entries.
    if ((shape !== undefined || layout.ndim !== 1) && layout.nbytes === 0) {
      throw new TypeError("memoryview: cannot cast view with zeros in shape or strides");
    }
    if (shape !== undefined) {
      if (!Array.isArray(shape)) throw new TypeError("shape must be a list or a tuple");
      if (shape.length > MAX_NDIM) {
        throw new ValueError(`memoryview: number of dimensions must not exceed ${MAX_NDIM}`);
      }
    }
    const itemsize = castItemsize(format);
    const flat = castTo1D(layout, format as string, itemsize);
    return shape === undefined ? flat : castToND(flat, castShape(shape));
  }
  const itemsize = castItemsize(format);
  const fmt = format as string;
  const viewed = castLastAxis(layout, fmt, itemsize);
  if (shape === undefined) return viewed;
  const newShape = castShape(shape);
  const reshaped = reshapeLayout(
    makeLayout(viewed.byteOffset, viewed.shape, viewed.byteStrides, null, fmt, itemsize, layout.readonly),
    newShape,
    "C",
  );
  return { ...reshaped, format: fmt, itemsize };
}
