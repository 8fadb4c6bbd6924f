/**
 * `PyBuffer_GetPointer`, as a byte offset into `buf`.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "./buffer-info.js";
import { impliedByteStrides, impliedShape } from "../layout/implied-layout.js";
import { assertReachedItemInside, followPointerSlot } from "../layout/pointer-slot.js";
import { assertIndexInDimension } from "../layout/dimension-index.js";
import { infoForUse, resolveBuffer } from "./resolve-buffer.js";

/**
 * The byte offset in `buf` of the item at `indices`: `PyBuffer_GetPointer`.
 * Each index moves by its dimension's stride; where `suboffsets[i] >= 0` the
 * position then holds a pointer (a byte offset into `buf`) and the walk
 * continues from that pointer plus `suboffsets[i]`.
 *
 * Unlike the C function, every index is checked, and with suboffsets every
 * pointer slot read and the item reached are checked against the current
 * `buf` (the pointers live in memory that can change after validation).
 * A BufferInfo the caller built is used as a snapshot taken now and
 * validated in full (as `toContiguous` does), and the indices are read once,
 * before any memory is: a getter in either cannot change what is walked.
 *
 * @param info - an export
 * @param indices - one index per dimension (none for a 0-dimensional export)
 * @returns the byte offset of the item
 * @throws TypeError when the number of indices is not ndim, or one is not an integer
 * @throws IndexError "index out of bounds on dimension N" (1-based, as memoryview says)
 * @throws BufferError when a suboffset pointer leads outside `buf`
 *
 * @example
 * ```ts
 * const info = { obj: null, buf: new ArrayBuffer(24), offset: 20, len: 24, readonly: false, itemsize: 4,
 *   format: "i", ndim: 2, shape: [2, 3], strides: [-12, -4], suboffsets: null };
 * getPointer(info, [1, 2]); // returns 0
 * ```
 * @example
 * ```ts
 * const buf = new ArrayBuffer(24);
 * writePointer(buf, 0, 16);
 * writePointer(buf, 8, 20);
 * const info = { obj: null, buf, offset: 0, len: 8, readonly: false, itemsize: 2,
 *   format: "h", ndim: 2, shape: [2, 2], strides: [8, 2], suboffsets: [0, -1] };
 * getPointer(info, [1, 1]); // returns 22
 * ```
 * @example
 * ```ts
 * getPointer(getBuffer(new Uint8Array(2)), [2]); // throws IndexError
 * ```
 */
export function getPointer(info: BufferInfo, indices: readonly number[]): number {
  info = infoForUse(info);
  const shape = impliedShape(info);
  const byteStrides = impliedByteStrides(info);
  if (!Array.isArray(indices)) {
    throw new TypeError(`getPointer: expected ${shape.length} indices, got ${typeof indices}`);
  }
  // Each index read once (a Proxy or getter runs here, before any memory is).
  const given = Array.from(indices);
  if (given.length !== shape.length) {
    throw new TypeError(`getPointer: expected ${shape.length} indices, got ${given.length}`);
  }
  for (let dim = 0; dim < given.length; dim++) {
    const index = given[dim];
    if (typeof index !== "number" || !Number.isInteger(index)) {
      throw new TypeError(`getPointer: index ${dim} must be an integer, not ${String(index)}`);
    }
    assertIndexInDimension(index, shape[dim]!, dim);
  }
  const suboffsets = info.suboffsets;
  let view: DataView | null = null;
  let positionByte = info.offset;
  for (let dim = 0; dim < shape.length; dim++) {
    positionByte += byteStrides[dim]! * (given[dim] as number);
    if (suboffsets !== null && suboffsets[dim]! >= 0) {
      view ??= new DataView(resolveBuffer(info));
      positionByte = followPointerSlot(view, view.byteLength, positionByte, suboffsets[dim]!);
    }
  }
  if (view !== null) assertReachedItemInside(positionByte, info.itemsize, view.byteLength);
  return positionByte;
}
