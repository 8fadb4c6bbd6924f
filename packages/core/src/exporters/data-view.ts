/**
 * The built-in export of a `DataView`: its window as unsigned bytes.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";
import { isDataView, isImmutableBuffer } from "../protocol/brand-checks.js";
import { contiguousInfo } from "../protocol/contiguous-info.js";
import type { BuiltinExporter } from "./builtin-exporter.js";
import { attachedWindow } from "./view-window.js";

/**
 * Exports DataViews.
 *
 * @example
 * ```ts
 * const info = dataViewExporter.getBuffer(new DataView(new ArrayBuffer(8), 2, 4), BufferFlags.FULL_RO);
 * [info.offset, info.len, info.format]; // returns [2, 4, "B"]
 * ```
 */
export const dataViewExporter: BuiltinExporter = {
  kind: "DataView",
  matches: isDataView,
  getBuffer(x: object, flags: number): BufferInfo {
    const window = attachedWindow(x as DataView);
    return contiguousInfo(
      {
        obj: x,
        buf: window.buffer,
        byteOffset: window.byteOffset,
        byteLength: window.byteLength,
        itemsize: 1,
        format: "B",
        readonly: isImmutableBuffer(window.buffer),
      },
      flags,
    );
  },
};
