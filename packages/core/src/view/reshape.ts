/**
 * Reshaping without copying, with NumPy's rules (CPython's memoryview only
 * reshapes C-contiguous views, through `cast`): `_fix_unknown_dimension`
 * for a -1 entry, fresh strides for a view that is contiguous in the
 * requested order (`_array_fill_strides`), and otherwise
 * `_attempt_nocopy_reshape` (`numpy/_core/src/multiarray/shape.c`), which
 * succeeds when each group of old dimensions that merges into new ones is
 * itself contiguous. When no strides can describe the result, the error is
 * NumPy's for `reshape(..., copy=False)`.
 *
 * @packageDocumentation
 */

import { NotImplementedError, ValueError } from "../errors.js";
import { isCContiguous, isFContiguous, MAX_NDIM } from "../protocol/index.js";
import type { LayoutParts } from "./drop-dimension.js";
import { hasIndirection, type ViewLayout } from "./view-layout.js";
import { copyNumbers } from "../layout/copy-numbers.js";

/**
 * A shape as NumPy prints it in reshape errors (`convert_shape_to_string`):
 * leading unknown (negative) entries are skipped, later ones print as
 * "newaxis", and a single entry keeps Python's trailing comma.
 *
 * @example
 * ```ts
 * numpyShapeString([2, -1]); // returns "(2,newaxis)"
 * ```
 * @example
 * ```ts
 * numpyShapeString([5]); // returns "(5,)"
 * ```
 * @example
 * ```ts
 * numpyShapeString([-1, 0]); // returns "(0)"
 * ```
 */
export function numpyShapeString(shape: readonly number[]): string {
  let i = 0;
  while (i < shape.length && shape[i]! < 0) i++;
  if (i === shape.length) return "()";
  let text = `(${shape[i++]}`;
  const first = i;
  for (; i < shape.length; i++) text += shape[i]! < 0 ? ",newaxis" : `,${shape[i]}`;
  return text + (first === 1 && shape.length === 1 ? ",)" : ")");
}

/** {@link fixUnknownDimension} in exact arithmetic, for sizes past 2**53. */
function exactUnknownDimension(shape: number[], unknown: number, exactSize: bigint, mismatch: () => ValueError): number[] {
  let known = 1n;
  for (let i = 0; i < shape.length; i++) if (i !== unknown) known *= BigInt(shape[i]!);
  if (unknown >= 0) {
    if (known === 0n || exactSize % known !== 0n) throw mismatch();
    const missing = exactSize / known;
    if (missing > BigInt(Number.MAX_SAFE_INTEGER)) throw mismatch();
    shape[unknown] = Number(missing);
  } else if (known !== exactSize) {
    throw mismatch();
  }
  return shape;
}

/**
 * The new shape with its one unknown (negative) entry worked out:
 * `_fix_unknown_dimension`.
 *
 * @param newShape - the requested shape
 * @param size - the number of items of the view
 * @param exactSize - that number exactly, where it may pass 2**53
 * @returns the complete shape
 * @throws ValueError when two entries are unknown or the sizes disagree;
 *   TypeError for a non-integer entry
 *
 * @example
 * ```ts
 * fixUnknownDimension([2, -1], 6); // returns [2, 3]
 * ```
 * @example
 * ```ts
 * fixUnknownDimension([4], 6); // throws ValueError
 * ```
 */
export function fixUnknownDimension(newShape: readonly unknown[], size: number, exactSize?: bigint): number[] {
  if (newShape.length > MAX_NDIM) {
    throw new ValueError(`maximum supported dimension for an ndarray is currently ${MAX_NDIM}, found ${newShape.length}`);
  }
  // The loop below assigns every index before the array is read, so a preallocated and an empty array end up
  // equal.
  const shape = new Array<number>(newShape.length);
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < newShape.length; i++) {
    const entry = newShape[i];
    const length = typeof entry === "bigint" ? Number(entry) : entry;
    if (typeof length !== "number" || !Number.isInteger(length)) {
      throw new TypeError(`reshape: shape entries must be integers, not ${String(entry)}`);
    }
    shape[i] = length;
    if (length < 0) {
      if (unknown >= 0) throw new ValueError("can only specify one unknown dimension");
      unknown = i;
    } else {
      known *= length;
    }
  }
  const mismatch = (): ValueError =>
    new ValueError(`cannot reshape array of size ${exactSize ?? size} into shape ${numpyShapeString(shape)}`);
  if (!(known <= Number.MAX_SAFE_INTEGER && size <= Number.MAX_SAFE_INTEGER)) {
    // Past 2**53 doubles round, and two different sizes may look equal
    // (a zero-stride view may have that many items): count exactly.
    return exactUnknownDimension(shape, unknown, exactSize ?? BigInt(size), mismatch);
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw mismatch();
    shape[unknown] = size / known;
  } else if (known !== size) {
    throw mismatch();
  }
  return shape;
}

