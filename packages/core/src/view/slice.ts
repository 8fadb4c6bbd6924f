/**
 * Slicing one dimension without copying: CPython's `init_slice`
 * (`Objects/memoryobject.c`) after `PySlice_Unpack` and
 * `PySlice_AdjustIndices` (`Objects/sliceobject.c`), applied to any
 * dimension (CPython only slices the first; NumPy slices them all, with the
 * same arithmetic for non-empty results).
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import { adjustIndices } from "../layout/adjust-indices.js";

/** A slice bound: an integer, or null/undefined for Python's None. */
export type SliceBound = number | bigint | null | undefined;

/**
 * One dimension's slice, Python's `start:stop:step`: as an object, or as a
 * `[start, stop, step]` array (missing entries are None). Null or
 * undefined takes the whole dimension.
 */
export type SliceSpec =
  | { readonly start?: SliceBound; readonly stop?: SliceBound; readonly step?: SliceBound }
  | readonly [start?: SliceBound, stop?: SliceBound, step?: SliceBound]
  | null
  | undefined;

// PY_SSIZE_T_MAX and PY_SSIZE_T_MIN, as far as a double can tell: any bound
// beyond a dimension's length clamps the same way.
const BIG = Number.MAX_SAFE_INTEGER;

function bound(value: SliceBound, fallback: number, what: string): number {
  if (value === null || value === undefined) return fallback;
  if (typeof value === "bigint") {
    if (value > BigInt(BIG)) return BIG;
    if (value < BigInt(-BIG)) return -BIG;
    return Number(value);
  }
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`slice indices must be integers or None, not ${what} ${String(value)}`);
  }
  return value;
}

/**
 * `PySlice_Unpack` and `PySlice_AdjustIndices`: the first index, the step
 * and the number of items of `start:stop:step` over `length` items.
 *
 * @param length - the length of the dimension
 * @param start - Python's start (null: from the beginning, or the end for a negative step)
 * @param stop - Python's stop
 * @param step - Python's step (null: 1)
 * @param out - receives [start, step, sliceLength]
 * @returns `out`
 * @throws ValueError "slice step cannot be zero"; TypeError for a non-integer bound
 *
 * @example
 * ```ts
 * adjustSlice(10, 2, null, 3, [0, 0, 0]); // returns [2, 3, 3]
 * ```
 * @example
 * ```ts
 * adjustSlice(5, null, null, -1, [0, 0, 0]); // returns [4, -1, 5]
 * ```
 * @example
 * ```ts
 * adjustSlice(4, 5, -7, -1, [0, 0, 0]); // returns [3, -1, 4]
 * ```
 * @example
 * ```ts
 * adjustSlice(0, null, null, -1, [0, 0, 0]); // returns [-1, -1, 0]
 * ```
 */
export function adjustSlice(length: number, start: SliceBound, stop: SliceBound, step: SliceBound, out: number[]): number[] {
  const byStep = bound(step, 1, "step");
  if (byStep === 0) throw new ValueError("slice step cannot be zero");
  const first = bound(start, byStep < 0 ? BIG : 0, "start");
  const last = bound(stop, byStep < 0 ? -BIG : BIG, "stop");
  adjustIndices(length, first, last, byStep, out);
  out[1] = byStep;
  return out;
}

/**
 * `adjustSlice` for a {@link SliceSpec}: reads its start, stop and step
 * (an array or an object; null or undefined takes the whole dimension).
 *
 * @param length - the length of the dimension
 * @param spec - the slice
 * @param out - receives [start, step, sliceLength]
 * @returns `out`
 *
 * @example
 * ```ts
 * adjustSliceSpec(5, [1, null, -1], [0, 0, 0]); // returns [1, -1, 2]
 * ```
 * @example
 * ```ts
 * adjustSliceSpec(5, { step: 2 }, [0, 0, 0]); // returns [0, 2, 3]
 * ```
 * @example
 * ```ts
 * adjustSliceSpec(5, null, [0, 0, 0]); // returns [0, 1, 5]
 * ```
 */
export function adjustSliceSpec(length: number, spec: SliceSpec, out: number[]): number[] {
  // `adjustSliceSpec` is internal and its only caller, MemoryView.slice, skips null and undefined specs before
  // calling it, so this test never sees either.
  if (spec === null || spec === undefined) return adjustSlice(length, null, null, null, out);
  if (Array.isArray(spec)) {
    if (spec.length > 3) throw new TypeError(`a slice has at most 3 entries (start, stop, step), not ${spec.length}`);
    return adjustSlice(length, spec[0], spec[1], spec[2], out);
  }
  if (typeof spec !== "object") {
    throw new TypeError(`a slice must be [start, stop, step], {start, stop, step} or null, not ${typeof spec}`);
  }
  const s = spec as { start?: SliceBound; stop?: SliceBound; step?: SliceBound };
  return adjustSlice(length, s.start, s.stop, s.step, out);
}

/**
 * Applies a slice to dimension `dim` of a layout being built:
 * `init_slice`. The first item moves by `start` steps; where an earlier
 * dimension follows a pointer, the move goes into that dimension's
 * suboffset instead (the pointer is read per item, so the offset must be
 * added after it).
 *
 * @param byteOffset - the layout's byte offset
 * @param shape - the layout's shape; updated in place
 * @param byteStrides - the layout's byte strides; updated in place
 * @param suboffsets - the layout's suboffsets (updated in place), or null
 * @param dim - the dimension to slice
 * @param start - the first index ({@link adjustSlice})
 * @param step - the step
 * @param count - the number of items
 * @returns the layout's new byte offset
 *
 * @example
 * ```ts
 * const shape = [4, 6], strides = [6, 1];
 * [sliceDimension(0, shape, strides, null, 1, 5, -2, 3), shape, strides]; // returns [5, [4, 3], [6, -2]]
 * ```
 * @example
 * ```ts
 * const sub = [0, -1];
 * [sliceDimension(0, [2, 4], [8, 1], sub, 1, 1, 1, 3), sub]; // returns [0, [1, -1]]
 * ```
 */
export function sliceDimension(
  byteOffset: number,
  shape: number[],
  byteStrides: number[],
  suboffsets: number[] | null,
  dim: number,
  start: number,
  step: number,
  count: number,
): number {
  const moveByte = byteStrides[dim]! * start;
  let pointerDim = -1;
  if (suboffsets !== null) {
    for (let d = dim - 1; d >= 0; d--) {
      if (suboffsets[d]! >= 0) {
        pointerDim = d;
        break;
      }
    }
  }
  shape[dim] = count;
  byteStrides[dim] = byteStrides[dim]! * step + 0; // + 0: no -0 stride from 0 * -step
  if (pointerDim < 0) return byteOffset + moveByte;
  suboffsets![pointerDim]! += moveByte;
  return byteOffset;
}
