/**
 * A view as an exporter: CPython's `memory_getbuf` and `memory_releasebuf`.
 * The export hands out the view's layout as a BufferInfo (dropping what
 * the request does not ask for, refusing what it cannot meet) and counts
 * itself on the view, which then refuses to be released.
 *
 * Each layout's full export is snapshotted and validated once (see
 * `recordOf`); later exports reuse its frozen arrays and are trusted by
 * `getBuffer` (protocol/trusted-exporters.ts). Where the memory can be
 * replaced (a re-exported `WebAssembly.Memory`), `buf` is an accessor that
 * resolves the view's memory each time it is read, so the export survives
 * `grow()` for the consumer too; elsewhere it is the buffer itself.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import {
  type BufferInfo,
  BufferFlags,
  requestsAnyContiguous,
  requestsCContiguous,
  requestsFContiguous,
  requestsFormat,
  requestsIndirect,
  requestsShape,
  requestsStrides,
  requestsWritable,
} from "../protocol/index.js";
import { snapshotInfo } from "../protocol/snapshot-info.js";
import { trustedInfo } from "../protocol/trusted-exporters.js";
import { assertValidBufferInfo } from "../protocol/validate.js";
import type { ManagedBuffer } from "./managed-buffer.js";
import type { ViewLayout } from "./view-layout.js";
import { checkReleased } from "./guards.js";
import { LayoutFlag } from "./layout-flags.js";
import type { MemoryView } from "./memory-view.js";
import { countExport, layoutOf, mbufOf } from "./state/access.js";
import { copyNumbers } from "../layout/copy-numbers.js";

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
  const layout = layoutOf(view);
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
 * A layout's full export, snapshotted (arrays copied and frozen) and
 * validated once, on the managed buffer it was validated for. A view's
 * layout and its arrays are plain objects that code holding the view could
 * change; exports are built from this private copy instead, so they never
 * need re-validating.
 */
interface ExportRecord {
  readonly mbuf: ManagedBuffer;
  readonly info: BufferInfo;
  /** Whether the export's memory is one fixed buffer (not an accessor, as a WebAssembly.Memory's is). */
  readonly fixedBuffer: boolean;
  /** One past the last byte of `buf` the export reaches. */
  readonly requiredByteLength: number;
}

const records = new WeakMap<ViewLayout, ExportRecord>();

function bufferOf(mbuf: ManagedBuffer): () => ArrayBuffer | SharedArrayBuffer {
  return () => {
    mbuf.assertAccessible();
    return mbuf.buffer;
  };
}

/** The untrusted export: a plain object that getBuffer snapshots and validates. */
function plainExport(view: MemoryView, flags: number, offset: number): BufferInfo {
  const layout = layoutOf(view);
  const shaped = requestsShape(flags);
  const info = {
    obj: view as object | null,
    buf: null as unknown as ArrayBuffer,
    offset,
    len: layout.nbytes,
    readonly: layout.readonly,
    itemsize: layout.itemsize,
    format: requestsFormat(flags) ? layout.format : null,
    ndim: shaped ? layout.ndim : 1,
    shape: shaped ? copyNumbers(layout.shape) : null,
    strides: requestsStrides(flags) ? copyNumbers(layout.byteStrides) : null,
    suboffsets: requestsIndirect(flags) && layout.suboffsets !== null ? copyNumbers(layout.suboffsets) : null,
  };
  Object.defineProperty(info, "buf", { enumerable: true, get: bufferOf(mbufOf(view)) });
  return info;
}

/** The validated record of the view's layout, or null for PIL-style memory (its pointers can change). */
function recordOf(view: MemoryView, offset: number): ExportRecord | null {
  const layout = layoutOf(view);
  const mbuf = mbufOf(view);
  const known = records.get(layout);
  if (known !== undefined && known.mbuf === mbuf) return known;
  if (layout.suboffsets !== null) return null;
  const full = plainExport(view, BufferFlags.FULL_RO, offset);
  const info = snapshotInfo(full, view, { exporter: view, original: full, released: false, requiredByteLength: 0 });
  if (info.suboffsets !== null) return null;
  const requiredByteLength = assertValidBufferInfo(info);
  const fixedBuffer = Object.getOwnPropertyDescriptor(mbuf.master, "buf")?.get === undefined;
  const record = { mbuf, info, fixedBuffer, requiredByteLength };
  records.set(layout, record);
  return record;
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
  const layout = layoutOf(view);
  const mbuf = mbufOf(view);
  let offset = layout.byteOffset;
  if (layout.nbytes === 0) {
    // An empty slice may point past either end (CPython keeps `start`): it
    // reaches nothing, but an export's offset must lie inside buf.
    offset = Math.min(Math.max(offset, 0), mbuf.endByte);
  }
  const record = recordOf(view, offset);
  if (record === null) {
    const plain = plainExport(view, flags, offset);
    countExport(view, 1);
    return plain;
  }
  const full = record.info;
  const shaped = requestsShape(flags);
  const format = requestsFormat(flags) ? full.format : null;
  const ndim = shaped ? full.ndim : 1;
  const shape = shaped ? full.shape : null;
  const strides = requestsStrides(flags) ? full.strides : null;
  let info: BufferInfo;
  if (record.fixedBuffer) {
    const buf = mbuf.buffer;
    info = trustedInfo(
      {
        obj: view,
        buf,
        offset: full.offset,
        len: full.len,
        readonly: full.readonly,
        itemsize: full.itemsize,
        format,
        ndim,
        shape,
        strides,
      },
      // Not frozen: a re-exporter may set `obj` (getBuffer then copies it).
      { exporter: view, requiredByteLength: record.requiredByteLength, trusted: true, frozen: false },
    );
  } else {
    // Memory that can be replaced (WebAssembly.Memory.grow()): keep `buf` live.
    const live = {
      obj: view as object | null,
      buf: null as unknown as ArrayBuffer,
      offset: full.offset,
      len: full.len,
      readonly: full.readonly,
      itemsize: full.itemsize,
      format,
      ndim,
      shape,
      strides,
      suboffsets: null,
    };
    Object.defineProperty(live, "buf", { enumerable: true, get: bufferOf(record.mbuf) });
    info = live;
  }
  countExport(view, 1);
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
  countExport(view, -1);
}
