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
  isBufferExporter,
  pythonTypeName,
  type BufferInfo,
  type StructValue,
  type ViewList,
} from "@mv/core";
import { formatAddress, objectId } from "../object-id.js";
import { asCInt } from "../python/c-int.js";
import { callableClass } from "../python/callable-class.js";
import { NotImplemented, RICH_EQ, richEquals } from "../python/rich-equals.js";
import { assign } from "./assign.js";
import { releaseInFlight } from "./in-flight.js";
import { assertCastable, assertNotComplexCast, castFormatArg, castFormatError } from "./cast-policy.js";
import { viewHash } from "./hash.js";
import { hexSeparator, hexText } from "./hex.js";
import { count, index } from "./lookup.js";
import { sliceBounds } from "./slice-bounds.js";
import { SAME_VIEW, subscript } from "./subscript.js";
import { PySlice } from "../slice.js";
import type { EllipsisType } from "../ellipsis.js";
import { coreView, MemoryviewAttributes, rankOf } from "./memoryview-attributes.js";
import { arityError, orderArg, type MemoryviewOptions } from "./memoryview-args.js";
import { subviewEquals, unwrap, viewEquals } from "./view-equals.js";

export type { MemoryviewOptions } from "./memoryview-args.js";
export type { MemoryviewFunction, NumberItemsExporter } from "./memoryview-types.js";
import type { MemoryviewFunction } from "./memoryview-types.js";

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

/**
 * The instances `memoryview(obj)` returns.
 *
 * @example
 * ```ts
 * const m = memoryview(Int16Array.of(1, -2, 3));
 * [m.format, m.itemsize, m.length, m.get(-1)]; // returns ["h", 2, 3, 3]
 * ```
 */
export class PyMemoryView<Item = MemoryviewItem> extends MemoryviewAttributes implements Iterable<Item> {
  /** The Python type name, for error messages. */
  static readonly pythonName = "memoryview";
  /** The hash, once computed (`memory_hash` caches it too). */
  #hash: number | undefined = undefined;

  /** @internal Use `memoryview(obj)`. */
  constructor(view: MemoryView) {
    super(view);
  }

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
      const view = coreView(this);
      // The common case goes straight to core's fast path.
      if (rankOf(this) === 1 && key < SSIZE_LIMIT && key >= -SSIZE_LIMIT) return view.get(key);
    }
    if (key instanceof PySlice) {
      const view = coreView(this);
      // m[start:stop:step] of a live view with dimensions, without the
      // general key dispatch.
      if (!view.released && rankOf(this) > 0) {
        const [start, stop, step] = sliceBounds(key);
        return new PyMemoryView(view.sliceDim(0, start, stop, step));
      }
    }
    const result = subscript(coreView(this), key);
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
      const view = coreView(this);
      // The fast path takes primitive values only: an object's getters are
      // user code, which must run once (a failed fast write would run them
      // again on the slow path).
      const primitive = (typeof value !== "object" || value === null) && typeof value !== "function";
      if (primitive && rankOf(this) === 1 && key < SSIZE_LIMIT && key >= -SSIZE_LIMIT) {
        try {
          view.set(key, value);
          return;
        } catch {
          // The slow path reports the error as CPython would.
        }
      }
    }
    assign(coreView(this), key, unwrap(value));
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
    const view = coreView(this);
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
    return coreView(this).toList();
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
    return coreView(this).toBytes((checked ?? "C") as "C");
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
    const view = coreView(this);
    const layout = view.layout; // CHECK_RELEASED
    const sepChar = hexSeparator(sep);
    const data =
      view.cContiguous && layout.nbytes > 0 ? new Uint8Array(view.buffer, layout.byteOffset, layout.nbytes) : view.toBytes("C");
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
    return new PyMemoryView(coreView(this).toReadonly());
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
    const view = coreView(this);
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
    return count(coreView(this), value, (view, i) => subviewEquals(view, i, value));
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
    return index(coreView(this), value, start, stop, (view, i) => subviewEquals(view, i, value));
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
    if (!coreView(this).released && !isBufferExporter(other)) return NotImplemented;
    return viewEquals(coreView(this), unwrap(other));
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
    const view = coreView(this);
    const layout = view.layout; // CHECK_RELEASED
    void layout;
    if (this.#hash === undefined) this.#hash = viewHash(view);
    return this.#hash;
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
    const view = coreView(this);
    view.release();
    // Sub-views an assignment in progress works through go with it.
    releaseInFlight(view);
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
  override toString(): string {
    const address = formatAddress(objectId(this));
    return coreView(this).released ? `<released memory at ${address}>` : `<memory at ${address}>`;
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
    const info = coreView(this)[GET_BUFFER](flags);
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
    coreView(this)[RELEASE_BUFFER](info);
  }
}

function newMemoryview(obj: unknown, options?: MemoryviewOptions): PyMemoryView {
  const autoRelease = options?.autoRelease === true;
  if (obj instanceof PyMemoryView) return new PyMemoryView(MemoryView.from(coreView(obj), BufferFlags.FULL_RO, { autoRelease }));
  if (!(obj instanceof MemoryView) && !isBufferExporter(obj)) {
    throw new TypeError(`memoryview: a bytes-like object is required, not '${pythonTypeName(obj)}'`);
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
