/**
 * The bytes of `buf` an export can reach, following suboffset pointers the
 * way `PyBuffer_GetPointer` does: the hull [startByte, endByte) of every
 * item and every pointer slot that some index reaches.
 *
 * Up to the last indirect dimension the walk enumerates positions (each
 * pointer read can go anywhere), one dimension at a time and each distinct
 * position once, so the work is linear in the distinct pointer slots (all
 * inside `buf`), whatever the shape; after it, the direct dimensions form a
 * strided block whose extent is computed in closed form.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import type { BufferInfo } from "../protocol/buffer-info.js";
import { impliedByteStrides, impliedShape } from "./implied-layout.js";
import { byteExtent } from "./byte-extent.js";
import { POINTER_SIZE, isPointerSlotInside, readPointer } from "./pointer-slot.js";

type ExtentFields = Pick<BufferInfo, "offset" | "len" | "itemsize" | "ndim" | "shape" | "strides" | "suboffsets">;

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
export function reachableExtent(info: ExtentFields, buf: ArrayBuffer | SharedArrayBuffer): [number, number] {
  const shape = impliedShape(info);
  const byteStrides = impliedByteStrides(info);
  const suboffsets = info.suboffsets;
  let lastIndirectDim = -1;
  if (suboffsets !== null) {
    for (let dim = 0; dim < suboffsets.length; dim++) if (suboffsets[dim]! >= 0) lastIndirectDim = dim;
  }
  if (lastIndirectDim < 0 || shape.includes(0)) {
    return byteExtent(shape, byteStrides, info.offset, info.itemsize);
  }

  // The direct dimensions after the last indirect one: their reach relative
  // to the position the last pointer gives.
  let tailStartByte = 0;
  let tailLastItemByte = 0;
  for (let dim = lastIndirectDim + 1; dim < shape.length; dim++) {
    const span = byteStrides[dim]! * (shape[dim]! - 1);
    if (span > 0) tailLastItemByte += span;
    else tailStartByte += span;
  }

  const view = new DataView(buf);
  const byteLength = view.byteLength;
  let startByte = Number.POSITIVE_INFINITY;
  let endByte = Number.NEGATIVE_INFINITY;

  // One dimension at a time: the distinct positions the dimension's
  // indices reach from the distinct bases the dimension before gave. Each
  // position is visited once, so the work is the number of distinct
  // positions (pointer slots, all inside buf) plus a sort, never the
  // product of the shape.
  let bases: number[] = [info.offset];
  for (let dim = 0; dim <= lastIndirectDim; dim++) {
    const byteStride = byteStrides[dim]!;
    const count = byteStride === 0 ? 1 : shape[dim]!;
    const suboffset = suboffsets![dim]!;
    const next: number[] = [];
    forEachDistinctPosition(bases, byteStride, count, (positionByte) => {
      if (suboffset < 0) {
        // Every position of a direct dimension is, with the later direct
        // indices at 0, a pointer slot of the next indirect one: more of
        // them than buf has bytes cannot all lie inside it.
        if (next.length >= byteLength) throw tooManySlots(dim, byteLength);
        next.push(positionByte);
        return;
      }
      if (!isPointerSlotInside(positionByte, byteLength)) {
        const index = indexReaching(bases, byteStride, count, positionByte);
        throw new BufferError(
          `invalid BufferInfo: the suboffset pointer slot at byte ${positionByte} ` +
            `(dimension ${dim}, index ${index}) is outside buf (byteLength ${byteLength})`,
        );
      }
      if (positionByte < startByte) startByte = positionByte;
      if (positionByte + POINTER_SIZE > endByte) endByte = positionByte + POINTER_SIZE;
      next.push(readPointer(view, positionByte) + suboffset);
    });
    bases = next;
  }
  for (const baseByte of bases) {
    startByte = Math.min(startByte, baseByte + tailStartByte);
    endByte = Math.max(endByte, baseByte + tailLastItemByte + info.itemsize);
  }
  return [startByte, endByte];
}

function tooManySlots(dim: number, byteLength: number): BufferError {
  return new BufferError(
    `invalid BufferInfo: dimension ${dim} reaches more distinct positions than buf has bytes ` +
      `(byteLength ${byteLength}), so some pointer slot lies outside it`,
  );
}

/** The index of the first base's progression that reaches `positionByte` (for messages). */
function indexReaching(bases: readonly number[], byteStride: number, count: number, positionByte: number): number {
  for (const baseByte of bases) {
    const index = byteStride === 0 ? 0 : (positionByte - baseByte) / byteStride;
    if (Number.isInteger(index) && index >= 0 && index < count) return index;
  }
  return 0;
}

/**
 * Calls `visit` once for each distinct `base + index·byteStride`, for every
 * base and every index below `count`. The progressions of bases that agree
 * modulo the stride overlap; they are sorted and merged, so each position
 * is produced once, in time linear in the positions (and n log n in the
 * bases).
 */
function forEachDistinctPosition(
  bases: readonly number[],
  byteStride: number,
  count: number,
  visit: (positionByte: number) => void,
): void {
  if (count === 1 || byteStride === 0) {
    for (const baseByte of new Set(bases)) visit(baseByte);
    return;
  }
  const step = Math.abs(byteStride);
  const span = byteStride * (count - 1);
  // Each base covers the interval [low, low + (count - 1)·step] of its residue.
  const byResidue = new Map<number, number[]>();
  for (const baseByte of bases) {
    const low = span < 0 ? baseByte + span : baseByte;
    const residue = ((low % step) + step) % step;
    let lows = byResidue.get(residue);
    if (lows === undefined) {
      lows = [];
      byResidue.set(residue, lows);
    }
    lows.push(low);
  }
  const length = step * (count - 1);
  for (const lows of byResidue.values()) {
    lows.sort((a, b) => a - b);
    let next = Number.NEGATIVE_INFINITY; // the first position of this residue not yet visited
    for (const low of lows) {
      const high = low + length;
      for (let positionByte = Math.max(low, next); positionByte <= high; positionByte += step) visit(positionByte);
      if (high + step > next) next = high + step;
    }
  }
}
