/**
 * Copying one view's items into another of the same structure, whatever
 * the two layouts: CPython's `copy_single` / `copy_buffer` (which it only
 * uses for 1-D slice assignment), for every dimension count. When the two
 * may share bytes, the source is first gathered into fresh memory, so the
 * result is as if every item were read before any was written.
 *
 * @packageDocumentation
 */

import { cByteStrides } from "../protocol/index.js";
import { copyStrided, mayOverlap } from "./copy.js";
import { viewSide } from "./copy-side.js";
import { LayoutFlag } from "./layout-flags.js";
import type { MemoryView } from "./memory-view.js";
import { assertEquivStructure } from "./structure.js";
import { toBytes } from "./to-bytes.js";
import { hasIndirection } from "./view-layout.js";
import { mbufOf, byteExtentOf, layoutOf } from "./state/access.js";

/**
 * Copies the items of `src` into `dest` (both past their guards; `dest`
 * writable).
 *
 * @throws ValueError when the structures differ
 *
 * @example
 * ```ts
 * const a = Uint8Array.of(1, 2, 3, 4);
 * const m = MemoryView.from(a).reshape([2, 2]);
 * copyView(m, MemoryView.from(Uint8Array.of(1, 2, 3, 4)).reshape([2, 2]).transpose());
 * Array.from(a); // returns [1, 3, 2, 4]
 * ```
 */
export function copyView(dest: MemoryView, src: MemoryView): void {
  const dl = layoutOf(dest);
  const sl = layoutOf(src);
  assertEquivStructure(dl, sl);
  const nbytes = dl.nbytes;
  if (nbytes === 0) return;
  const dm = mbufOf(dest);
  const sm = mbufOf(src);
  const both = dl.flags & sl.flags;
  if (both & (LayoutFlag.C | LayoutFlag.F)) {
    // memcpy; TypedArray#set stages the source itself when the memory is shared.
    dm.u8.set(sm.u8.subarray(sl.byteOffset, sl.byteOffset + nbytes), dl.byteOffset);
    return;
  }
  let srcSide = viewSide(src);
  const overlap = mayOverlap(
    dm.buffer,
    byteExtentOf(dest),
    hasIndirection(dl.suboffsets),
    sm.buffer,
    byteExtentOf(src),
    hasIndirection(sl.suboffsets),
  );
  if (overlap) {
    const staged = toBytes(src, "C");
    srcSide = { u8: staged, mbuf: null, byteOffset: 0, byteStrides: cByteStrides(sl.shape, sl.itemsize), suboffsets: null };
  }
  copyStrided(dl.shape, dl.itemsize, viewSide(dest), srcSide);
}
