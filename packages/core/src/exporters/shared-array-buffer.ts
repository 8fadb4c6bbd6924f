/**
 * The built-in export of a `SharedArrayBuffer` (growable ones included):
 * writable unsigned bytes, exported at the current length. A shared buffer
 * never detaches and never shrinks, so its exports stay valid.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";
import { bufferByteLength, isSharedArrayBuffer } from "../protocol/brand-checks.js";
import { contiguousInfo } from "../protocol/contiguous-info.js";
import type { BuiltinExporter } from "./builtin-exporter.js";

/**
 * Exports `SharedArrayBuffer`s.
 *
 * @example
 * ```ts
 * sharedArrayBufferExporter.getBuffer(new SharedArrayBuffer(5), BufferFlags.SIMPLE).len; // returns 5
 * ```
 */
export const sharedArrayBufferExporter: BuiltinExporter = {
  kind: "SharedArrayBuffer",
  matches: isSharedArrayBuffer,
  getBuffer(x: object, flags: number): BufferInfo {
    const buf = x as SharedArrayBuffer;
    return contiguousInfo(
      { obj: buf, buf, byteOffset: 0, byteLength: bufferByteLength(buf), itemsize: 1, format: "B", readonly: false },
      flags,
    );
  },
};
