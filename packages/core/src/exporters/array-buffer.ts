/**
 * The built-in export of an `ArrayBuffer` (resizable ones included):
 * writable unsigned bytes, read-only where the engine has immutable
 * ArrayBuffers and this one is immutable. A resizable buffer is exported
 * at its current length; if it later shrinks below it, `resolveBuffer`
 * refuses the export.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";
import { bufferByteLength, isArrayBuffer, isImmutableBuffer } from "../protocol/brand-checks.js";
import { assertAttached } from "../protocol/detachment.js";
import { contiguousInfo } from "../protocol/contiguous-info.js";
import type { BuiltinExporter } from "./builtin-exporter.js";

/**
 * Exports `ArrayBuffer`s.
 *
 * @example
 * ```ts
 * arrayBufferExporter.getBuffer(new ArrayBuffer(3), BufferFlags.ND).shape; // returns [3]
 * ```
 */
export const arrayBufferExporter: BuiltinExporter = {
  kind: "ArrayBuffer",
  matches: isArrayBuffer,
  getBuffer(x: object, flags: number): BufferInfo {
    const buf = x as ArrayBuffer;
    assertAttached(buf);
    const byteLength = bufferByteLength(buf);
    return contiguousInfo(
      { obj: buf, buf, byteOffset: 0, byteLength, itemsize: 1, format: "B", readonly: isImmutableBuffer(buf) },
      flags,
    );
  },
};
