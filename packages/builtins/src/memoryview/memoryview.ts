/**
 * Python's `memoryview` (`Objects/memoryobject.c`, CPython 3.14), over
 * `@mv/core`'s `MemoryView`, which holds the layout, the managed buffer and
 * every walk over the items. This class adds Python's surface: its
 * attribute names, `m[key]` as `get`/`set`, its argument checks, order of
 * checks and messages, `hash`, `count`/`index`, the repr; and NumPy's
 * semantics where CPython raises `NotImplementedError` (see the package
 * README, "memoryview", for each extension).
 *
 * @packageDocumentation
 */
import {
  BufferFlags,
  DISPOSE,
  GET_BUFFER,
  MemoryView,
  RELEASE_BUFFER,
  getBuffer,
  isBufferExporter,
  parseFormat,
  releaseBuffer,
  type BufferInfo,
  type StructValue,
  type ViewList,
} from "@mv/core";
import { formatAddress, objectId } from "../object-id.js";
import { asCInt } from "../python/c-int.js";
import { callableClass } from "../python/callable-class.js";
import { NotImplemented, RICH_EQ, richEquals } from "../python/rich-equals.js";
import { pyTypeName } from "../python/type-name.js";
import { assign } from "./assign.js";
import { assertCastable, assertNotComplexCast, castFormatArg, castFormatError } from "./cast-policy.js";
import { equalsContiguous } from "./equals-contiguous.js";
import { viewHash } from "./hash.js";
import { hexSeparator, hexText } from "./hex.js";
import { codecValue } from "./pack-value.js";
import { count, index } from "./lookup.js";
import { sliceBounds } from "./slice-bounds.js";
import { SAME_VIEW, subscript } from "./subscript.js";
import { PySlice } from "../slice.js";
import type { EllipsisType } from "../ellipsis.js";
import type { Bytes } from "../bytes/bytes.js";
import type { ByteArray } from "../bytearray/bytearray.js";

/**
 * A key of `get`/`set`: an index (number, bigint or boolean; negative
 * counts from the end), a `slice`, `Ellipsis`, or an array of those as a
 * tuple (`[]` is `()`).
 */
export type MemoryviewKey = number | bigint | boolean | object | readonly unknown[];

/** What `get` returns: an item (see SPEC §2) or a view. */
export type MemoryviewItem = StructValue | PyMemoryView;

// PY_SSIZE_T_MAX + 1: numbers at or beyond it do not fit an index.
const SSIZE_LIMIT = 2 ** 63;

function unwrap(value: unknown): unknown {
  return value instanceof PyMemoryView ? value._view : value;
}

function orderArg(order: unknown): "C" | "F" | "A" | null {
  if (order === undefined || order === null) return null;
  if (typeof order !== "string") {
    throw new TypeError(`tobytes() argument 'order' must be str or None, not ${pyTypeName(order)}`);
  }
  return order as "C" | "F" | "A";
}

/**
 * The instances `memoryview(obj)` returns.
 *
 * @example
 * ```ts
 * const m = memoryview(Int16Array.of(1, -2, 3));
 * [m.format, m.itemsize, m.length, m.get(-1)]; // returns ["h", 2, 3, 3]
 * ```
 */
export class PyMemoryView<Item = MemoryviewItem> implements Iterable<Item> {
  /** The Python type name, for error messages. */
  static readonly pythonName = "memoryview";
  /** @internal The core view this memoryview is. */
  declare readonly _view: MemoryView;
  /** @internal The hash, once computed (`memory_hash` caches it too). */
  declare _hash: number | undefined;

  /** @internal Use `memoryview(obj)`. */
  constructor(view: MemoryView) {
    // Plain assignments: a view is made per slice, and this is its cost.
    (this as { _view: MemoryView })._view = view;
    this._hash = undefined;
  }

  // ---------------------------------------------------------- attributes --

  /**
   * The exporting object (`obj`), or null where none owns the memory.
   *
   * @example
   * ```ts
   * const b = bytes([1, 2]);
   * memoryview(b).obj === b; // returns true
   * ```
   */
  get obj(): object | null {
    return this._view.obj;
  }

  /**
   * Bytes the items take in a contiguous copy: product(shape) * itemsize.
   *
   * @example
   * ```ts
   * memoryview(new Float64Array(10)).get(slice(null, null, 3)).nbytes; // returns 32
   * ```
   */
  get nbytes(): number {
    return this._view.nbytes;
  }

