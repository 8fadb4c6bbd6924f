/**
 * The general path of `get` and `set`: any rank, any format, every check.
 * It tries the N-D fast path over the view's TypedArray first (up to four
 * indices), then goes through the struct codec.
 *
 * Reads and writes are deliberately one function, longer than V8's
 * inlining limit (460 bytes of bytecode): were the general path inlined
 * into `get` or `set`, it would spend the caller's inlining budget, and the
 * small number paths of `elements.ts` would no longer be inlined into the
 * caller's loop (every read would then pay for a call and a boxed double).
 * So the index arithmetic and both slow paths stay written out here rather
 * than in helpers.
 *
 * @packageDocumentation
 */

import type { StructValue } from "../../codec/index.js";
import { ValueError } from "../../errors.js";
import { RELEASED_VIEW_MESSAGE } from "../managed-buffer.js";
import { readElement, writeElement } from "../native-access.js";
import { itemByteOffset } from "../subscript.js";
import { attachFastPath, codecOf, elemStridesOf, readAt, writeAt } from "./access.js";
import type { ViewState } from "./record.js";

/** The first `count` of the arguments, as a list (for the slow paths). */
function indexList(count: number, a: unknown, b: unknown, c: unknown, d: unknown, e?: unknown): unknown[] {
  const all = [a, b, c, d, e];
  all.length = count;
  return all;
}

/**
 * `get` (`write` false) or `set` (`write` true) with `count` indices, then
 * for `set` the value; `all` holds the arguments when there are more than
 * four indices.
 *
 * @example
 * ```ts
 * MemoryView.from(new Uint8Array([1, 2, 3, 4])).reshape([2, 2]).get(1, 0); // returns 3
 * ```
 * @example
 * ```ts
 * const a = new Uint8Array(4);
 * MemoryView.from(a).reshape([2, 2]).set(1, 0, 9);
 * a[2]; // returns 9
 * ```
 */
export function anyElement(
  this: ViewState,
  write: boolean,
  count: number,
  a: unknown,
  b: unknown,
  c: unknown,
  d: unknown,
  e: unknown,
  all: unknown[] | null,
): StructValue | undefined {
  const ta = this.ta;
  if (ta !== null && (!write || this.writable) && count === this.layout.ndim && count <= 4) {
    // The element index, or -1 when an index fails its checks.
    const shape = this.layout.shape;
    const strides = elemStridesOf(this);
    let elem = this.elemOffset;
    for (let dim = 0; dim < count; dim++) {
      const given = dim === 0 ? a : dim === 1 ? b : dim === 2 ? c : d;
      const length = shape[dim] as number;
      const index = typeof given !== "number" ? -1 : given < 0 ? given + length : given;
      if (!(index >>> 0 === index && index < length)) {
        elem = -1;
        break;
      }
      elem += index * (strides[dim] as number);
    }
    if (elem >= 0) {
      if (!write) {
        const value = readElement(ta, this.kind, elem);
        if (value !== undefined) return value;
      } else {
        const value = count === 0 ? a : count === 1 ? b : count === 2 ? c : count === 3 ? d : e;
        // A detached or shrunk memory leaves the array short: never write past it.
        if (elem < ta.length && writeElement(ta, this.kind, elem, value)) return undefined;
      }
    }
  }
  // The general path: every check, every format.
  const args = all ?? indexList(write ? count + 1 : count, a, b, c, d, e);
  if (write && args.length === 0) throw new TypeError("set() needs the indices and a value");
  if (this.released) throw new ValueError(RELEASED_VIEW_MESSAGE);
  this.mbuf.assertAccessible();
  if (this.generation !== this.mbuf.generation || this.ta === null) attachFastPath(this);
  if (write || this.ta === null) codecOf(this);
  if (!write) return readAt(this, itemByteOffset(this.mbuf, this.layout, args, 0, args.length));
  if (this.layout.readonly) throw new TypeError("cannot modify read-only memory");
  const last = args.length - 1;
  const positionByte = itemByteOffset(this.mbuf, this.layout, args, 0, last);
  // The indices are numbers and bigints (no user code); the value may run
  // some, so writeAt checks the view again before it stores.
  writeAt(this, positionByte, args[last], () => itemByteOffset(this.mbuf, this.layout, args, 0, last));
  return undefined;
}