/**
 * Strides for a contiguous block of `shape`, as NumPy fills them
 * (`_array_fill_strides`): a dimension of length 0 does not multiply the
 * stride, so no stride is 0.
 *
 * @example
 * ```ts
 * numpyContiguousStrides([3, 0, 2], 8, "C"); // returns [16, 16, 8]
 * ```
 * @example
 * ```ts
 * numpyContiguousStrides([2, 3], 4, "F"); // returns [4, 8]
 * ```
 */
export function numpyContiguousStrides(shape: readonly number[], itemsize: number, order: "C" | "F"): number[] {
  const ndim = shape.length;
  // The loop below assigns every index 0..ndim-1 before the array is returned, so a preallocated and an empty
  // array end up equal.
  const byteStrides = new Array<number>(ndim);
  let byteStride = itemsize;
  for (let k = 0; k < ndim; k++) {
    const dim = order === "C" ? ndim - 1 - k : k;
    byteStrides[dim] = byteStride;
    if (shape[dim] !== 0) byteStride *= shape[dim]!;
  }
  return byteStrides;
}

/**
 * `_attempt_nocopy_reshape`: strides that give `newShape` the items of the
 * old layout in `order` without moving them, or null when none exist.
 *
 * @param shape - the old shape (no zero lengths)
 * @param byteStrides - the old strides
 * @param itemsize - bytes per item
 * @param newShape - the new shape, of the same size
 * @param order - the index order in which items are read and placed
 * @returns the new strides, or null
 *
 * @example
 * ```ts
 * attemptNocopyReshape([4, 3], [48, 16], 8, [12], "C"); // returns [16]
 * ```
 * @example
 * ```ts
 * attemptNocopyReshape([3, 2], [8, 24], 8, [6], "C"); // returns null
 * ```
 */
export function attemptNocopyReshape(
  shape: readonly number[],
  byteStrides: readonly number[],
  itemsize: number,
  newShape: readonly number[],
  order: "C" | "F",
): number[] | null {
  // Dimensions of length 1 have no say in the layout: leave them out.
  const oldShape: number[] = [];
  const oldStrides: number[] = [];
  for (let dim = 0; dim < shape.length; dim++) {
    if (shape[dim] !== 1) {
      oldShape.push(shape[dim]!);
      oldStrides.push(byteStrides[dim]!);
    }
  }
  const newNdim = newShape.length;
  const oldNdim = oldShape.length;
  // The merge loop and the trailing-ones loop assign every index 0..newNdim-1 before any is read, so the zeros
  // are never seen.
  const newStrides = new Array<number>(newNdim).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newNdim && oi < oldNdim) {
    // Products in exact arithmetic: past 2**53 doubles round and never meet
    // (a zero-stride view may have that many items). Running out of
    // dimensions on either side means the sizes differ: no strides exist.
    let newProduct = BigInt(newShape[ni]!);
    let oldProduct = BigInt(oldShape[oi]!);
    while (newProduct !== oldProduct) {
      if (newProduct < oldProduct) {
        if (nj >= newNdim) return null;
        newProduct *= BigInt(newShape[nj++]!);
      } else {
        if (oj >= oldNdim) return null;
        oldProduct *= BigInt(oldShape[oj++]!);
      }
    }
    // The old dimensions oi..oj-1 must form one contiguous run to merge.
    for (let ok = oi; ok < oj - 1; ok++) {
      if (order === "F") {
        if (oldStrides[ok + 1] !== oldShape[ok]! * oldStrides[ok]!) return null;
      } else if (oldStrides[ok] !== oldShape[ok + 1]! * oldStrides[ok + 1]!) {
        return null;
      }
    }
    if (order === "F") {
      newStrides[ni] = oldStrides[oi]!;
      for (let nk = ni + 1; nk < nj; nk++) newStrides[nk] = newStrides[nk - 1]! * newShape[nk - 1]!;
    } else {
      newStrides[nj - 1] = oldStrides[oj - 1]!;
      for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk]! * newShape[nk]!;
    }
    ni = nj++;
    oi = oj++;
  }
  // Trailing dimensions of length 1 in the new shape.
  let lastStride = ni >= 1 ? newStrides[ni - 1]! : itemsize;
  if (order === "F" && ni >= 1) lastStride *= newShape[ni - 1]!;
  for (let nk = ni; nk < newNdim; nk++) newStrides[nk] = lastStride;
  return newStrides;
}

