/**
 * The window of a TypedArray or DataView, or the `ValueError` that says why
 * it has none.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import { isDetachedBuffer, viewWindow } from "../protocol/brand-checks.js";
import { DETACHED_MESSAGE } from "../protocol/detachment.js";

/**
 * The buffer, byte offset and byte length a view has now.
 *
 * @param view - a TypedArray or DataView
 * @returns its window
 * @throws ValueError when its buffer is detached, or the view is out of
 *   bounds of a resizable buffer that shrank
 *
 * @example
 * ```ts
 * attachedWindow(new DataView(new ArrayBuffer(8), 2)).byteLength; // returns 6
 * ```
 * @example
 * ```ts
 * const rab = new ArrayBuffer(8, { maxByteLength: 8 });
 * const fixed = new Uint8Array(rab, 4, 4);
 * rab.resize(6);
 * attachedWindow(fixed); // throws ValueError
 * ```
 */
export function attachedWindow(view: ArrayBufferView): {
  buffer: ArrayBuffer | SharedArrayBuffer;
  byteOffset: number;
  byteLength: number;
} {
  const window = viewWindow(view);
  if (window !== null) return window;
  let buffer: ArrayBuffer | undefined;
  try {
    buffer = view.buffer as ArrayBuffer;
  } catch {
    buffer = undefined;
  }
  if (buffer !== undefined && isDetachedBuffer(buffer)) throw new ValueError(DETACHED_MESSAGE);
  throw new ValueError("operation forbidden on a view that is out of bounds of its resized buffer");
}
