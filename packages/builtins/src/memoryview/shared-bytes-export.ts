/**
 * The core view behind a new `memoryview(obj)`. A `bytes` object's export
 * never changes and is not counted (`bytes` never resizes, and its
 * `RELEASE_BUFFER` does nothing), so every memoryview of one `bytes` object
 * shares one export, as views of one TypedArray do in core: `memoryview(b)`
 * then makes its view and nothing else, instead of a new export (a new
 * BufferInfo, its validation, a managed buffer and a layout) each time.
 *
 * Only a plain `bytes` shares: a subclass, or an object given its own
 * `GET_BUFFER`, may export differently each time and is asked each time,
 * as are views that release themselves on collection (`autoRelease`).
 *
 * @packageDocumentation
 */

import { BufferFlags, GET_BUFFER, MemoryView } from "@mv/core";
import { Bytes } from "../bytes/bytes.js";

const BYTES_GET_BUFFER = Bytes.prototype[GET_BUFFER];

// The export of each bytes object viewed so far, as a view that is never
// released (weak: the bytes object takes it with it).
const exportsOfBytes = new WeakMap<Bytes, MemoryView>();

/**
 * A new core view of `obj` requested with `FULL_RO`, sharing the export of
 * a plain `bytes` object.
 *
 * @param obj - any exporter
 * @param autoRelease - whether the view gives its share back when collected
 * @throws what `MemoryView.from` throws
 *
 * @example
 * ```ts
 * const b = bytes([1, 2]);
 * newCoreView(b, false).toList(); // returns [1, 2]
 * ```
 */
export function newCoreView(obj: unknown, autoRelease: boolean): MemoryView {
  if (
    !autoRelease &&
    obj instanceof Bytes &&
    Object.getPrototypeOf(obj) === Bytes.prototype &&
    (obj as { [GET_BUFFER]: unknown })[GET_BUFFER] === BYTES_GET_BUFFER
  ) {
    let root = exportsOfBytes.get(obj);
    if (root === undefined) {
      root = MemoryView.from(obj, BufferFlags.FULL_RO);
      exportsOfBytes.set(obj, root);
    }
    return MemoryView.from(root, BufferFlags.FULL_RO);
  }
  return MemoryView.from(obj, BufferFlags.FULL_RO, { autoRelease });
}
