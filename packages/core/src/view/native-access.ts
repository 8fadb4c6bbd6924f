/**
 * Fast native access: what a format made of one numeric character allows
 * beyond the struct codec. CPython's `unpack_single` and `pack_single`
 * (`Objects/memoryobject.c`) switch on the character of a native format; here
 * the switch is done once per format, and an aligned view in host byte order
 * reads its items straight from a TypedArray of the matching element type.
 *
 * Everything else (other byte orders, unaligned items, multi-field formats)
 * goes through the struct codec, which is the slow twin the property tests
 * compare these paths with.
 *
 * @packageDocumentation
 */

import type { StructValue } from "../codec/index.js";
import { registerMemoCache } from "../memo-caches.js";
import { storeNumber } from "./number-access.js";

/** A TypedArray of any element type. */
export type AnyTypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** A TypedArray constructor of any element type. */
export type AnyTypedArrayConstructor = {
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): AnyTypedArray;
  new (length: number): AnyTypedArray;
  readonly BYTES_PER_ELEMENT: number;
};

/**
 * How the fast path reads an item: which TypedArray holds it and how its
 * element becomes the value SPEC §2 maps it to. One case per element type, so each
 * TypedArray access in {@link readElement} and {@link writeElement} only
 * ever sees one kind of array (V8 keeps such sites fast; a site that sees
 * many kinds becomes megamorphic and many times slower).
 *
 * The hot switches spell the kinds as literals (`case 0: // ElemKind.F64`):
 * V8 would otherwise load this object on every element.
 *
 * @example
 * ```ts
 * [ElemKind.F64, ElemKind.BOOL, ElemKind.CHAR]; // returns [0, 8, 9]
 * ```
 */
export const ElemKind = Object.freeze({
  F64: 0,
  F32: 1,
  I32: 2,
  U32: 3,
  I16: 4,
  U16: 5,
  I8: 6,
  U8: 7,
  BOOL: 8,
  CHAR: 9,
  I64: 10,
  U64: 11,
  F16: 12,
} as const);

/**
 * Reads element `elem` of `ta` as the value of an item of `kind`;
 * undefined when the array no longer reaches it (detached or shrunk
 * memory, or a released view), which sends the caller to its slow path.
 *
 * @param ta - the TypedArray of the kind
 * @param kind - an {@link ElemKind}
 * @param elem - the element index
 *
 * @example
 * ```ts
 * readElement(Uint8Array.of(0, 2), ElemKind.BOOL, 1); // returns true
 * ```
 * @example
 * ```ts
 * readElement(new Float64Array(1), ElemKind.F64, 1); // returns undefined
 * ```
 */
