/**
 * `PyBuffer_ToContiguous`: the bytes of an export in one order.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import { isSharedArrayBuffer, typedArrayKind, viewWindow } from "./brand-checks.js";
import { typeName } from "./type-name.js";
import type { BufferInfo, ContiguityOrder } from "./buffer-info.js";
import { isContiguous } from "../layout/contiguity.js";
import { assertContiguityOrder } from "../layout/contiguity-order.js";
import { ItemCursor } from "../layout/item-cursor.js";
import { copyStrided } from "../layout/strided-copy.js";
import { orderedSides } from "./info-side.js";
import { infoForUse, resolveBuffer } from "./resolve-buffer.js";
import { allocateBytes } from "../allocate.js";

/**
 * Copies the items of an export into contiguous bytes: `PyBuffer_ToContiguous`.
 * Memory already contiguous in `order` is copied as it lies; otherwise the
 * items are gathered in C order (`"C"`, and `"A"` as in CPython's
 * `buffer_to_contiguous`) or Fortran order (`"F"`), following suboffsets.
 *
 * @param info - an export
 * @param order - `"C"` (the default), `"F"` or `"A"`
 * @param out - receives the bytes; its length must be `info.len` (a new array by default)
 * @returns out
 * @throws ValueError when `out.length` is not `info.len`, or the memory is released or detached
 * @throws TypeError when `out` is not a Uint8Array
 *
 * @example
 * ```ts
 * const info = { obj: null, buf: new Uint8Array([1, 2, 3, 4]).buffer, offset: 0, len: 4, readonly: false,
 *   itemsize: 1, format: "B", ndim: 2, shape: [2, 2], strides: [1, 2], suboffsets: null };
 * Array.from(toContiguous(info, "C")); // returns [1, 3, 2, 4]
 * ```
 * @example
 * ```ts
 * const info = getBuffer(new Uint8Array([5, 6, 7]));
 * Array.from(toContiguous(info)); // returns [5, 6, 7]
 * ```
 */
export function toContiguous(info: BufferInfo, order: ContiguityOrder = "C", out?: Uint8Array): Uint8Array {
  assertContiguityOrder(order);
  info = infoForUse(info);
  const len = info.len;
  const given = out;
  out = out === undefined ? allocateBytes(len) : plainOut(out, len);
  const buf = resolveBuffer(info);
  const source = new Uint8Array(buf);
  if (isContiguous(info, order)) {
    out.set(source.subarray(info.offset, info.offset + len));
    return given ?? out;
  }
  // Gathering item by item into memory that aliases the source could read
  // bytes already overwritten: gather into fresh memory first. Shared memory
  // can be aliased by another SharedArrayBuffer object (a shared
  // WebAssembly.Memory hands out a new one at each grow()), which nothing
  // tells apart from unrelated memory.
  const target = out.buffer === buf || isSharedArrayBuffer(buf) ? new Uint8Array(len) : out;
  const walk = order === "F" ? "F" : "C";
  const sides = orderedSides(info, buf, target, walk);
  if (sides !== null) {
    copyStrided(sides.shape, info.itemsize, sides.contiguous, sides.exported);
  } else {
    // Fortran order through pointers: item by item.
    const itemsize = info.itemsize;
    const cursor = new ItemCursor(info, walk, buf);
    for (let k = 0, targetByte = 0; k < cursor.itemCount; k++) {
      const sourceByte = cursor.next();
      for (let b = 0; b < itemsize; b++) target[targetByte++] = source[sourceByte + b]!;
    }
  }
  if (target !== out) out.set(target);
  return given ?? out;
}

/**
 * `out` as a plain Uint8Array over its own bytes, read with the intrinsic
 * getters: a subclass's `length`, `buffer` or `set` never runs, so no user
 * code can detach or release memory between the checks and the copy, nor
 * be handed a writable view of a read-only source.
 */
function plainOut(out: unknown, len: number): Uint8Array {
  if (typedArrayKind(out) !== "Uint8Array") {
    throw new TypeError(`toContiguous: out must be a Uint8Array, not ${typeName(out)}`);
  }
  // A detached or out-of-bounds out has no window: it holds 0 bytes.
  const window = viewWindow(out as Uint8Array);
  const size = window === null ? 0 : window.byteLength;
  if (size !== len) throw new ValueError(`toContiguous: out.length ${size} != info.len ${len}`);
  return window === null ? new Uint8Array(0) : new Uint8Array(window.buffer, window.byteOffset, size);
}
