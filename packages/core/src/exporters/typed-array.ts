/**
 * The built-in export of a TypedArray: its elements, with the struct format
 * of its element type (SPEC §1.5). TypedArrays use the host byte order,
 * which is what the native formats without a prefix mean. A
 * length-tracking TypedArray on a resizable buffer is exported at its
 * current length.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import type { BufferInfo } from "../protocol/buffer-info.js";
import { isImmutableBuffer, typedArrayKind } from "../protocol/brand-checks.js";
import { contiguousInfo } from "../protocol/contiguous-info.js";
import type { BuiltinExporter } from "./builtin-exporter.js";
import { attachedWindow } from "./view-window.js";

/**
 * The struct format and item size of each TypedArray kind.
 *
 * @example
 * ```ts
 * TYPED_ARRAY_FORMATS.BigInt64Array; // returns { format: "q", itemsize: 8 }
 * ```
 */
export const TYPED_ARRAY_FORMATS: Readonly<Record<string, { readonly format: string; readonly itemsize: number }>> =
  Object.freeze({
    Int8Array: { format: "b", itemsize: 1 },
    Uint8Array: { format: "B", itemsize: 1 },
    Uint8ClampedArray: { format: "B", itemsize: 1 },
    Int16Array: { format: "h", itemsize: 2 },
    Uint16Array: { format: "H", itemsize: 2 },
    Int32Array: { format: "i", itemsize: 4 },
    Uint32Array: { format: "I", itemsize: 4 },
    Float16Array: { format: "e", itemsize: 2 },
    Float32Array: { format: "f", itemsize: 4 },
    Float64Array: { format: "d", itemsize: 8 },
    BigInt64Array: { format: "q", itemsize: 8 },
    BigUint64Array: { format: "Q", itemsize: 8 },
  });

/**
 * The export of any TypedArray (Node's Buffer included).
 *
 * @param array - the TypedArray
 * @param flags - the request
 * @returns the BufferInfo
 *
 * @example
 * ```ts
 * exportTypedArray(new Uint32Array(2), BufferFlags.FULL_RO).format; // returns "I"
 * ```
 */
export function exportTypedArray(array: object, flags: number): BufferInfo {
  const kind = typedArrayKind(array)!;
  const element = TYPED_ARRAY_FORMATS[kind];
  if (element === undefined) throw new BufferError(`cannot export a ${kind}: its element type has no struct format`);
  const window = attachedWindow(array as ArrayBufferView);
  return contiguousInfo(
    {
      obj: array,
      buf: window.buffer,
      byteOffset: window.byteOffset,
      byteLength: window.byteLength,
      itemsize: element.itemsize,
      format: element.format,
      readonly: isImmutableBuffer(window.buffer),
    },
    flags,
  );
}

/**
 * Exports TypedArrays.
 *
 * @example
 * ```ts
 * typedArrayExporter.getBuffer(new Float64Array(2), BufferFlags.FULL_RO).len; // returns 16
 * ```
 */
export const typedArrayExporter: BuiltinExporter = {
  kind: "TypedArray",
  matches: (x: object) => typedArrayKind(x) !== undefined,
  getBuffer: exportTypedArray,
};