  /**
   * Whether the memory is read-only.
   *
   * @example
   * ```ts
   * [memoryview(bytes(2)).readonly, memoryview(bytearray(2)).readonly]; // returns [true, false]
   * ```
   */
  get readonly(): boolean {
    return this._view.readonly;
  }

  /**
   * Bytes per item.
   *
   * @example
   * ```ts
   * memoryview(new BigInt64Array(1)).itemsize; // returns 8
   * ```
   */
  get itemsize(): number {
    return this._view.itemsize;
  }

  /**
   * The item format, in struct syntax.
   *
   * @example
   * ```ts
   * memoryview(new Float32Array(1)).format; // returns "f"
   * ```
   */
  get format(): string {
    return this._view.format;
  }

  /**
   * The number of dimensions.
   *
   * @example
   * ```ts
   * memoryview(new Uint8Array(6)).cast("B", [2, 3]).ndim; // returns 2
   * ```
   */
  get ndim(): number {
    return this._view.ndim;
  }

  /**
   * The length of each dimension (a new array; Python's tuple).
   *
   * @example
   * ```ts
   * memoryview(new Uint8Array(6)).cast("B", [2, 3]).shape; // returns [2, 3]
   * ```
   */
  get shape(): number[] {
    return this._view.shape;
  }

  /**
   * The byte step of each dimension (a new array; negative for a reversed
   * dimension).
   *
   * @example
   * ```ts
   * memoryview(new Uint16Array(4)).get(slice(null, null, -2)).strides; // returns [-4]
   * ```
   */
  get strides(): number[] {
    return this._view.strides;
  }

  /**
   * The suboffsets of a PIL-style export (empty when there are none).
   *
   * @example
   * ```ts
   * memoryview(new Uint8Array(2)).suboffsets; // returns []
   * ```
   */
  get suboffsets(): number[] {
    return this._view.suboffsets;
  }

  /**
   * Whether the items are C-contiguous.
   *
   * @example
   * ```ts
   * memoryview(new Uint8Array(4)).get(slice(null, null, 2)).c_contiguous; // returns false
   * ```
   */
  get c_contiguous(): boolean {
    return this._view.cContiguous;
  }

  /**
   * Whether the items are Fortran-contiguous.
   *
   * @example
   * ```ts
   * memoryview(new Uint8Array(4)).f_contiguous; // returns true
   * ```
   */
  get f_contiguous(): boolean {
    return this._view.fContiguous;
  }

  /**
   * Whether the items are C- or Fortran-contiguous.
   *
   * @example
   * ```ts
   * memoryview(new Uint8Array(4)).get(slice(null, null, -1)).contiguous; // returns false
   * ```
   */
  get contiguous(): boolean {
    return this._view.contiguous;
  }

  /**
   * `len(m)`: the length of the first dimension.
   *
   * @throws TypeError "0-dim memory has no length"
   *
   * @example
   * ```ts
   * memoryview(new Uint8Array(6)).cast("B", [2, 3]).length; // returns 2
   * ```
   */
  get length(): number {
    return this._view.length;
  }

  /**
   * Whether `release()` was called (never throws).
   *
   * @example
   * ```ts
   * const m = memoryview(new Uint8Array(1));
   * m.release();
   * m.released; // returns true
   * ```
   */
  get released(): boolean {
    return this._view.released;
  }

  // ----------------------------------------------------- items and views --