export function readElement(ta: AnyTypedArray, kind: number, elem: number): StructValue | undefined {
  switch (kind) {
    case 0: // ElemKind.F64
      return (ta as Float64Array)[elem];
    case 1: // ElemKind.F32
      return (ta as Float32Array)[elem];
    case 2: // ElemKind.I32
      return (ta as Int32Array)[elem];
    case 3: // ElemKind.U32
      return (ta as Uint32Array)[elem];
    case 4: // ElemKind.I16
      return (ta as Int16Array)[elem];
    case 5: // ElemKind.U16
      return (ta as Uint16Array)[elem];
    case 6: // ElemKind.I8
      return (ta as Int8Array)[elem];
    case 7: // ElemKind.U8
      return (ta as Uint8Array)[elem];
    case 8: {
      // ElemKind.BOOL
      const byte = (ta as Uint8Array)[elem];
      return byte === undefined ? undefined : byte !== 0;
    }
    case 9: {
      // ElemKind.CHAR
      const byte = (ta as Uint8Array)[elem];
      return byte === undefined ? undefined : Uint8Array.of(byte);
    }
    case 10: // ElemKind.I64
      return (ta as BigInt64Array)[elem];
    case 11: // ElemKind.U64
      return (ta as BigUint64Array)[elem];
    default:
      return (ta as unknown as Float64Array)[elem]; // Float16Array
  }
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

/**
 * Writes `value` into element `elem` of `ta` when it is a value the fast
 * path may store as it is: an integer number in the kind's range (a bigint
 * for 8-byte kinds), any number for `f` and `d` (native `f` rounds as C's
 * cast does, as struct's `np_float`). Returns false, having written
 * nothing, for anything else (`?`, `c`, `e`, other types, out-of-range
 * values), which then takes the codec's path and its errors.
 *
 * @param ta - the TypedArray of the kind
 * @param kind - an {@link ElemKind}
 * @param elem - the element index (inside `ta`)
 * @param value - the value to store
 * @returns whether the value was stored
 *
 * @example
 * ```ts
 * const ta = new Int8Array(1);
 * [writeElement(ta, ElemKind.I8, 0, -5), writeElement(ta, ElemKind.I8, 0, 200), ta[0]]; // returns [true, false, -5]
 * ```
 */
export function writeElement(ta: AnyTypedArray, kind: number, elem: number, value: unknown): boolean {
  if (kind <= 7) return typeof value === "number" && storeNumber(ta, kind, elem, value);
  switch (kind) {
    case 10: // ElemKind.I64
      if (typeof value !== "bigint" || value < I64_MIN || value > I64_MAX) return false;
      (ta as BigInt64Array)[elem] = value;
      return true;
    case 11: // ElemKind.U64
      if (typeof value !== "bigint" || value < 0n || value > U64_MAX) return false;
      (ta as BigUint64Array)[elem] = value;
      return true;
    default:
      return false;
  }
}

/** What the fast paths know about a single-character format. */
export interface NativeKind {
  /** The format character (`"d"` for `"<d"`). */
  readonly char: string;
  /** Bytes per item. */
  readonly size: number;
  /** Whether the items are stored in the host's byte order. */
  readonly hostOrder: boolean;
  /**
   * The TypedArray that reads the items on this host, or null when none does
   * (another byte order, or `e` without `Float16Array`).
   */
  readonly typedArray: AnyTypedArrayConstructor | null;
  /**
   * The TypedArray that holds the items' values, whatever their byte order
   * (what {@link MemoryView.toTypedArray} returns), or null for `e` without
   * `Float16Array`.
   */
  readonly valueArray: AnyTypedArrayConstructor | null;
  /** How the fast path reads and writes the items ({@link ElemKind}). */
  readonly elemKind: number;
  /**
   * Whether writes may store values straight into the array: not for a
   * standard-size `f` (`<f`, `=f`), whose pack refuses what rounds to
   * infinity (`PyFloat_Pack4`) where native `f` rounds as C does.
   */
  readonly fastWrites: boolean;
}

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const Float16ArrayCtor = (globalThis as { Float16Array?: AnyTypedArrayConstructor }).Float16Array ?? null;

interface CharSpec {
  readonly nativeSize: number;
  readonly standardSize: number; // 0: not allowed with a byte-order prefix
  readonly kind: "int" | "uint" | "float" | "bool" | "char";
}

// The format characters of CPython's get_native_fmtchar, with the standard
// sizes of Modules/_struct.c; `l L n N P` are 8 bytes natively (see
// format/native-sizes.ts), and `n N P` have no standard size.
const CHARS: Readonly<Record<string, CharSpec>> = {
  b: { nativeSize: 1, standardSize: 1, kind: "int" },
  B: { nativeSize: 1, standardSize: 1, kind: "uint" },
  c: { nativeSize: 1, standardSize: 1, kind: "char" },
  "?": { nativeSize: 1, standardSize: 1, kind: "bool" },
  h: { nativeSize: 2, standardSize: 2, kind: "int" },
  H: { nativeSize: 2, standardSize: 2, kind: "uint" },
  i: { nativeSize: 4, standardSize: 4, kind: "int" },
  I: { nativeSize: 4, standardSize: 4, kind: "uint" },
  l: { nativeSize: 8, standardSize: 4, kind: "int" },
  L: { nativeSize: 8, standardSize: 4, kind: "uint" },
  q: { nativeSize: 8, standardSize: 8, kind: "int" },
  Q: { nativeSize: 8, standardSize: 8, kind: "uint" },
  n: { nativeSize: 8, standardSize: 0, kind: "int" },
  N: { nativeSize: 8, standardSize: 0, kind: "uint" },
  P: { nativeSize: 8, standardSize: 0, kind: "uint" },
  // The switch in elementType treats any kind it does not name as "float", so an empty kind here is the same.
  e: { nativeSize: 2, standardSize: 2, kind: "float" },
  // The switch in elementType treats any kind it does not name as "float", so an empty kind here is the same.
  f: { nativeSize: 4, standardSize: 4, kind: "float" },
  // The switch in elementType treats any kind it does not name as "float", so an empty kind here is the same.
  d: { nativeSize: 8, standardSize: 8, kind: "float" },
};

const INT_KINDS: Record<number, [number, AnyTypedArrayConstructor]> = {
  1: [ElemKind.I8, Int8Array],
  2: [ElemKind.I16, Int16Array],
  4: [ElemKind.I32, Int32Array],
  8: [ElemKind.I64, BigInt64Array as AnyTypedArrayConstructor],
};
const UINT_KINDS: Record<number, [number, AnyTypedArrayConstructor]> = {
  1: [ElemKind.U8, Uint8Array],
  2: [ElemKind.U16, Uint16Array],
  4: [ElemKind.U32, Uint32Array],
  8: [ElemKind.U64, BigUint64Array as AnyTypedArrayConstructor],
};

function elementType(spec: CharSpec, size: number): [number, AnyTypedArrayConstructor | null] {
  switch (spec.kind) {
    case "int":
      return INT_KINDS[size]!;
    case "uint":
      return UINT_KINDS[size]!;
    case "bool":
      return [ElemKind.BOOL, Uint8Array];
    case "char":
      return [ElemKind.CHAR, Uint8Array];
    default:
      return size === 8
        ? [ElemKind.F64, Float64Array]
        : size === 4
          ? [ElemKind.F32, Float32Array]
          : [ElemKind.F16, Float16ArrayCtor];
  }
}

function classify(format: string): NativeKind | null {
  let prefix = "@";
  let char = format;
  if (format.length === 2 && "@=<>!".includes(format[0]!)) {
    prefix = format[0]!;
    char = format[1]!;
  }
  if (char.length !== 1) return null;
  const spec = Object.hasOwn(CHARS, char) ? CHARS[char] : undefined;
  if (spec === undefined) return null;
  const size = prefix === "@" ? spec.nativeSize : spec.standardSize;
  if (size === 0) return null;
  const littleEndian = prefix === "<" ? true : prefix === ">" || prefix === "!" ? false : HOST_LITTLE_ENDIAN;
  const hostOrder = littleEndian === HOST_LITTLE_ENDIAN;
  const [elemKind, ctor] = elementType(spec, size);
  return Object.freeze({
    char,
    size,
    hostOrder,
    typedArray: hostOrder ? ctor : null,
    valueArray: ctor,
    elemKind,
    fastWrites: !(char === "f" && prefix !== "@"),
  });
}

const cache = new Map<string, NativeKind | null>();
let lastFormat: string | null = null;
let lastKind: NativeKind | null = null;
registerMemoCache(() => {
  cache.clear();
  lastFormat = null;
  lastKind = null;
});

/**
 * The fast-path facts of `format`, or null when it is not a single numeric,
 * `?` or `c` character with an optional byte-order prefix. Cached per
 * format string.
 *
 * @param format - a struct format
 * @returns the facts, or null
 *
 * @example
 * ```ts
 * nativeKind("d").typedArray === Float64Array; // returns true
 * ```
 * @example
 * ```ts
 * nativeKind(">i").typedArray; // returns null
 * ```
 * @example
 * ```ts
 * [nativeKind("l").size, nativeKind("<l").size]; // returns [8, 4]
 * ```
 * @example
 * ```ts
 * nativeKind("2h"); // returns null
 * ```
 */
export function nativeKind(format: string): NativeKind | null {
  // Views are derived from views of the same format: remember the last one.
  if (format === lastFormat) return lastKind;
  let kind = cache.get(format);
  if (kind === undefined) {
    kind = classify(format);
    cache.set(format, kind);
  }
  lastFormat = format;
  lastKind = kind;
  return kind;
}

export { FLOAT64_MOVES_KEEP_BITS } from "../layout/float64-moves.js";

/**
 * The TypedArray constructor of each {@link ElemKind}, by kind (null for
 * `e` without `Float16Array`).
 *
 * @example
 * ```ts
 * ELEM_ARRAYS[ElemKind.U64] === BigUint64Array; // returns true
 * ```
 */
export const ELEM_ARRAYS: readonly AnyTypedArrayConstructor[] = Object.freeze([
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8Array,
  Uint8Array,
  BigInt64Array as AnyTypedArrayConstructor,
  BigUint64Array as AnyTypedArrayConstructor,
  Float16ArrayCtor as AnyTypedArrayConstructor,
]);

/**
 * The fast path of a layout, or null when it has none: a single-character
 * format in the host's byte order with a TypedArray on this runtime, no
 * pointers, and every item aligned to the element size (offset and strides
 * multiples of it). Allocates nothing.
 *
 * @example
 * ```ts
 * fastKind(makeLayout(16, [3], [-8], null, "d", 8, false))?.elemKind; // returns 0
 * ```
 * @example
 * ```ts
 * fastKind(makeLayout(1, [3], [8], null, "d", 8, false)); // returns null
 * ```
 */
export function fastKind(layout: {
  readonly format: string;
  readonly itemsize: number;
  readonly byteOffset: number;
  readonly byteStrides: readonly number[];
  readonly suboffsets: readonly number[] | null;
}): NativeKind | null {
  const kind = nativeKind(layout.format);
  if (kind === null || kind.typedArray === null || kind.size !== layout.itemsize) return null;
  const suboffsets = layout.suboffsets;
  if (suboffsets !== null) for (let dim = 0; dim < suboffsets.length; dim++) if (suboffsets[dim]! >= 0) return null;
  const size = kind.size;
  if (layout.byteOffset % size !== 0) return null;
  const byteStrides = layout.byteStrides;
  for (let dim = 0; dim < byteStrides.length; dim++) if (byteStrides[dim]! % size !== 0) return null;
  return kind;
}

/**
 * Byte strides in units of `size`-byte elements: the one place where the
 * fast path's element units are worked out from the layout's bytes.
 *
 * @example
 * ```ts
 * elemStrides([-16, 8], 8); // returns [-2, 1]
 * ```
 */
export function elemStrides(byteStrides: readonly number[], size: number): number[] {
  const out = new Array<number>(byteStrides.length);
  for (let dim = 0; dim < byteStrides.length; dim++) out[dim] = byteStrides[dim]! / size;
  return out;
}
