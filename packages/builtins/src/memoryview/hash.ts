/**
 * `hash(m)` (`memory_hash` in `Objects/memoryobject.c`): only read-only
 * views of bytes (`B`, `b` or `c`) hash, only when their exporter does, and
 * their hash is that of the `bytes` of the same content, so that equal
 * views and bytes hash equal. The hash function is this package's
 * {@link hashBytes}: CPython's SipHash-1-3 with the key of
 * `PYTHONHASHSEED=0`, to 53 bits.
 *
 * @packageDocumentation
 */
import { LayoutFlag, ValueError, pythonTypeName, type MemoryView } from "@mv/core";
import { hashBytes } from "../hash-bytes.js";
import { nativeChar } from "./pack-value.js";

/**
 * Asserts that `obj`, a view's exporter, is hashable (`PyObject_Hash(obj)`):
 * an object with a `hash()` method is asked (its error propagates); a type
 * of this package without one (`bytearray`, `array`) is not hashable, as in
 * Python; JavaScript's own exporters (TypedArrays, ArrayBuffers) count as
 * hashable, since nothing in JavaScript says otherwise.
 *
 * @throws TypeError "unhashable type: '…'"
 *
 * @example
 * ```ts
 * assertHashable(bytearray([1])); // throws TypeError "unhashable type: 'bytearray'"
 * ```
 */
export function assertHashable(obj: object | null): void {
  if (obj === null) return;
  const hash = (obj as { hash?: unknown }).hash;
  if (typeof hash === "function") {
    hash.call(obj);
    return;
  }
  const ctor = (obj as { constructor?: { pythonName?: unknown } }).constructor;
  if (ctor !== undefined && typeof ctor.pythonName === "string") {
    throw new TypeError(`unhashable type: '${pythonTypeName(obj)}'`);
  }
}

/**
 * The hash of `view`'s items, after `memory_hash`'s checks.
 *
 * @param view - a view that passed its guards
 * @returns {@link hashBytes} of the view's bytes in C order
 * @throws ValueError "cannot hash writable memoryview object" or
 *   "memoryview: hashing is restricted to formats 'B', 'b' or 'c'";
 *   TypeError when the exporter is unhashable
 *
 * @example
 * ```ts
 * viewHash(MemoryView.from(bytes([1, 2, 3]))) === bytes([1, 2, 3]).hash(); // returns true
 * ```
 * @example
 * ```ts
 * viewHash(MemoryView.from(new Uint8Array(2))); // throws ValueError "cannot hash writable memoryview object"
 * ```
 */
export function viewHash(view: MemoryView): number {
  const layout = view.layout;
  if (!layout.readonly) throw new ValueError("cannot hash writable memoryview object");
  const char = nativeChar(layout.format);
  if (char !== "B" && char !== "b" && char !== "c") {
    throw new ValueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  }
  assertHashable(view.obj);
  // The two fast paths hash exactly the bytes `toBytes("C")` gives, so turning either off changes
  // no result.
  if (layout.nbytes === 0) return hashBytes(new Uint8Array(0));
  if (layout.flags & LayoutFlag.C) {
    return hashBytes(new Uint8Array(view.buffer, layout.byteOffset, layout.nbytes));
  }
  return hashBytes(view.toBytes("C"));
}
