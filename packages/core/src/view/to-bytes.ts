/**
 * `tobytes`: the items' bytes in C, Fortran or "any" order
 * (`memoryview_tobytes_impl` and `PyBuffer_ToContiguous`). A view that is
 * already contiguous in the order is one `slice` of the memory; any other
 * is gathered by the copy loops into fresh memory.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import { cByteStrides, fByteStrides } from "../protocol/index.js";
import { copyStrided } from "./copy.js";
import { viewSide } from "./copy-side.js";
import { LayoutFlag } from "./layout-flags.js";
import type { MemoryView } from "./memory-view.js";
import { mbufOf, layoutOf } from "./state/access.js";
import { allocateBytes, asMemoryError } from "../allocate.js";

/** The order of {@link MemoryView.toBytes}: "C", "F" or "A". */
export type ByteOrder = "C" | "F" | "A";

/**
 * The bytes of `view`'s items in `order`: "C" (row-major), "F"
 * (column-major) or "A" (the memory as it is when contiguous, else C).
 *
 * @param view - a view that passed its guards
 * @param order - "C", "F" or "A" (null means "C", as in CPython)
 * @returns a fresh Uint8Array of `nbytes` bytes
 * @throws ValueError "order must be 'C', 'F' or 'A'"
 *
 * @example
 * ```ts
 * const m = MemoryView.from(Uint8Array.of(1, 2, 3, 4)).reshape([2, 2]).transpose();
 * [Array.from(toBytes(m, "C")), Array.from(toBytes(m, "A"))]; // returns [[1, 3, 2, 4], [1, 2, 3, 4]]
 * ```
 */
export function toBytes(view: MemoryView, order: ByteOrder | null): Uint8Array {
  if (order === null) order = "C";
  if (order !== "C" && order !== "F" && order !== "A") throw new ValueError("order must be 'C', 'F' or 'A'");
  const layout = layoutOf(view);
  const nbytes = layout.nbytes;
  if (nbytes === 0) return new Uint8Array(0);
  const flags = layout.flags;
  const contiguous =
    order === "C" ? flags & LayoutFlag.C : order === "F" ? flags & LayoutFlag.F : flags & (LayoutFlag.C | LayoutFlag.F);
  const mbuf = mbufOf(view);
  if (contiguous) {
    try {
      return mbuf.u8.slice(layout.byteOffset, layout.byteOffset + nbytes);
    } catch (error) {
      throw asMemoryError(error);
    }
  }
  const out = allocateBytes(nbytes);
  const byteStrides = order === "F" ? fByteStrides(layout.shape, layout.itemsize) : cByteStrides(layout.shape, layout.itemsize);
  copyStrided(
    layout.shape,
    layout.itemsize,
    { u8: out, mbuf: null, byteOffset: 0, byteStrides, suboffsets: null },
    viewSide(view),
  );
  return out;
}
