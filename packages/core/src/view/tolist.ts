/**
 * `tolist`: the items as nested arrays, CPython's `tolist_rec` /
 * `tolist_base`, for every format (values as `get` returns them).
 *
 * @packageDocumentation
 */

import { assertArrayLength } from "../allocate.js";
import type { StructValue } from "../codec/index.js";
import type { MemoryView } from "./memory-view.js";
import { readElement } from "./native-access.js";
import { assertItemInMemory, followPointer } from "./subscript.js";
import { mbufOf, fastArrayOf, fastKindOf, itemCodecOf, layoutOf, readItemAt } from "./state/access.js";

/** What {@link MemoryView.toList} returns: an item, or nested arrays of items. */
export type ViewList = StructValue | ViewList[];

function tolistBase(view: MemoryView, positionByte: number): StructValue[] {
  const layout = layoutOf(view);
  const last = layout.ndim - 1;
  const count = layout.shape[last]!;
  const byteStride = layout.byteStrides[last]!;
  const out = new Array<StructValue>(count);
  const ta = fastArrayOf(view);
  if (ta !== null) {
    const size = ta.BYTES_PER_ELEMENT;
    const elemStride = byteStride / size;
    let elem = positionByte / size;
    const kind = fastKindOf(view);
    for (let i = 0; i < count; i++, elem += elemStride) out[i] = readElement(ta, kind, elem)!;
    return out;
  }
  const codec = itemCodecOf(view);
  const mbuf = mbufOf(view);
  const dv = mbuf.dv;
  const suboffset = layout.suboffsets === null ? -1 : layout.suboffsets[last]!;
  for (let i = 0; i < count; i++, positionByte += byteStride) {
    let itemByte = positionByte;
    if (suboffset >= 0) itemByte = followPointer(mbuf, itemByte, suboffset);
    if (mbuf.indirect) assertItemInMemory(mbuf, itemByte, layout.itemsize);
    out[i] = codec.read(dv, itemByte);
  }
  return out;
}

function tolistRec(view: MemoryView, dim: number, positionByte: number): ViewList[] {
  const layout = layoutOf(view);
  if (dim === layout.ndim - 1) return tolistBase(view, positionByte);
  const count = layout.shape[dim]!;
  const byteStride = layout.byteStrides[dim]!;
  const suboffset = layout.suboffsets === null ? -1 : layout.suboffsets[dim]!;
  const out = new Array<ViewList>(count);
  for (let i = 0; i < count; i++, positionByte += byteStride) {
    out[i] = tolistRec(view, dim + 1, suboffset >= 0 ? followPointer(mbufOf(view), positionByte, suboffset) : positionByte);
  }
  return out;
}

/**
 * The items of `view` (past its guards, fast path resolved) as nested
 * arrays; the one item of a 0-d view.
 *
 * @example
 * ```ts
 * const m = MemoryView.from(new Int8Array([1, -1, 2, -2])).reshape([2, 2]);
 * m.toList(); // returns [[1, -1], [2, -2]]
 * ```
 */
export function toList(view: MemoryView): ViewList {
  const layout = layoutOf(view);
  if (layout.ndim === 0) return readItemAt(view, layout.byteOffset);
  // The nested arrays hold one entry per item: past 2**32 − 1 they cannot
  // exist, so refuse before the work (a zero-stride view of 2**52 items
  // needs only one byte of memory).
  let items = 1;
  for (const n of layout.shape) items *= n;
  assertArrayLength(items);
  if (fastArrayOf(view) === null) itemCodecOf(view);
  return tolistRec(view, 0, layout.byteOffset);
}
