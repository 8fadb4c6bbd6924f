/**
 * The bytes of `buf` an export can reach, following suboffset pointers the
 * way `PyBuffer_GetPointer` does: the hull [startByte, endByte) of every
 * item and every pointer slot that some index reaches.
 *
 * Up to the last indirect dimension the walk enumerates positions (each
 * pointer read can go anywhere); after it, the direct dimensions form a
 * strided block whose extent is computed in closed form. Positions already
 * walked in a dimension are not walked again, so a zero stride or a
 * repeated pointer costs nothing.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import type { BufferInfo } from "../protocol/buffer-info.js";
import { impliedByteStrides, impliedShape } from "./implied-layout.js";
import { byteExtent } from "./byte-extent.js";
import { POINTER_SIZE, isPointerSlotInside, readPointer } from "./pointer-slot.js";

type ExtentFields = Pick<
  BufferInfo,
  "offset" | "len" | "itemsize" | "ndim" | "shape" | "strides" | "suboffsets"
>;

/**
 * [startByte, endByte) of everything an export can reach in `buf`, pointer
 * slots included. An export with a dimension of length 0 reaches nothing:
 * [offset, offset).
 *
 * @param info - a BufferInfo whose fields have the right types
 * @param buf - the memory to read pointers from (only read with suboffsets)
 * @returns [startByte, endByte]
 * @throws BufferError when a pointer slot lies outside `buf` (the walk cannot go on)
 *
 * @example
 * ```ts
 * const info = { offset: 4, len: 8, itemsize: 4, ndim: 1, shape: [2], strides: [-4], suboffsets: null };
 * reachableExtent(info, new ArrayBuffer(8)); // returns [0, 8]
 * ```
 * @example
 * ```ts
 * // Two rows of two bytes reached through a pointer table at bytes 0..15.
 * const buf = new ArrayBuffer(20);
 * writePointer(buf, 0, 16);
 * writePointer(buf, 8, 18);
 * const info = { offset: 0, len: 4, itemsize: 1, ndim: 2, shape: [2, 2], strides: [8, 1], suboffsets: [0, -1] };
 * reachableExtent(info, buf); // returns [0, 20]
 * ```
 */
export function reachableExtent(
  info: ExtentFields,
  buf: ArrayBuffer | SharedArrayBuffer,
): [number, number] {
  const shape = impliedShape(info);
  const byteStrides = impliedByteStrides(info);
  const suboffsets = info.suboffsets;
  let lastIndirectDim = -1;
  if (suboffsets !== null) {
    for (let dim = 0; dim < suboffsets.length; dim++) if (suboffsets[dim] >= 0) lastIndirectDim = dim;
  }
  if (lastIndirectDim < 0 || shape.includes(0)) {
    return byteExtent(shape, byteStrides, info.offset, info.itemsize);
  }

  // The direct dimensions after the last indirect one: their reach relative
  // to the position the last pointer gives.
  let tailStartByte = 0;
  let tailLastItemByte = 0;
  for (let dim = lastIndirectDim + 1; dim < shape.length; dim++) {
    const span = byteStrides[dim] * (shape[dim] - 1);
    if (span > 0) tailLastItemByte += span;
    else tailStartByte += span;
  }

  const view = new DataView(buf);
  const byteLength = view.byteLength;
  const walked: Set<number>[] = [];
  for (let dim = 0; dim <= lastIndirectDim; dim++) walked.push(new Set());
  let startByte = Number.POSITIVE_INFINITY;
  let endByte = Number.NEGATIVE_INFINITY;

  const walk = (dim: number, baseByte: number): void => {
    if (dim > lastIndirectDim) {
      startByte = Math.min(startByte, baseByte + tailStartByte);
      endByte = Math.max(endByte, baseByte + tailLastItemByte + info.itemsize);
      return;
    }
    const seen = walked[dim];
    if (seen.has(baseByte)) return;
    seen.add(baseByte);
    const byteStride = byteStrides[dim];
    const count = byteStride === 0 ? 1 : shape[dim];
    const suboffset = suboffsets![dim];
    for (let index = 0; index < count; index++) {
      const positionByte = baseByte + byteStride * index;
      if (suboffset < 0) {
        walk(dim + 1, positionByte);
        continue;
      }
      if (!isPointerSlotInside(positionByte, byteLength)) {
        throw new BufferError(
          `invalid BufferInfo: the suboffset pointer slot at byte ${positionByte} ` +
            `(dimension ${dim}, index ${index}) is outside buf (byteLength ${byteLength})`,
        );
      }
      startByte = Math.min(startByte, positionByte);
      endByte = Math.max(endByte, positionByte + POINTER_SIZE);
      walk(dim + 1, readPointer(view, positionByte) + suboffset);
    }
  };
  walk(0, info.offset);
  return [startByte, endByte];
}
