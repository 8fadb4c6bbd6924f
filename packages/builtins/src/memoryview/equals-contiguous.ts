/**
 * A fast path of `m == other` for the common case CPython also speeds up
 * (`unpack_cmp` with one native format on both sides): two C-contiguous
 * views of the same shape and the same native format, compared a machine
 * word at a time over their memory. For integer formats two items are equal
 * exactly when their bytes are; for `f` and `d` the numbers are compared
 * (NaN is unequal to itself, -0 equals 0), as `CMP_SINGLE` compares them.
 * Everything else (`?`, `e`, struct formats, strided or indirect views) is
 * left to `@mv/core`'s general comparison.
 *
 * This stands in for a contiguous fast path `@mv/core`'s `equalsViews`
 * does not have yet (it reads each item through a closure).
 *
 * @packageDocumentation
 */
import { LayoutFlag, type MemoryView } from "@mv/core";
import { nativeChar } from "./pack-value.js";

const BYTEWISE = "bBhHiIlLqQnNcP";

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let d = 0; d < a.length; d++) if (a[d] !== b[d]) return false;
  return true;
}

// One loop per element type, so that each stays monomorphic.
function equalInt32(x: Int32Array, y: Int32Array): boolean {
  const n = x.length;
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

function equalUint8(x: Uint8Array, y: Uint8Array): boolean {
  const n = x.length;
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

function equalFloat64(x: Float64Array, y: Float64Array): boolean {
  const n = x.length;
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

function equalFloat32(x: Float32Array, y: Float32Array): boolean {
  const n = x.length;
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * Whether two views (past their guards) hold equal items, or undefined when
 * the fast path does not apply.
 *
 * @example
 * ```ts
 * equalsContiguous(MemoryView.from(Uint8Array.of(1, 2)), MemoryView.from(Uint8Array.of(1, 2))); // returns true
 * ```
 * @example
 * ```ts
 * equalsContiguous(MemoryView.from(Float64Array.of(NaN)), MemoryView.from(Float64Array.of(NaN))); // returns false
 * ```
 * @example
 * ```ts
 * equalsContiguous(MemoryView.from(Uint8Array.of(1)), MemoryView.from(Int8Array.of(1))); // returns undefined
 * ```
 */
export function equalsContiguous(a: MemoryView, b: MemoryView): boolean | undefined {
  const la = a.layout;
  const lb = b.layout;
  if ((la.flags & lb.flags & LayoutFlag.C) === 0 || !sameShape(la.shape, lb.shape)) return undefined;
  const char = nativeChar(la.format);
  if (char === null || char !== nativeChar(lb.format) || la.itemsize !== lb.itemsize) return undefined;
  const nbytes = la.nbytes;
  if (nbytes === 0) return true;
  const ao = la.byteOffset;
  const bo = lb.byteOffset;
  if (BYTEWISE.includes(char)) {
    if (ao % 4 === 0 && bo % 4 === 0 && nbytes % 4 === 0) {
      return equalInt32(new Int32Array(a.buffer, ao, nbytes / 4), new Int32Array(b.buffer, bo, nbytes / 4));
    }
    return equalUint8(new Uint8Array(a.buffer, ao, nbytes), new Uint8Array(b.buffer, bo, nbytes));
  }
  if (char === "d" && ao % 8 === 0 && bo % 8 === 0) {
    return equalFloat64(new Float64Array(a.buffer, ao, nbytes / 8), new Float64Array(b.buffer, bo, nbytes / 8));
  }
  if (char === "f" && ao % 4 === 0 && bo % 4 === 0) {
    return equalFloat32(new Float32Array(a.buffer, ao, nbytes / 4), new Float32Array(b.buffer, bo, nbytes / 4));
  }
  return undefined;
}