  /**
   * `m[key]`: the item at an index or full tuple of indices, or a view
   * (of a slice; beyond CPython, of any NumPy basic index).
   *
   * @param key - see {@link MemoryviewKey}
   * @throws IndexError "index out of bounds on dimension N"; TypeError
   *   "memoryview: invalid slice key", "invalid indexing of 0-dim memory";
   *   ValueError "slice step cannot be zero"
   *
   * @example
   * ```ts
   * memoryview(Uint8Array.of(1, 2, 3)).get(-1); // returns 3
   * ```
   * @example
   * ```ts
   * memoryview(Uint8Array.of(1, 2, 3)).get(slice(null, null, -1)).tolist(); // returns [3, 2, 1]
   * ```
   * @example
   * ```ts
   * const m = memoryview(Uint8Array.of(0, 1, 2, 3, 4, 5)).cast("B", [2, 3]);
   * [m.get([1, 2]), m.get(0).tolist(), m.get([Ellipsis, 1]).tolist()]; // returns [5, [0, 1, 2], [1, 4]]
   * ```
   * @example
   * ```ts
   * memoryview(Uint8Array.of(1)).get(1); // throws IndexError
   * ```
   * @example
   * ```ts
   * memoryview(new Uint8Array(8)).cast("B", [2, 2, 2]).get(0, 1, 0); // throws TypeError "get() takes exactly one argument (3 given); a tuple key is an array: get([0, 1, 0])"
   * ```
   *
   * Typed by the key: a slice or `Ellipsis` gives a view; an index gives
   * `Item`, which `memoryview()` of a TypedArray, an ArrayBuffer, a
   * DataView, `bytes` or `bytearray` knows to be a `number` (a `bigint`
   * for the 64-bit arrays); other keys give an item or a view.
   */
  get(key: number | bigint | boolean): Item;
  get(key: PySlice | EllipsisType): PyMemoryView<Item>;
  get(key: MemoryviewKey): Item | PyMemoryView<Item> | MemoryviewItem;
  get(key: MemoryviewKey): unknown {
    // Python's m[0, 1, 0] is one key, a tuple; extra arguments are not ignored.
    // biome-ignore lint/complexity/noArguments: Python counts the arguments; a rest parameter would allocate an array on every call
    if (arguments.length !== 1) throw arityError("get", 1, arguments);
    if (typeof key === "number") {
      const view = this._view;
      // The common case goes straight to core's fast path.
      if (view._ndim === 1 && key < SSIZE_LIMIT && key >= -SSIZE_LIMIT) return view.get(key);
    }
    if (key instanceof PySlice) {
      const view = this._view;
      // m[start:stop:step] of a live view with dimensions, without the
      // general key dispatch.
      if (!view._released && view._ndim > 0) {
        const [start, stop, step] = sliceBounds(key);
        return new PyMemoryView(view.sliceDim(0, start, stop, step));
      }
    }
    const result = subscript(this._view, key);
    if (result === SAME_VIEW) return this;
    return result instanceof MemoryView ? new PyMemoryView(result) : result;
  }

  /**
   * `m[key] = value`: writes one item, or copies an exporter of the same
   * format and shape into a slice (beyond CPython: into any sub-view, where
   * a value that is not an exporter is written to every item).
   *
   * @param key - see {@link MemoryviewKey}
   * @param value - an item value (see SPEC §2), or an exporter
   * @throws TypeError "cannot modify read-only memory", "memoryview: invalid
   *   type for format '…'", "a bytes-like object is required, not '…'";
   *   ValueError "memoryview: invalid value for format '…'",
   *   "memoryview assignment: lvalue and rvalue have different structures";
   *   IndexError for an index out of range
   *
   * @example
   * ```ts
   * const a = new Int8Array(3);
   * memoryview(a).set(-1, -5);
   * a[2]; // returns -5
   * ```
   * @example
   * ```ts
   * const a = Uint8Array.of(1, 2, 3, 4);
   * memoryview(a).set(slice(null, null, 2), bytes([9, 9]));
   * Array.from(a); // returns [9, 2, 9, 4]
   * ```
   * @example
   * ```ts
   * memoryview(new Uint8Array(1)).set(0, 256); // throws ValueError "memoryview: invalid value for format 'B'"
   * ```
   * @example
   * ```ts
   * memoryview(bytes(1)).set(0, 1); // throws TypeError "cannot modify read-only memory"
   * ```
   * @example
   * ```ts
   * memoryview(new Uint8Array(4)).cast("B", [2, 2]).set(0, 1, 7); // throws TypeError "set() takes exactly 2 arguments (3 given); a tuple key is an array: set([0, 1], value)"
   * ```
   */
  set(key: MemoryviewKey, value: unknown): void {
    // biome-ignore lint/complexity/noArguments: Python counts the arguments; a rest parameter would allocate an array on every call
    if (arguments.length !== 2) throw arityError("set", 2, arguments);
    if (typeof key === "number") {
      const view = this._view;
      if (view._ndim === 1 && key < SSIZE_LIMIT && key >= -SSIZE_LIMIT) {
        try {
          view.set(key, typeof value === "object" && value !== null ? codecValue(view.format, value) : value);
          return;
        } catch {
          // The slow path reports the error as CPython would.
        }
      }
    }
    assign(this._view, key, unwrap(value));
  }

