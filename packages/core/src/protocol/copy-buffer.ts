/**
 * Copying between two exports of the same shape and item size, whatever
 * their layouts: the engine of `PyObject_CopyData` (and of memoryview's
 * `copy_buffer`), made safe for overlapping memory.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import { isSharedArrayBuffer } from "./brand-checks.js";
import type { BufferInfo } from "./buffer-info.js";
import { isCContiguous, isFContiguous } from "../layout/contiguity.js";
import { impliedShape } from "../layout/implied-layout.js";
import { copyStrided } from "../layout/strided-copy.js";
import { contiguousSide, infoSide } from "./info-side.js";
import { reachableExtent } from "../layout/reachable-extent.js";
import { infoForUse, resolveBuffer } from "./resolve-buffer.js";
import { toContiguous } from "./to-contiguous.js";

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((length, dim) => length === b[dim]);
}

function mayOverlap(
  dest: BufferInfo,
  destBuf: ArrayBuffer | SharedArrayBuffer,
  src: BufferInfo,
  srcBuf: ArrayBuffer | SharedArrayBuffer,
): boolean {
  if (destBuf !== srcBuf) {
    // Two SharedArrayBuffer objects can share one block of memory (a shared
    // WebAssembly.Memory after grow(), say), and nothing tells them apart.
    return isSharedArrayBuffer(destBuf) && isSharedArrayBuffer(srcBuf);
  }
  if (dest.suboffsets !== null || src.suboffsets !== null) return true;
  const [destStart, destEnd] = reachableExtent(dest, destBuf);
  const [srcStart, srcEnd] = reachableExtent(src, srcBuf);
  // Neither export has suboffsets here, so no walk can fail midway, and a
  // copy staged through a temporary gives the same bytes as the direct one
  // whenever the memory is disjoint: "||" only stages more copies.
  return destStart < srcEnd && srcStart < destEnd;
}

/**
 * Copies the items of `src` into `dest`. When both are C-contiguous or both
 * Fortran-contiguous, the `src.len` bytes are copied as they lie (as
 * `PyObject_CopyData` does, so `dest` may then be larger); otherwise the two
 * must have the same shape and item size and are copied item by item in C
 * order. Overlapping memory is copied as if through a temporary buffer.
 *
 * @param dest - a writable export
 * @param src - an export
 * @throws BufferError when `dest` is read-only or too small, or the shapes or item sizes differ
 * @throws ValueError when either memory is released or detached
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array([1, 2, 3, 4]);
 * const transposed = { obj: null, buf: bytes.buffer, offset: 0, len: 4, readonly: false,
 *   itemsize: 1, format: "B", ndim: 2, shape: [2, 2], strides: [1, 2], suboffsets: null };
 * const target = new Uint8Array(4);
 * const rowMajor = { ...transposed, buf: target.buffer, strides: [2, 1] };
 * copyBuffer(rowMajor, transposed);
 * Array.from(target); // returns [1, 3, 2, 4]
 * ```
 * @example
 * ```ts
 * const bytes = new Uint8Array([1, 2, 3, 4, 5]);
 * const low = fillInfo(null, bytes.buffer, 0, 4, false, BufferFlags.FULL);
 * const high = fillInfo(null, bytes.buffer, 1, 4, false, BufferFlags.FULL);
 * copyBuffer(high, low);
 * Array.from(bytes); // returns [1, 1, 2, 3, 4]
 * ```
 */
export function copyBuffer(dest: BufferInfo, src: BufferInfo): void {
  dest = infoForUse(dest);
  src = infoForUse(src);
  if (dest.readonly) throw new BufferError("copyBuffer: the destination is read-only");
  if (dest.len < src.len) throw new BufferError("destination is too small to receive data from source");
  const destBuf = resolveBuffer(dest);
  const srcBuf = resolveBuffer(src);
  const target = new Uint8Array(destBuf);
  if ((isCContiguous(dest) && isCContiguous(src)) || (isFContiguous(dest) && isFContiguous(src))) {
    // TypedArray#set copies through a temporary when the memory is shared.
    target.set(new Uint8Array(srcBuf, src.offset, src.len), dest.offset);
    return;
  }
  if (dest.itemsize !== src.itemsize || !sameShape(impliedShape(dest), impliedShape(src))) {
    throw new BufferError("copyBuffer: destination and source must have the same shape and itemsize");
  }
  const shape = impliedShape(src);
  // The strided copy assumes disjoint memory: stage the source first when
  // the two may share bytes.
  const source = mayOverlap(dest, destBuf, src, srcBuf)
    ? contiguousSide(toContiguous(src, "C"), shape, src.itemsize, "C")
    : infoSide(src, srcBuf);
  copyStrided(shape, src.itemsize, infoSide(dest, destBuf), source);
}
