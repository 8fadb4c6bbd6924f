/**
 * One managed buffer per TypedArray, shared by every view made of it with
 * the default request: `MemoryView.from(array)` then allocates the view's
 * own small record and nothing else (no new export, no new layout), which
 * is what lets a view cost about what a `subarray` costs.
 *
 * Sharing is safe only where a new export would be indistinguishable from
 * the old one: a TypedArray core exports itself (no `GET_BUFFER` of its
 * own, so no exporter code runs and nothing counts exports), over memory
 * whose size cannot change (not resizable, not growable), requested with
 * `FULL_RO`. Anything else gets a fresh export, as before. A shared buffer
 * is given up once it is released (its last view went) or the array's
 * memory is gone (detached: the array's byte length no longer matches the
 * export's, and the fresh request then throws what it always threw).
 *
 * @packageDocumentation
 */

import { BufferFlags, GET_BUFFER } from "../protocol/index.js";
import { typedArrayByteLengthOf, typedArrayKind } from "../protocol/brand-checks.js";
import { ManagedBuffer } from "./managed-buffer.js";

// Weak: a TypedArray that is no longer referenced takes its export with it.
const shared = new WeakMap<object, ManagedBuffer>();

/** Whether a new managed buffer of `obj` may be shared by later views. */
function shareable(mbuf: ManagedBuffer): boolean {
  const buffer = mbuf.buffer as { resizable?: boolean; growable?: boolean };
  return mbuf.master.len > 0 && buffer.resizable !== true && buffer.growable !== true;
}

/**
 * The managed buffer a new view of `obj` requested with `flags` uses: the
 * shared one of a TypedArray (see above), or a new export.
 *
 * @param obj - any exporter
 * @param flags - the request ({@link BufferFlags})
 * @param share - false to always make a new export (views that release
 *   themselves on collection must not share one with views that do not)
 * @throws what `ManagedBuffer.fromObject` throws
 *
 * @example
 * ```ts
 * const a = new Float64Array(4);
 * managedBufferFor(a, BufferFlags.FULL_RO, true) === managedBufferFor(a, BufferFlags.FULL_RO, true); // returns true
 * ```
 * @example
 * ```ts
 * const a = new Float64Array(4);
 * managedBufferFor(a, BufferFlags.FULL, true) === managedBufferFor(a, BufferFlags.FULL, true); // returns false
 * ```
 */
export function managedBufferFor(obj: unknown, flags: number, share: boolean): ManagedBuffer {
  if (!share || flags !== BufferFlags.FULL_RO || typedArrayKind(obj) === undefined) {
    return ManagedBuffer.fromObject(obj, flags);
  }
  const array = obj as object;
  if ((array as { [GET_BUFFER]?: unknown })[GET_BUFFER] !== undefined) return ManagedBuffer.fromObject(obj, flags);
  const cached = shared.get(array);
  if (cached !== undefined && !cached.released && typedArrayByteLengthOf(array) === cached.master.len) return cached;
  const mbuf = ManagedBuffer.fromObject(obj, flags);
  if (shareable(mbuf)) shared.set(array, mbuf);
  return mbuf;
}
