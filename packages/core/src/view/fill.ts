/**
 * Setting every item of a view to one value: the value is packed once
 * (with `set`'s checks and errors), then its bytes are replicated: by
 * doubling copies over contiguous memory, by the copy loops (from a source
 * whose strides are all 0) elsewhere.
 *
 * @packageDocumentation
 */

import { copyStrided } from "./copy.js";
import { fillPattern } from "./copy.js";
import { viewSide } from "./copy-side.js";
import { LayoutFlag } from "./layout-flags.js";
import type { MemoryView } from "./memory-view.js";
import { packError } from "./pack-error.js";
import { assertLive, mbufOf, itemCodecOf, layoutOf } from "./state/access.js";

/**
 * Writes `value` into every item of `view` (past its guards, writable).
 *
 * @throws TypeError or ValueError from packing, before anything is written
 *
 * @example
 * ```ts
 * const a = new Uint16Array(3);
 * fillView(MemoryView.from(a), 513);
 * Array.from(a); // returns [513, 513, 513]
 * ```
 */
export function fillView(view: MemoryView, value: unknown): void {
  const layout = layoutOf(view);
  const item = new Uint8Array(layout.itemsize);
  try {
    itemCodecOf(view).write(new DataView(item.buffer), 0, value);
  } catch (error) {
    throw packError(layout.format, error);
  }
  // Packing may have run user code (a getter, a Proxy trap): the view is
  // checked again before any byte of its memory is written.
  assertLive(view);
  if (layout.nbytes === 0) return;
  // Without this block the strided copy from a zero-stride source below fills the same items with the same
  // bytes.
  if (layout.flags & (LayoutFlag.C | LayoutFlag.F)) {
    fillPattern(mbufOf(view).u8, layout.byteOffset, layout.nbytes, item);
    return;
  }
  copyStrided(layout.shape, layout.itemsize, viewSide(view), {
    u8: item,
    mbuf: null,
    byteOffset: 0,
    byteStrides: new Array<number>(layout.ndim).fill(0),
    suboffsets: null,
  });
}
