/**
 * Comparing two views item by item: CPython's `memory_richcompare`,
 * `cmp_rec` and `cmp_base`. Items are compared as values, never as bytes
 * (NaN, padding): when both views have the same single native character,
 * through the fast readers ({@link equalsSameNative}); otherwise through
 * the struct codec ({@link equalsByStruct}), where a format struct cannot
 * read makes the views unequal.
 *
 * @packageDocumentation
 */

import type { ItemCodec, StructValue } from "../codec/index.js";
import type { ManagedBuffer } from "./managed-buffer.js";
import type { MemoryView } from "./memory-view.js";
import { equivShape } from "./structure.js";
import { assertItemInMemory, followPointer } from "./subscript.js";
import type { ViewLayout } from "./view-layout.js";
import { hasCharacterField, itemCodec, parseFormat } from "../codec/index.js";
import { equalsFast } from "./equals-fast.js";
import { mbufOf, layoutOf, readItemAt } from "./state/access.js";

const NATIVE_CHARS = "bBhHiIlLqQnNfde?cP";

/**
 * The character of a single native format (an optional `@` and one
 * character CPython's memoryview knows: `get_native_fmtchar`), or null.
 *
 * @example
 * ```ts
 * [nativeFormatChar("@d"), nativeFormatChar("<d"), nativeFormatChar("2d")]; // returns ["d", null, null]
 * ```
 */
export function nativeFormatChar(format: string): string | null {
  const body = format[0] === "@" ? format.slice(1) : format;
  return body.length === 1 && NATIVE_CHARS.includes(body) ? body : null;
}

/**
 * Python's `==` on two unpacked values: numbers, bigints and booleans by
 * numeric value (NaN unequal, `1 == 1n == true`), byte strings by content,
 * tuples (arrays) field by field; a byte string never equals a number or
 * a tuple.
 *
 * @example
 * ```ts
 * [pythonEquals(1, 1n), pythonEquals(true, 1), pythonEquals(NaN, NaN), pythonEquals([1, 2], [1, 2])]; // returns [true, true, false, true]
 * ```
 * @example
 * ```ts
 * pythonEquals(Uint8Array.of(97), 97); // returns false
 * ```
 */
