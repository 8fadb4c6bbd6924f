/**
 * From indices to the byte position of an item, following suboffsets:
 * CPython's `lookup_dimension`, `ptr_from_tuple` and `ADJUST_PTR`
 * (`Objects/memoryobject.c`), and `PyBuffer_GetPointer`. Every pointer read
 * and every item reached through one is checked against the memory, so a
 * corrupt pointer throws `BufferError` instead of reading elsewhere.
 *
 * @packageDocumentation
 */

import { indexInDimension } from "../layout/dimension-index.js";
import { assertReachedItemInside, followPointerSlot } from "../layout/pointer-slot.js";
import type { ManagedBuffer } from "./managed-buffer.js";
import type { ViewLayout } from "./view-layout.js";

/** An index: a number or a bigint, negative counting from the end. */
export type Index = number | bigint;

/**
 * Converts one index for a dimension of `length` items: negative indices
 * count from the end, as in Python.
 *
 * @param value - the index given
 * @param length - the length of the dimension
 * @param dim - the dimension (0-based; the message counts from 1, as CPython's)
 * @returns the index in [0, length)
 * @throws TypeError when `value` is not an integer; IndexError when it is out of range
 *
 * @example
 * ```ts
 * indexIn(-1, 4, 0); // returns 3
 * ```
 * @example
 * ```ts
 * indexIn(2n, 4, 0); // returns 2
 * ```
 * @example
 * ```ts
 * indexIn(4, 4, 1); // throws IndexError
 * ```
 */
export function indexIn(value: unknown, length: number, dim: number): number {
  let index: number;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new TypeError("memoryview: invalid slice key");
    index = value;
  } else if (typeof value === "bigint") {
    index = Number(value);
  } else {
    throw new TypeError("memoryview: invalid slice key");
  }
  return indexInDimension(index, length, dim);
}

/**
 * Follows the pointer stored at `positionByte`: `*((char **)ptr) + suboffset`.
 *
 * @param mbuf - the managed buffer whose memory holds the pointer
 * @param positionByte - where the pointer slot starts
 * @param suboffset - added to the pointer
 * @returns the byte position the pointer leads to
 * @throws BufferError when the slot is outside the memory
 *
 * @example
 * ```ts
 * const buf = new ArrayBuffer(16);
 * writePointer(buf, 0, 8);
 * const mbuf = ManagedBuffer.fromObject(buf, BufferFlags.FULL_RO);
 * followPointer(mbuf, 0, 2); // returns 10
 * ```
 */
export function followPointer(mbuf: ManagedBuffer, positionByte: number, suboffset: number): number {
  return followPointerSlot(mbuf.dv, mbuf.endByte, positionByte, suboffset);
}

/**
 * Asserts that an item reached through a pointer lies inside the memory.
 *
 * @throws BufferError when it does not
 *
 * @example
 * ```ts
 * const mbuf = ManagedBuffer.fromObject(new ArrayBuffer(8), BufferFlags.FULL_RO);
 * assertItemInMemory(mbuf, 6, 4); // throws BufferError
 * ```
 */
export function assertItemInMemory(mbuf: ManagedBuffer, positionByte: number, itemsize: number): void {
  assertReachedItemInside(positionByte, itemsize, mbuf.endByte);
}

/**
 * The byte position of the item at `indices`, one index per dimension, in
 * the memory of `mbuf`: `ptr_from_tuple` with full indexing.
 *
 * @param mbuf - the view's managed buffer
 * @param layout - the view's layout
 * @param indices - one index per dimension (numbers or bigints)
 * @param from - where the indices start in `indices`
 * @param count - how many indices there are
 * @returns the byte position of the item
 * @throws TypeError for a wrong number of indices or a non-integer index;
 *   IndexError for an index out of range; BufferError for a bad pointer
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(6)).reshape([2, 3]);
 * itemByteOffset(mbufOf(view), view.layout, [1, -1], 0, 2); // returns 5
 * ```
 */
export function itemByteOffset(
  mbuf: ManagedBuffer,
  layout: ViewLayout,
  indices: ArrayLike<unknown>,
  from: number,
  count: number,
): number {
  const ndim = layout.ndim;
  if (count !== ndim) {
    if (ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
    if (count > ndim) throw new TypeError(`cannot index ${ndim}-dimension view with ${count}-element tuple`);
    throw new TypeError(
      `cannot index ${ndim}-dimension view with ${count}-element tuple: ` +
        `an item needs ${ndim} indices (index() makes a sub-view)`,
    );
  }
  const { shape, byteStrides, suboffsets } = layout;
  let positionByte = layout.byteOffset;
  for (let dim = 0; dim < ndim; dim++) {
    positionByte += byteStrides[dim]! * indexIn(indices[from + dim], shape[dim]!, dim);
    if (suboffsets !== null && suboffsets[dim]! >= 0) positionByte = followPointer(mbuf, positionByte, suboffsets[dim]!);
  }
  if (mbuf.indirect) assertItemInMemory(mbuf, positionByte, layout.itemsize);
  return positionByte;
}
