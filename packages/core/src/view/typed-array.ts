/**
 * A view's items as a flat TypedArray in C order: the exporter's own
 * memory when the view is writable, C-contiguous, aligned and in the host's
 * byte order (zero-copy), otherwise a copy with the items' values.
 *
 * Read-only views always copy: a TypedArray cannot be made read-only, and
 * handing out the memory would let writes through.
 *
 * @packageDocumentation
 */

import { LayoutFlag } from "./layout-flags.js";
import type { MemoryView } from "./memory-view.js";
import { type AnyTypedArray, nativeKind } from "./native-access.js";
import { toBytes } from "./to-bytes.js";
import { toList, type ViewList } from "./tolist.js";
import { fastArrayOf, layoutOf, mbufOf, prepareAccess } from "./state/access.js";

function flatten(list: ViewList, out: unknown[]): void {
  if (Array.isArray(list)) for (const x of list) flatten(x, out);
  else out.push(list);
}

/**
 * The items of `view` as a flat
 * TypedArray: Int8Array for `b`, Uint8Array for `B c ?`, Int16Array for
 * `h`, … BigInt64Array for `q n` (and native `l`), BigUint64Array for
 * `Q N P` (and native `L`), Float16Array (where the runtime has it),
 * Float32Array and Float64Array for `e f d`, in any byte order.
 *
 * @throws TypeError for a format no TypedArray holds
 *
 * @example
 * ```ts
 * const a = new Int32Array([1, 2, 3]);
 * toTypedArray(MemoryView.from(a)).buffer === a.buffer; // returns true
 * ```
 * @example
 * ```ts
 * toTypedArray(MemoryView.from(Uint8Array.of(0, 0, 0, 1)).cast(">i")); // returns new Int32Array([1])
 * ```
 */
export function toTypedArray(view: MemoryView): AnyTypedArray {
  prepareAccess(view);
  const layout = layoutOf(view);
  const kind = nativeKind(layout.format);
  if (kind === null || kind.valueArray === null || kind.size !== layout.itemsize) {
    throw new TypeError(`memoryview: format '${layout.format}' has no TypedArray kind on this runtime`);
  }
  const ctor = kind.valueArray;
  const count = layout.nbytes / layout.itemsize;
  if (count === 0) return new ctor(0);
  if (kind.hostOrder) {
    if (fastArrayOf(view) !== null && !layout.readonly && layout.flags & LayoutFlag.C) {
      return new ctor(mbufOf(view).buffer, layout.byteOffset, count);
    }
    const bytes = toBytes(view, "C");
    return new ctor(bytes.buffer, 0, count);
  }
  const values: unknown[] = [];
  flatten(toList(view), values);
  const out = new ctor(count);
  for (let i = 0; i < count; i++) (out as unknown as unknown[])[i] = values[i];
  return out;
}