export function pythonEquals(x: StructValue, y: StructValue): boolean {
  const xArray = Array.isArray(x);
  const yArray = Array.isArray(y);
  if (xArray || yArray) {
    if (!xArray || !yArray || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!pythonEquals(x[i]!, y[i]!)) return false;
    return true;
  }
  const xBytes = x instanceof Uint8Array;
  const yBytes = y instanceof Uint8Array;
  if (xBytes || yBytes) {
    if (!xBytes || !yBytes || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  // biome-ignore lint/suspicious/noDoubleEquals: Python compares int, float and bool by value
  return (x as number) == (y as number);
}

type Reader = (positionByte: number) => StructValue;
type Equal = (x: StructValue, y: StructValue) => boolean;

interface Side {
  readonly layout: ViewLayout;
  readonly mbuf: ManagedBuffer;
  readonly read: Reader;
}

function adjust(side: Side, positionByte: number, dim: number): number {
  const suboffsets = side.layout.suboffsets;
  if (suboffsets !== null && suboffsets[dim]! >= 0) return followPointer(side.mbuf, positionByte, suboffsets[dim]!);
  return positionByte;
}

function readItem(side: Side, positionByte: number): StructValue {
  if (side.mbuf.indirect) assertItemInMemory(side.mbuf, positionByte, side.layout.itemsize);
  return side.read(positionByte);
}

function cmpBase(p: Side, q: Side, pByte: number, qByte: number, equal: Equal): boolean {
  const last = p.layout.ndim - 1;
  const count = p.layout.shape[last]!;
  const pStride = p.layout.byteStrides[last]!;
  const qStride = q.layout.byteStrides[last]!;
  for (let i = 0; i < count; i++, pByte += pStride, qByte += qStride) {
    if (!equal(readItem(p, adjust(p, pByte, last)), readItem(q, adjust(q, qByte, last)))) return false;
  }
  return true;
}

function cmpRec(p: Side, q: Side, dim: number, pByte: number, qByte: number, equal: Equal): boolean {
  if (dim === p.layout.ndim - 1) return cmpBase(p, q, pByte, qByte, equal);
  const count = p.layout.shape[dim]!;
  const pStride = p.layout.byteStrides[dim]!;
  const qStride = q.layout.byteStrides[dim]!;
  for (let i = 0; i < count; i++, pByte += pStride, qByte += qStride) {
    if (!cmpRec(p, q, dim + 1, adjust(p, pByte, dim), adjust(q, qByte, dim), equal)) return false;
  }
  return true;
}

function compareWith(a: MemoryView, readA: Reader, b: MemoryView, readB: Reader, equal: Equal): boolean {
  const p: Side = { layout: layoutOf(a), mbuf: mbufOf(a), read: readA };
  const q: Side = { layout: layoutOf(b), mbuf: mbufOf(b), read: readB };
  if (layoutOf(a).ndim === 0) return equal(readItem(p, layoutOf(a).byteOffset), readItem(q, layoutOf(b).byteOffset));
  return cmpRec(p, q, 0, layoutOf(a).byteOffset, layoutOf(b).byteOffset, equal);
}

function sameNative(x: StructValue, y: StructValue): boolean {
  if (x instanceof Uint8Array) return x[0] === (y as Uint8Array)[0];
  return x === y;
}

/**
 * Compares two views of the same single native format (CPython's
 * `unpack_cmp` fast path): values as the fast readers give them.
 *
 * @example
 * ```ts
 * equalsSameNative(MemoryView.from(new Float64Array([0])), MemoryView.from(new Float64Array([-0]))); // returns true
 * ```
 */
export function equalsSameNative(a: MemoryView, b: MemoryView): boolean {
  return compareWith(
    a,
    (pos) => readItemAt(a, pos),
    b,
    (pos) => readItemAt(b, pos),
    sameNative,
  );
}

/**
 * Compares two views through the struct codec (CPython's `struct_unpack_cmp`
 * path): false when struct cannot read either format.
 *
 * @example
 * ```ts
 * equalsByStruct(MemoryView.from(Uint8Array.of(1, 2)), MemoryView.from(new Int32Array([1, 2]))); // returns true
 * ```
 */
export function equalsByStruct(a: MemoryView, b: MemoryView): boolean {
  let codecA: ItemCodec;
  let codecB: ItemCodec;
  try {
    codecA = itemCodec(layoutOf(a).format);
    codecB = itemCodec(layoutOf(b).format);
    // Character codes (u, w) have a layout but struct cannot read them.
    if (hasCharacterField(parseFormat(layoutOf(a).format)) || hasCharacterField(parseFormat(layoutOf(b).format))) {
      return false;
    }
  } catch {
    return false; // fix_struct_error_int: an unknown format is "not equal"
  }
  const dvA = mbufOf(a).dv;
  const dvB = mbufOf(b).dv;
  return compareWith(
    a,
    (pos) => codecA.read(dvA, pos),
    b,
    (pos) => codecB.read(dvB, pos),
    pythonEquals,
  );
}

/**
 * Whether two views (both past their guards) hold equal items in the same
 * shape: `memory_richcompare` once both sides are views.
 *
 * @example
 * ```ts
 * equalsViews(MemoryView.from(Uint8Array.of(1, 2)), MemoryView.from(Uint8Array.of(1, 2)).toReadonly()); // returns true
 * ```
 */
export function equalsViews(a: MemoryView, b: MemoryView): boolean {
  if (!equivShape(layoutOf(a).shape, layoutOf(b).shape)) return false;
  const char = nativeFormatChar(layoutOf(a).format);
  if (char !== null && char === nativeFormatChar(layoutOf(b).format)) return equalsFast(a, b) ?? equalsSameNative(a, b);
  return equalsByStruct(a, b);
}
