/**
 * Suboffset pointers. Where `suboffsets[i] >= 0`, the bytes at the computed
 * position hold a pointer: by SPEC §1.2, a native-endian 8-byte unsigned
 * integer giving a byte offset into the same `buf`. This file is the only
 * place that reads or writes one, and that follows one with its bounds
 * check (CPython's `ADJUST_PTR`).
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";

/**
 * The size of a pointer slot in bytes (`sizeof(char *)` on the 64-bit
 * platforms CPython's `PyBuffer_GetPointer` runs on).
 *
 * @example
 * ```ts
 * POINTER_SIZE; // returns 8
 * ```
 */
export const POINTER_SIZE = 8;

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const TWO_POW_32 = 2 ** 32;
const TWO_POW_21 = 2 ** 21;

/**
 * Reads the pointer stored at `byteOffset` of `view`. Pointers of 2^53 or
 * more lie outside every buffer and read as `Infinity`, so that no rounding
 * can bring one back in bounds. The caller checks that the 8 bytes are
 * inside the buffer.
 *
 * @param view - a DataView over the whole `buf`
 * @param byteOffset - where the slot starts
 * @returns the byte offset the slot points at
 *
 * @example
 * ```ts
 * const buf = new ArrayBuffer(16);
 * writePointer(buf, 8, 3);
 * readPointer(new DataView(buf), 8); // returns 3
 * ```
 */
export function readPointer(view: DataView, byteOffset: number): number {
  const low = view.getUint32(byteOffset + (HOST_IS_LITTLE_ENDIAN ? 0 : 4), HOST_IS_LITTLE_ENDIAN);
  const high = view.getUint32(byteOffset + (HOST_IS_LITTLE_ENDIAN ? 4 : 0), HOST_IS_LITTLE_ENDIAN);
  if (high >= TWO_POW_21) return Number.POSITIVE_INFINITY;
  return high * TWO_POW_32 + low;
}

/**
 * Stores a pointer to `targetByteOffset` in the 8 bytes at `byteOffset` of
 * `buf`: what an exporter of PIL-style (suboffset) memory does to build its
 * row table.
 *
 * @param buf - the exported memory
 * @param byteOffset - where the slot starts
 * @param targetByteOffset - the byte offset in `buf` the slot points at
 *
 * @example
 * ```ts
 * const buf = new ArrayBuffer(8);
 * writePointer(buf, 0, 258);
 * new Uint8Array(buf)[0]; // returns 2
 * ```
 */
export function writePointer(buf: ArrayBuffer | SharedArrayBuffer, byteOffset: number, targetByteOffset: number): void {
  if (!Number.isSafeInteger(targetByteOffset) || targetByteOffset < 0) {
    throw new RangeError(`a pointer must be a non-negative safe integer, not ${targetByteOffset}`);
  }
  const view = new DataView(buf, byteOffset, POINTER_SIZE);
  const low = targetByteOffset % TWO_POW_32;
  const high = (targetByteOffset - low) / TWO_POW_32;
  view.setUint32(HOST_IS_LITTLE_ENDIAN ? 0 : 4, low, HOST_IS_LITTLE_ENDIAN);
  view.setUint32(HOST_IS_LITTLE_ENDIAN ? 4 : 0, high, HOST_IS_LITTLE_ENDIAN);
}

/**
 * Whether the 8-byte pointer slot at `positionByte` lies inside memory of
 * `byteLength` bytes: the bounds check before every pointer is read.
 *
 * @example
 * ```ts
 * isPointerSlotInside(8, 16); // returns true
 * ```
 * @example
 * ```ts
 * isPointerSlotInside(12, 16); // returns false
 * ```
 */
export function isPointerSlotInside(positionByte: number, byteLength: number): boolean {
  return positionByte >= 0 && positionByte + POINTER_SIZE <= byteLength;
}

/**
 * Follows the pointer stored at `positionByte`: `*((char **)ptr) +
 * suboffset`, CPython's `ADJUST_PTR`, with the slot's bounds checked first.
 *
 * @param view - a DataView over the memory, from its byte 0
 * @param byteLength - how many bytes of the memory may be read
 * @param positionByte - where the pointer slot starts
 * @param suboffset - added to the pointer
 * @returns the byte position the pointer leads to
 * @throws BufferError when the slot is outside the memory
 *
 * @example
 * ```ts
 * const buf = new ArrayBuffer(16);
 * writePointer(buf, 0, 8);
 * followPointerSlot(new DataView(buf), 16, 0, 2); // returns 10
 * ```
 */
export function followPointerSlot(view: DataView, byteLength: number, positionByte: number, suboffset: number): number {
  if (!isPointerSlotInside(positionByte, byteLength)) {
    throw new BufferError(`the suboffset pointer slot at byte ${positionByte} is outside buf (byteLength ${byteLength})`);
  }
  return readPointer(view, positionByte) + suboffset;
}

/**
 * Checks that an item reached through a pointer lies inside the memory.
 *
 * @param positionByte - where the item starts
 * @param itemsize - its size in bytes
 * @param byteLength - how many bytes of the memory may be read
 * @throws BufferError when it does not
 *
 * @example
 * ```ts
 * assertReachedItemInside(6, 4, 8); // throws BufferError
 * ```
 */
export function assertReachedItemInside(positionByte: number, itemsize: number, byteLength: number): void {
  if (!(positionByte >= 0 && positionByte + itemsize <= byteLength)) {
    throw new BufferError(`a suboffset pointer leads outside buf: item at byte ${positionByte} (byteLength ${byteLength})`);
  }
}