  /**
   * Iterates over the first dimension: the items of a 1-D view, and beyond
   * CPython, the sub-views of a multi-dimensional one (NumPy's iteration).
   *
   * @throws TypeError "invalid indexing of 0-dim memory"
   *
   * @example
   * ```ts
   * [...memoryview(Uint8Array.of(7, 8))]; // returns [7, 8]
   * ```
   * @example
   * ```ts
   * [...memoryview(new Uint8Array(6)).cast("B", [3, 2])].map((row) => row.tolist()); // returns [[0, 0], [0, 0], [0, 0]]
   * ```
   */
  *[Symbol.iterator](): Iterator<Item> {
    const view = this._view;
    const ndim = view.ndim; // CHECK_RELEASED
    if (ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
    const length = view.length;
    for (let i = 0; i < length; i++) {
      yield (ndim === 1 ? view.get(i) : new PyMemoryView(view.index(0, i))) as Item;
    }
  }

  // ------------------------------------------------------------- methods --

  /**
   * The items as nested arrays (`tolist`); a 0-d view gives its item.
   * Every struct format is read (CPython: native single characters only).
   *
   * @example
   * ```ts
   * memoryview(Int32Array.of(1, 2, 3, 4)).cast("B").cast("i", [2, 2]).tolist(); // returns [[1, 2], [3, 4]]
   * ```
   * @example
   * ```ts
   * memoryview(Uint8Array.of(1, 0, 2, 0)).cast("<hh").tolist(); // returns [[1, 2]]
   * ```
   */
  tolist(): ViewList {
    return this._view.toList();
  }

  /**
   * The items' bytes in `order`: "C" (default; also for null), "F", or "A"
   * (the memory as it is when contiguous). Always a new `Uint8Array`.
   *
   * @throws ValueError "order must be 'C', 'F' or 'A'"; TypeError for an
   *   order that is not a string
   *
   * @example
   * ```ts
   * const m = memoryview(Uint8Array.of(1, 2, 3, 4, 5, 6)).cast("B", [2, 3]);
   * [Array.from(m.tobytes()), Array.from(m.tobytes("F"))]; // returns [[1, 2, 3, 4, 5, 6], [1, 4, 2, 5, 3, 6]]
   * ```
   */
  tobytes(order?: "C" | "F" | "A" | null): Uint8Array {
    const checked = orderArg(order);
    return this._view.toBytes((checked ?? "C") as "C");
  }

  /**
   * The items' bytes as hexadecimal text, in C order, optionally with a
   * separator every `bytes_per_sep` bytes (counted from the right; from the
   * left when negative).
   *
   * @param sep - a one-character ASCII string or one-byte `bytes` (omitted
   *   for none; `null`, Python's None, is refused as CPython refuses it)
   * @param bytes_per_sep - the group size (default 1)
   * @throws ValueError "sep must be length 1.", "sep must be ASCII.";
   *   TypeError "sep must be str or bytes."
   *
   * @example
   * ```ts
   * const m = memoryview(Uint8Array.of(0xb9, 0x01, 0xef));
   * [m.hex(), m.hex(":"), m.hex(":", 2), m.hex(":", -2)]; // returns ["b901ef", "b9:01:ef", "b9:01ef", "b901:ef"]
   * ```
   */
  hex(sep?: string | object | null, bytes_per_sep: number | bigint | boolean = 1): string {
    const group = asCInt(bytes_per_sep);
    const view = this._view;
    const layout = view.layout; // CHECK_RELEASED
    const sepChar = hexSeparator(sep);
    const data =
      view.cContiguous && layout.nbytes > 0
        ? new Uint8Array(view.buffer, layout.byteOffset, layout.nbytes)
        : view.toBytes("C");
    return hexText(data, sepChar, group);
  }

  /**
   * A read-only view of the same items (`toreadonly`).
   *
   * @example
   * ```ts
   * const m = memoryview(new Uint8Array(1));
   * [m.toreadonly().readonly, m.readonly]; // returns [true, false]
   * ```
   */
  toreadonly(): PyMemoryView<Item> {
    return new PyMemoryView(this._view.toReadonly());
  }

  /**
   * The same bytes as another format, and optionally another shape, with
   * CPython's rules (the view must be C-contiguous; 1-D to N-D or N-D to
   * 1-D) and messages. Beyond CPython: any struct format, and between any
   * two formats whose sizes fit (CPython: one side must be a byte format).
   *
   * @param format - the new format, in struct syntax
   * @param shape - the new shape (integers > 0)
   * @throws TypeError "memoryview: casts are restricted to C-contiguous
   *   views", "memoryview: length is not a multiple of itemsize",
   *   "memoryview: product(shape) * itemsize != buffer size", …; ValueError
   *   for a format that is not a struct format or a bad shape entry
   *
   * @example
   * ```ts
   * memoryview(Uint8Array.of(1, 0, 0, 0, 2, 0, 0, 0)).cast("<i").tolist(); // returns [1, 2]
   * ```
   * @example
   * ```ts
   * memoryview(new Float64Array(2)).cast("f").length; // returns 4
   * ```
   * @example
   * ```ts
   * memoryview(new Uint8Array(6)).cast("i"); // throws TypeError "memoryview: length is not a multiple of itemsize"
   * ```
   */
  cast(format: string, shape?: readonly (number | bigint | boolean)[]): PyMemoryView {
    const fmt = castFormatArg(format);
    const view = this._view;
    const castShape = assertCastable(view.layout, fmt, shape);
    assertNotComplexCast(fmt);
    try {
      return new PyMemoryView(view.cast(fmt, castShape as number[] | undefined));
    } catch (error) {
      throw castFormatError(error);
    }
  }

  /**
   * How many entries equal `value` (Python 3.14's `count`); beyond CPython,
   * the entries of a multi-dimensional view are its sub-views.
   *
   * @example
   * ```ts
   * memoryview(Int32Array.of(5, 1, 5)).count(5); // returns 2
   * ```
   */
  count(value: unknown): number {
    return count(this._view, value, (view, i) => subviewEquals(view, i, value));
  }

  /**
   * The first index in `start:stop` whose entry equals `value` (Python
   * 3.14's `index`).
   *
   * @throws ValueError "memoryview.index(x): x not found"
   *
   * @example
   * ```ts
   * memoryview(Int32Array.of(5, 1, 5, 2, 5)).index(5, 1); // returns 2
   * ```
   * @example
   * ```ts
   * memoryview(Int32Array.of(5, 1)).index(7); // throws ValueError "memoryview.index(x): x not found"
   * ```
   */
  index(value: unknown, start?: number | bigint | boolean, stop?: number | bigint | boolean): number {
    return index(this._view, value, start, stop, (view, i) => subviewEquals(view, i, value));
  }

  /**
   * `m == other`: `other` (any exporter) has the same shape and its items
   * are equal as values, whatever either format (NaN is unequal to itself;
   * formats struct cannot read are unequal). A released view equals only
   * itself. A value that exports nothing is asked in turn through its own
   * `equals`, as Python reflects `==` to `other.__eq__` when
   * `memory_richcompare` returns NotImplemented; without one it is unequal.
   *
   * @example
   * ```ts
   * memoryview(Uint8Array.of(1, 2)).equals(Int32Array.of(1, 2)); // returns true
   * ```
   * @example
   * ```ts
   * const m = memoryview(Float64Array.of(NaN));
   * m.equals(m); // returns false
   * ```
   */
  equals(other: unknown): boolean {
    return richEquals(this, other);
  }

  /** @internal `memory_richcompare`: NotImplemented for a value that exports nothing. */
  [RICH_EQ](other: unknown): boolean | typeof NotImplemented {
    if (!this._view.released && !isBufferExporter(other)) return NotImplemented;
    return viewEquals(this._view, unwrap(other));
  }

  /**
   * `hash(m)`: for read-only views of format `B`, `b` or `c` only, whose
   * exporter is hashable; equal to `bytes(m.tobytes()).hash()`, that is
   * {@link hashBytes} of the bytes in C order.
   *
   * @throws ValueError "cannot hash writable memoryview object", "memoryview:
   *   hashing is restricted to formats 'B', 'b' or 'c'", or for a released
   *   view (even one hashed before: every use of a released view throws)
   *
   * @example
   * ```ts
   * memoryview(bytes([1, 2, 3])).hash() === bytes([1, 2, 3]).hash(); // returns true
   * ```
   * @example
   * ```ts
   * memoryview(new Uint8Array(2)).hash(); // throws ValueError "cannot hash writable memoryview object"
   * ```
   */
  hash(): number {
    const view = this._view;
    const layout = view.layout; // CHECK_RELEASED
    void layout;
    if (this._hash === undefined) this._hash = viewHash(view);
    return this._hash;
  }

  /**
   * Releases the view: every later use throws `ValueError`, and the export
   * is given back when no view of it remains. Releasing twice does nothing.
   *
   * @throws BufferError "memoryview has N exported buffer(s)" while buffers
   *   exported from this view are live
   *
   * @example
   * ```ts
   * const m = memoryview(new Uint8Array(1));
   * m.release();
   * m.tolist(); // throws ValueError "operation forbidden on released memoryview object"
   * ```
   */
  release(): void {
    this._view.release();
  }

  /**
   * Releases the view at the end of a `using` block (Python's `with`).
   *
   * @example
   * ```ts
   * const m = memoryview(new Uint8Array(1));
   * m[Symbol.dispose]();
   * m.released; // returns true
   * ```
   */
  [DISPOSE](): void {
    this.release();
  }

  /**
   * `repr(m)`: `<memory at 0x…>`, or `<released memory at 0x…>` (the
   * address is a stable stand-in, see `objectId`).
   *
   * @example
   * ```ts
   * /^<memory at 0x[0-9a-f]+>$/.test(String(memoryview(new Uint8Array(1)))); // returns true
   * ```
   */
  toString(): string {
    const address = formatAddress(objectId(this));
    return this._view.released ? `<released memory at ${address}>` : `<memory at ${address}>`;
  }

  /**
   * The one-line form Node's `util.inspect` and `console.log` show: the same
   * as `toString()` (a registry symbol, so no Node import is needed).
   *
   * @returns `toString()`
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /**
   * Exports the view's memory (`memory_getbuf`), with this memoryview as
   * the export's `obj`; the view then refuses `release()` until the export
   * ends.
   *
   * @example
   * ```ts
   * const m = memoryview(new Float64Array(2));
   * getBuffer(m, BufferFlags.RECORDS_RO).format; // returns "d"
   * ```
   */
  [GET_BUFFER](flags: number): BufferInfo {
    const info = this._view[GET_BUFFER](flags);
    (info as { obj: object | null }).obj = this;
    return info;
  }

  /**
   * Ends an export made by `GET_BUFFER` (`memory_releasebuf`).
   *
   * @example
   * ```ts
   * const m = memoryview(new Uint8Array(2));
   * releaseBuffer(getBuffer(m));
   * m.release(); // returns undefined
   * ```
   */
  [RELEASE_BUFFER](info: BufferInfo): void {
    this._view[RELEASE_BUFFER](info);
  }
}

/**
 * Whether Python's `struct` cannot read `format`: PEP 3118's additions
 * (`T{…}`, sub-arrays, names), `^`, `Zf`/`Zd`, the character codes.
 * `memory_richcompare` finds such views unequal (`struct_get_unpacker`
 * fails).
 */
function isPep3118Only(format: string | null): boolean {
  if (format === null) return false;
  try {
    return !parseFormat(format).structCompatible;
  } catch {
    return true;
  }
}

function formatOf(value: unknown): string | null {
  if (value instanceof MemoryView) return value.released ? null : value.format;
  if (!isBufferExporter(value)) return null;
  try {
    const info = getBuffer(value, BufferFlags.FULL_RO);
    const format = info.format;
    releaseBuffer(info);
    return format;
  } catch {
    return null;
  }
}

/** `view == other` (`memory_richcompare`), for a view and an unwrapped other side. */
function viewEquals(view: MemoryView, other: unknown): boolean {
  // memory_richcompare reads items through struct, which knows no PEP 3118
  // additions (T{…}, (n,m), :name:): such views are unequal, even to
  // themselves.
  if (view.released) return view.equals(other);
  if (isPep3118Only(view.format) || isPep3118Only(formatOf(other))) return false;
  if (other instanceof MemoryView && !other.released) {
    const fast = equalsContiguous(view, other);
    if (fast !== undefined) return fast;
  }
  return view.equals(other);
}

function subviewEquals(view: MemoryView, i: number, value: unknown): boolean {
  const row = view.index(0, i);
  try {
    return viewEquals(row, unwrap(value));
  } finally {
    row.release();
  }
}

/**
 * The TypeError of `get` or `set` called with `given` arguments: it shows
 * the tuple form (an array), which is what Python's `m[0, 1, 0]` is.
 */
function arityError(method: "get" | "set", takes: number, given: ArrayLike<unknown>): TypeError {
  const count = given.length;
  const keyCount = method === "get" ? count : count - 1;
  const keys = Array.from({ length: Math.max(keyCount, 1) }, (_, i) => {
    const key = given[i];
    return typeof key === "number" || typeof key === "bigint" ? String(key) : "…";
  });
  const tuple = `[${keys.join(", ")}]`;
  const hint = method === "get" ? `get(${tuple})` : `set(${tuple}, value)`;
  const takesText = takes === 1 ? "exactly one argument" : `exactly ${takes} arguments`;
  return new TypeError(`${method}() takes ${takesText} (${count} given); a tuple key is an array: ${hint}`);
}

/** Options of `memoryview(obj, options)`. */
export interface MemoryviewOptions {
  /**
   * Give the export back when the view (and every view derived from it) is
   * garbage-collected without `release()`, as CPython releases on
   * deallocation: a dropped memoryview then stops pinning a `bytearray`
   * (core's `MemoryView.from` option of the same name; a FinalizationRegistry).
   */
  readonly autoRelease?: boolean;
}

/** Exporters whose memoryview is 1-D with 1- to 4-byte integer or float items: `number`s. */
export type NumberItemsExporter =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | ArrayBuffer
  | SharedArrayBuffer
  | DataView
  | Bytes
  | ByteArray;

/**
 * The `memoryview` function: callable with or without `new`, typed by what
 * it views (`number` items for a TypedArray of numbers, `bigint` for the
 * 64-bit arrays, any item otherwise).
 */
export interface MemoryviewFunction {
  (obj: BigInt64Array | BigUint64Array, options?: MemoryviewOptions): PyMemoryView<bigint>;
  (obj: NumberItemsExporter, options?: MemoryviewOptions): PyMemoryView<number>;
  (obj: unknown, options?: MemoryviewOptions): PyMemoryView;
  new (obj: BigInt64Array | BigUint64Array, options?: MemoryviewOptions): PyMemoryView<bigint>;
  new (obj: NumberItemsExporter, options?: MemoryviewOptions): PyMemoryView<number>;
  new (obj: unknown, options?: MemoryviewOptions): PyMemoryView;
  readonly prototype: PyMemoryView;
}

function newMemoryview(obj: unknown, options?: MemoryviewOptions): PyMemoryView {
  const autoRelease = options?.autoRelease === true;
  if (obj instanceof PyMemoryView) return new PyMemoryView(MemoryView.from(obj._view, BufferFlags.FULL_RO, { autoRelease }));
  if (!(obj instanceof MemoryView) && !isBufferExporter(obj)) {
    throw new TypeError(`memoryview: a bytes-like object is required, not '${pyTypeName(obj)}'`);
  }
  return new PyMemoryView(MemoryView.from(obj, BufferFlags.FULL_RO, { autoRelease }));
}

/** A Python `memoryview` object. */
export type memoryview<Item = MemoryviewItem> = PyMemoryView<Item>;

/**
 * Python's `memoryview(obj)`, callable with or without `new`: a view of the
 * memory of any exporter (`bytes`, `bytearray`, `array`, a TypedArray,
 * ArrayBuffer, DataView, `WebAssembly.Memory`, another memoryview, or an
 * object with a `GET_BUFFER` method), requested with `FULL_RO`. A view of a
 * view shares its export. `{ autoRelease: true }` gives the export back when
 * the view is garbage-collected without `release()`.
 *
 * @throws TypeError "memoryview: a bytes-like object is required, not '…'"
 *
 * @example
 * ```ts
 * memoryview(bytes([1, 2])).tolist(); // returns [1, 2]
 * ```
 * @example
 * ```ts
 * new memoryview(new Uint8Array(1)) instanceof memoryview; // returns true
 * ```
 * @example
 * ```ts
 * memoryview(5); // throws TypeError "memoryview: a bytes-like object is required, not 'int'"
 * ```
 */
export const memoryview: MemoryviewFunction = callableClass("memoryview", PyMemoryView, newMemoryview, {});
