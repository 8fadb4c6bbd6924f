/**
 * A view as an exporter: CPython's `memory_getbuf` and `memory_releasebuf`.
 * The export hands out the view's layout as a BufferInfo (dropping what
 * the request does not ask for, refusing what it cannot meet) and counts
 * itself on the view, which then refuses to be released.
 *
 * The `buf` of the export is an accessor that resolves the view's memory
 * each time it is read, so a re-exported `WebAssembly.Memory` survives
 * `grow()` for the consumer too.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import {
  type BufferInfo,
  requestsAnyContiguous,
  requestsCContiguous,
  requestsFContiguous,
  requestsFormat,
  requestsIndirect,
  requestsShape,
  requestsStrides,
  requestsWritable,
} from "../protocol/index.js";
import { checkReleased } from "./guards.js";
import { LayoutFlag } from "./layout-flags.js";
import type { MemoryView } from "./memory-view.js";

/**
 * Asserts that `view` can answer a buffer request of `flags`, with
 * `memory_getbuf`'s messages.
 *
 * @throws BufferError naming the unmet part of the request
 *
 * @example
 * ```ts
 * assertViewMeetsRequest(MemoryView.from(new Uint8Array(4)).slice([null, null, 2]), BufferFlags.C_CONTIGUOUS); // throws BufferError
 * ```
 */
export function assertViewMeetsRequest(view: MemoryView, flags: number): void {
  const layout = view._layout;
  const baseflags = layout.flags;
  if (requestsWritable(flags) && layout.readonly) {
    throw new BufferError("memoryview: underlying buffer is not writable");
  }
  if (requestsCContiguous(flags) && !(baseflags & LayoutFlag.C)) {
    throw new BufferError("memoryview: underlying buffer is not C-contiguous");
  }
  if (requestsFContiguous(flags) && !(baseflags & LayoutFlag.F)) {
    throw new BufferError("memoryview: underlying buffer is not Fortran contiguous");
  }
  if (requestsAnyContiguous(flags) && !(baseflags & (LayoutFlag.C | LayoutFlag.F))) {
    throw new BufferError("memoryview: underlying buffer is not contiguous");
  }
  if (!requestsIndirect(flags) && baseflags & LayoutFlag.INDIRECT) {
    throw new BufferError("memoryview: underlying buffer requires suboffsets");
  }
  if (!requestsStrides(flags) && !(baseflags & LayoutFlag.C)) {
    throw new BufferError("memoryview: underlying buffer is not C-contiguous");
  }
  if (!requestsShape(flags) && requestsFormat(flags)) {
    throw new BufferError("memoryview: cannot cast to unsigned bytes if the format flag is present");
  }
}

/**
 * Exports `view` for a request of `flags`.
 *
 * @returns the BufferInfo (its `obj` is the view)
 * @throws ValueError on a released view; BufferError for an unmet request
 *
 * @example
 * ```ts
 * const info = exportView(MemoryView.from(new Int16Array(4)).slice([null, null, -1]), BufferFlags.FULL_RO);
 * [info.offset, info.strides, info.len]; // returns [6, [-2], 8]
 * ```
 */
export function exportView(view: MemoryView, flags: number): BufferInfo {
  checkReleased(view);
  assertViewMeetsRequest(view, flags);
  const layout = view._layout;
  const mbuf = view._mbuf;
  const shaped = requestsShape(flags);
  let offset = layout.byteOffset;
  if (layout.nbytes === 0) {
    // An empty slice may point past either end (CPython keeps `start`): it
    // reaches nothing, but an export's offset must lie inside buf.
    offset = Math.min(Math.max(offset, 0), mbuf.endByte);
  }
  const info = {
    obj: view as object | null,
    get buf(): ArrayBuffer | SharedArrayBuffer {
      mbuf.assertAccessible();
      return mbuf.buffer;
    },
    offset,
    len: layout.nbytes,
    readonly: layout.readonly,
    itemsize: layout.itemsize,
    format: requestsFormat(flags) ? layout.format : null,
    ndim: shaped ? layout.ndim : 1,
    shape: shaped ? layout.shape.slice() : null,
    strides: requestsStrides(flags) ? layout.byteStrides.slice() : null,
    suboffsets: requestsIndirect(flags) && layout.suboffsets !== null ? layout.suboffsets.slice() : null,
  };
  view._exports++;
  return info;
}

/**
 * Ends one export of `view`.
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(1));
 * const info = exportView(view, BufferFlags.SIMPLE);
 * releaseExport(view, info);
 * view.exports; // returns 0
 * ```
 */
export function releaseExport(view: MemoryView, info: BufferInfo): void {
  void info;
  if (view._exports > 0) view._exports--;
}
