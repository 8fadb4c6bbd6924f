/**
 * The layout that null fields of a BufferInfo imply, worked out the way
 * CPython's `memoryview` does in `init_shape_strides`: no strides means
 * C-contiguous; no shape on a 1-D export means `len / itemsize` items; a
 * 0-D export has no dimensions at all.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";
import { cByteStrides } from "./c-strides.js";

type LayoutFields = Pick<BufferInfo, "ndim" | "len" | "itemsize" | "shape" | "strides">;

/**
 * The shape of an export, filling in the one a null `shape` implies.
 *
 * @param info - a validated BufferInfo
 * @returns one length per dimension
 *
 * @example
 * ```ts
 * impliedShape(getBuffer(new Int32Array(3), BufferFlags.SIMPLE)); // returns [3]
 * ```
 * @example
 * ```ts
 * impliedShape(getBuffer(new Int32Array(3), BufferFlags.ND)); // returns [3]
 * ```
 */
export function impliedShape(info: LayoutFields): readonly number[] {
  if (info.shape !== null) return info.shape;
  if (info.ndim === 0) return [];
  return [info.len / info.itemsize];
}

/**
 * The byte strides of an export, filling in the C-contiguous ones that a
 * null `strides` implies.
 *
 * @param info - a validated BufferInfo
 * @returns one byte stride per dimension
 *
 * @example
 * ```ts
 * impliedByteStrides(getBuffer(new Float64Array(2), BufferFlags.ND)); // returns [8]
 * ```
 */
export function impliedByteStrides(info: LayoutFields): readonly number[] {
  if (info.strides !== null) return info.strides;
  return cByteStrides(impliedShape(info), info.itemsize);
}
