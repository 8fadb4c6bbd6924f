/**
 * `PyBuffer_FromContiguous`: contiguous bytes into an export.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import { isSharedArrayBuffer } from "./brand-checks.js";
import type { BufferInfo, ContiguityOrder } from "./buffer-info.js";
import { isContiguous } from "../layout/contiguity.js";
import { assertContiguityOrder } from "../layout/contiguity-order.js";
import { ItemCursor } from "../layout/item-cursor.js";
import { copyStrided } from "../layout/strided-copy.js";
import { orderedSides } from "./info-side.js";
import { infoForUse, resolveBuffer } from "./resolve-buffer.js";

function bytesOf(source: ArrayBufferView | ArrayBuffer | SharedArrayBuffer): Uint8Array {
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}

/**
 * Copies contiguous bytes into the items of an export, in C order (`"C"`,
 * `"A"`) or Fortran order (`"F"`): `PyBuffer_FromContiguous`. As in
 * CPython, at most `info.len` bytes are copied; when the export is not
 * contiguous in `order`, only whole items are.
 *
 * @param info - a writable export
 * @param source - the bytes (any ArrayBufferView, ArrayBuffer or SharedArrayBuffer)
 * @param order - `"C"` (the default), `"F"` or `"A"`
 * @throws BufferError when the export is read-only
 * @throws ValueError when the memory is released or detached
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(4);
 * const info = { obj: null, buf: bytes.buffer, offset: 0, len: 4, readonly: false,
 *   itemsize: 1, format: "B", ndim: 2, shape: [2, 2], strides: [1, 2], suboffsets: null };
 * fromContiguous(info, new Uint8Array([1, 2, 3, 4]), "C");
 * Array.from(bytes); // returns [1, 3, 2, 4]
 * ```
 */
export function fromContiguous(
  info: BufferInfo,
  source: ArrayBufferView | ArrayBuffer | SharedArrayBuffer,
  order: ContiguityOrder = "C",
): void {
  assertContiguityOrder(order);
  info = infoForUse(info);
  if (info.readonly) throw new BufferError("fromContiguous: the destination is read-only");
  // The source's bytes first (a TypedArray subclass's getters are user
  // code), then the export's memory, resolved after them.
  let bytes = bytesOf(source);
  const buf = resolveBuffer(info);
  const target = new Uint8Array(buf);
  const len = Math.min(bytes.length, info.len);
  if (isContiguous(info, order)) {
    target.set(bytes.subarray(0, len), info.offset); // set() copes with overlap
    return;
  }
  // A source sharing the export's memory is read before any item is written.
  // Shared memory can be aliased by another SharedArrayBuffer object (a
  // shared WebAssembly.Memory hands out a new one at each grow()).
  if (bytes.buffer === buf || isSharedArrayBuffer(buf)) bytes = bytes.slice(0, len);
  const itemsize = info.itemsize;
  const walk = order === "F" ? "F" : "C";
  const sides = len === info.len ? orderedSides(info, buf, bytes, walk) : null;
  if (sides !== null) {
    copyStrided(sides.shape, itemsize, sides.exported, sides.contiguous);
    return;
  }
  // A short source fills the first items in order and leaves the rest, and
  // Fortran order through pointers cannot run reversed: item by item.
  const cursor = new ItemCursor(info, walk, buf);
  const itemCount = Math.floor(len / itemsize);
  for (let k = 0, sourceByte = 0; k < itemCount; k++) {
    const targetByte = cursor.next();
    for (let b = 0; b < itemsize; b++) target[targetByte + b] = bytes[sourceByte++]!;
  }
}