const scratch = {
  len: 0,
  itemsize: 1,
  ndim: 0,
  shape: null as readonly number[] | null,
  strides: null as readonly number[] | null,
  suboffsets: null as readonly number[] | null,
};

function contiguousIn(layout: ViewLayout, order: "C" | "F"): boolean {
  scratch.len = layout.nbytes;
  scratch.itemsize = layout.itemsize;
  scratch.ndim = layout.ndim;
  scratch.shape = layout.shape;
  scratch.strides = layout.byteStrides;
  const result = order === "C" ? isCContiguous(scratch) : isFContiguous(scratch);
  scratch.shape = scratch.strides = null;
  return result;
}

/**
 * The layout of `layout` reshaped to `newShape` without copying, reading
 * and placing items in `order`: NumPy's `reshape(newShape, order,
 * copy=False)`.
 *
 * @param layout - the view's layout
 * @param newShape - the new shape; one entry may be -1
 * @param order - "C" (default) or "F"
 * @returns the new layout's parts
 * @throws ValueError "Unable to avoid creating a copy while reshaping." when
 *   no strides fit, or NumPy's size messages; NotImplementedError for a view
 *   that follows pointers
 *
 * @example
 * ```ts
 * const layout = makeLayout(0, [2, 6], [48, 8], null, "d", 8, false);
 * reshapeLayout(layout, [3, -1], "C"); // returns { byteOffset: 0, shape: [3, 4], byteStrides: [32, 8], suboffsets: null }
 * ```
 * @example
 * ```ts
 * const transposed = makeLayout(0, [3, 2], [8, 24], null, "d", 8, false);
 * reshapeLayout(transposed, [6], "C"); // throws ValueError
 * ```
 */
export function reshapeLayout(layout: ViewLayout, newShape: readonly unknown[], order: "C" | "F" = "C"): LayoutParts {
  if (order !== "C" && order !== "F") throw new ValueError(`order must be 'C' or 'F', not ${String(order)}`);
  if (hasIndirection(layout.suboffsets)) {
    throw new NotImplementedError("memoryview: cannot reshape a view that follows pointers");
  }
  let size = 1;
  for (let dim = 0; dim < layout.ndim; dim++) size *= layout.shape[dim]!;
  let exactSize: bigint | undefined;
  if (!(size <= Number.MAX_SAFE_INTEGER)) {
    exactSize = 1n;
    for (let dim = 0; dim < layout.ndim; dim++) exactSize *= BigInt(layout.shape[dim]!);
  }
  const byteOffset = layout.byteOffset;
  // A bigint entry counts as its number here too (as in fixUnknownDimension).
  const sameLength = (length: unknown, dim: number): boolean =>
    (typeof length === "bigint" ? Number(length) : length) === layout.shape[dim];
  if (newShape.length === layout.ndim && newShape.every(sameLength)) {
    // NumPy returns a plain view when the shape given (before any -1 is
    // worked out) is the current one: the strides stay.
    return { byteOffset, shape: copyNumbers(layout.shape), byteStrides: copyNumbers(layout.byteStrides), suboffsets: null };
  }
  const shape = fixUnknownDimension(newShape, size, exactSize);
  if (contiguousIn(layout, order)) {
    return { byteOffset, shape, byteStrides: numpyContiguousStrides(shape, layout.itemsize, order), suboffsets: null };
  }
  const byteStrides = attemptNocopyReshape(layout.shape, layout.byteStrides, layout.itemsize, shape, order);
  if (byteStrides === null) throw new ValueError("Unable to avoid creating a copy while reshaping.");
  return { byteOffset, shape, byteStrides, suboffsets: null };
}
