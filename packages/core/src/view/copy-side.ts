/**
 * A view as one side of a copy: its managed buffer's memory and its layout.
 *
 * @packageDocumentation
 */

import type { StridedSide } from "./copy.js";
import type { MemoryView } from "./memory-view.js";
import { mbufOf, layoutOf } from "./state/access.js";

/**
 * The {@link StridedSide} of a view (after its guards ran).
 *
 * @example
 * ```ts
 * const side = viewSide(MemoryView.from(new Uint8Array(4)).slice([1]));
 * [side.byteOffset, side.byteStrides]; // returns [1, [1]]
 * ```
 */
export function viewSide(view: MemoryView): StridedSide {
  const mbuf = mbufOf(view);
  const layout = layoutOf(view);
  return {
    u8: mbuf.u8,
    mbuf,
    byteOffset: layout.byteOffset,
    byteStrides: layout.byteStrides,
    suboffsets: layout.suboffsets,
  };
}
