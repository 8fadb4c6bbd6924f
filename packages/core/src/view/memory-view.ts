/**
 * `MemoryView`: the JavaScript-idiomatic view over any exporter's memory,
 * after CPython's `memoryview` (`Objects/memoryobject.c`) with NumPy's
 * semantics where CPython stops (sub-views, multi-dimensional slices,
 * transposes, reshapes, casts of any struct format).
 *
 * Every view shares its exporter's {@link ManagedBuffer}; slicing, indexing,
 * transposing, reshaping and casting make new views over the same memory,
 * never copies. Element access is typed by the format (struct's values, see
 * SPEC §2), bounds-checked, and fast: an aligned view in the host's
 * byte order reads and writes through a TypedArray, with no allocation per
 * item.
 *
 * @packageDocumentation
 */

import { BufferError, IndexError, NotImplementedError } from "../errors.js";
import { type ItemCodec, itemCodec, type StructValue } from "../codec/index.js";
import { recordItemCodec, resolveRecordOptions, type RecordItemCodec, type RecordOptions, type ResolvedRecordOptions } from "../records/index.js";
import {
  type BufferInfo,
  BufferFlags,
  byteExtent,
  GET_BUFFER,
  RELEASE_BUFFER,
} from "../protocol/index.js";
import { normalizeAxis } from "./axis.js";
import { castLayout } from "./cast.js";
import { equalsViews } from "./compare.js";
import { copyView } from "./copy-from.js";
import { fillView } from "./fill.js";
import { toBytes, type ByteOrder } from "./to-bytes.js";
import { deriveParts, type DeriveOptions } from "./derive.js";
import { DISPOSE } from "./dispose-symbol.js";
import { dropDimension, type LayoutParts } from "./drop-dimension.js";
import { assertViewMeetsRequest, exportView, releaseExport } from "./export.js";
import { assertWritable, checkReleased } from "./guards.js";
import { LayoutFlag } from "./layout-flags.js";
import { ManagedBuffer } from "./managed-buffer.js";
import { type AnyTypedArray, ELEM_ARRAYS, ElemKind, elemStrides, fastKind, readElement, writeElement } from "./native-access.js";
import { packError } from "./pack-error.js";
import { checkPermutation, permuteLayout } from "./permute.js";
import { reshapeLayout } from "./reshape.js";
import { adjustSlice, adjustSliceSpec, sliceDimension, type SliceBound, type SliceSpec } from "./slice.js";
import { type Index, indexIn, itemByteOffset } from "./subscript.js";
import { toList, type ViewList } from "./tolist.js";
import { toTypedArray } from "./typed-array.js";
import { makeLayout, type ViewLayout } from "./view-layout.js";

/** Options of {@link MemoryView.from}. */
export interface MemoryViewOptions {
  /**
   * Give the export back when views of it are garbage-collected without
   * being released (CPython releases on deallocation; JavaScript has no
   * such moment without a `FinalizationRegistry`, which costs about a
   * microsecond per view). Applies to this view and every view derived
   * from the same export afterwards. Default false.
   */
  readonly autoRelease?: boolean;
}

// `NO_STRIDES` is read only by the fast paths of 0-d views (which index it zero times) and of views without a
// TypedArray (which never take those paths), so its contents are never read.
// Stryker disable next-line ArrayDeclaration: its entries are never read
const NO_STRIDES: number[] = [];
// adjustSlice's output, reused: slicing runs in loops and nothing re-enters it.
// `adjustSlice` writes all three entries of its output before anything reads them, so the initial contents are
// never read.
// Stryker disable next-line ArrayDeclaration: every entry is written before it is read
const SCRATCH_SLICE = [0, 0, 0];

/** The first `count` of the arguments, as a list (for the slow paths). */
function indexList(count: number, a: unknown, b: unknown, c: unknown, d: unknown, e?: unknown): unknown[] {
  const all = [a, b, c, d, e];
  all.length = count;
  return all;
}

/**
 * The key the constructor asks for: only this module holds it, so a view is
 * made only by `from` and the derivations, whose layouts are checked to fit
 * the export (a public constructor would take any layout on trust).
 */
const CONSTRUCT_KEY: unique symbol = Symbol("MemoryView.construct");

/**
 * A view of the memory of any exporter (anything {@link getBuffer}
 * accepts), with typed element access and zero-copy derivation.
 *
 * @example
 * ```ts
 * // A 2x3 matrix of doubles, viewed through its memory.
 * const m = MemoryView.from(new Float64Array([1, 2, 3, 4, 5, 6])).reshape([2, 3]);
 * m.get(1, -1); // returns 6
 * ```
 * @example
 * ```ts
 * const m = MemoryView.from(new Float64Array([1, 2, 3, 4, 5, 6])).reshape([2, 3]);
 * m.transpose().toList(); // returns [[1, 4], [2, 5], [3, 6]]
 * ```
 * @example
 * ```ts
 * // Every other byte, backwards: a negative stride, no copy.
 * const v = MemoryView.from(Uint8Array.of(0, 1, 2, 3, 4, 5)).slice([null, null, -2]);
 * [v.strides, v.toList()]; // returns [[-2], [5, 3, 1]]
 * ```
 */
export class MemoryView implements Iterable<StructValue | MemoryView> {
  /** @internal The shared export. */
  declare _mbuf: ManagedBuffer;
  /** @internal This view's layout. */
  declare _layout: ViewLayout;
  /** @internal Live exports of this view (GET_BUFFER without RELEASE_BUFFER). */
  _exports = 0;
  /** @internal Set by release(). */
  _released = false;
  /** @internal `_layout.ndim`, for the fast paths. */
  declare _ndim: number;
  /** @internal Whether `get(i)` may take {@link MemoryView._get1}: a 1-D view whose items are numbers. */
  declare _numeric1: boolean;
  /** @internal `_layout.shape[0]` (0 for a 0-d view). */
  declare _shape0: number;
  /**
   * @internal The TypedArray of the fast path, or null (no fast path, memory
   * not reachable, released). The only fast-path field that ever changes:
   * the others are set once, in the constructor, so V8 can treat them as
   * constants.
   */
  _ta: AnyTypedArray | null = null;
  /** @internal The {@link ElemKind} of the fast path, or -1 when the view has none. */
  declare _elemKind: number;
  /** @internal Element index of item [0, …, 0] in `_ta`. */
  declare _elemOffset: number;
  /** @internal Element stride of dimension 0 in `_ta`. */
  declare _elemStride0: number;
  /** @internal Element strides in `_ta` (empty without a fast path). */
  declare _elemStrides: number[];
  /** @internal Whether the fast path may write (not a read-only view). */
  declare _writable: boolean;
  /** @internal The managed buffer's generation `_ta` was taken for. */
  _generation = -1;
  /** @internal The struct codec of the format, once needed. */
  _codec: ItemCodec | null = null;
  /** @internal The record options items are read with (SPEC §2.1); null for the defaults. Views derived from this one keep them. */
  _records: ResolvedRecordOptions | null = null;

  /**
   * Registers a view with layout `layout` on `mbuf`. Internal: use
   * {@link MemoryView.from} and the derivation methods. The layout must lie
   * inside the export (derivations guarantee it; {@link MemoryView.derive}
   * checks it).
   *
   * @param mbuf - the managed buffer
   * @param layout - the view's layout
   * @param key - this module's private key: without it the constructor
   *   refuses, since nothing checks that `layout` fits `mbuf`
   */
  constructor(mbuf: ManagedBuffer, layout: ViewLayout, key?: typeof CONSTRUCT_KEY) {
    if (key !== CONSTRUCT_KEY || !(mbuf instanceof ManagedBuffer)) {
      throw new TypeError("MemoryView cannot be constructed directly: use MemoryView.from(obj)");
    }
    this._mbuf = mbuf;
    this._layout = layout;
    this._ndim = layout.ndim;
    this._shape0 = layout.ndim === 0 ? 0 : layout.shape[0];
    const fast = fastKind(layout);
    if (fast === null) {
      this._elemKind = -1;
      this._elemOffset = 0;
      this._elemStride0 = 0;
      this._elemStrides = NO_STRIDES;
      this._writable = false;
      this._numeric1 = false;
    } else {
      const strides = layout.ndim === 0 ? NO_STRIDES : elemStrides(layout.byteStrides, fast.size);
      this._elemKind = fast.elemKind;
      this._elemOffset = layout.byteOffset / fast.size;
      this._elemStride0 = layout.ndim === 0 ? 0 : strides[0];
      this._elemStrides = strides;
      this._writable = fast.fastWrites && !layout.readonly;
      this._numeric1 = layout.ndim === 1 && fast.elemKind <= 7;
    }
    mbuf.addView(this);
    if (fast !== null && mbuf.u8.length === mbuf.endByte) this._attachFastPath();
  }

  // ------------------------------------------------------------ creation --

  /**
   * A view of `obj`'s memory: `memoryview(obj)`. `obj` is any exporter
   * (ArrayBuffer, SharedArrayBuffer, TypedArray, DataView, Buffer,
   * WebAssembly.Memory, an object with a `GET_BUFFER` method) or another
   * MemoryView, whose export the new view then shares.
   *
   * @param obj - the exporter
   * @param flags - the request ({@link BufferFlags}); default `FULL_RO`
   * @param options - see {@link MemoryViewOptions}
   * @returns a new view
   * @throws TypeError when `obj` exports nothing; BufferError when the request cannot be met
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Int16Array([1, -2, 3]));
   * [v.format, v.itemsize, v.shape, v.get(-2)]; // returns ["h", 2, [3], -2]
   * ```
   * @example
   * ```ts
   * MemoryView.from(new ArrayBuffer(4)).nbytes; // returns 4
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(2), BufferFlags.WRITABLE).readonly; // returns false
   * ```
   */
  static from(obj: unknown, flags: number = BufferFlags.FULL_RO, options: MemoryViewOptions = {}): MemoryView {
    if (obj instanceof MemoryView) {
      checkReleased(obj);
      assertViewMeetsRequest(obj, flags);
      if (options.autoRelease === true) obj._mbuf.autoRelease = true;
      return new MemoryView(obj._mbuf, obj._layout, CONSTRUCT_KEY);
    }
    const mbuf = ManagedBuffer.fromObject(obj, flags);
    if (options.autoRelease === true) mbuf.autoRelease = true;
    const master = mbuf.master;
    const layout = makeLayout(
      master.offset,
      mbuf.shape.slice(),
      mbuf.byteStrides.slice(),
      master.suboffsets === null ? null : master.suboffsets.slice(),
      master.format ?? "B",
      master.itemsize,
      master.readonly,
    );
    return new MemoryView(mbuf, layout, CONSTRUCT_KEY);
  }

  /** @internal A new view of this one's export with the given parts. */
  _derived(parts: LayoutParts, format = this._layout.format, itemsize = this._layout.itemsize): MemoryView {
    const layout = makeLayout(
      parts.byteOffset,
      parts.shape,
      parts.byteStrides,
      parts.suboffsets,
      format,
      itemsize,
      this._layout.readonly,
    );
    return this._keepRecords(new MemoryView(this._mbuf, layout, CONSTRUCT_KEY));
  }

  /** @internal `view` with this view's record options, for a view derived from this one. */
  _keepRecords(view: MemoryView): MemoryView {
    view._records = this._records;
    return view;
  }

  // ---------------------------------------------------------- attributes --

  /**
   * The exporting object (`memoryview.obj`), or null for memory no object owns.
   *
   * @example
   * ```ts
   * const a = new Float32Array(2);
   * MemoryView.from(a).obj === a; // returns true
   * ```
   */
  get obj(): object | null {
    checkReleased(this);
    return this._mbuf.master.obj;
  }

  /**
   * The item format, in struct syntax.
   *
   * @example
   * ```ts
   * MemoryView.from(new BigInt64Array(1)).format; // returns "q"
   * ```
   */
  get format(): string {
    checkReleased(this);
    return this._layout.format;
  }

  /**
   * Bytes per item.
   *
   * @example
   * ```ts
   * MemoryView.from(new Float64Array(1)).itemsize; // returns 8
   * ```
   */
  get itemsize(): number {
    checkReleased(this);
    return this._layout.itemsize;
  }

  /**
   * The number of dimensions.
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(6)).reshape([2, 3]).ndim; // returns 2
   * ```
   */
  get ndim(): number {
    checkReleased(this);
    return this._layout.ndim;
  }

  /**
   * The length of each dimension (a fresh array).
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(6)).reshape([2, 3]).shape; // returns [2, 3]
   * ```
   */
  get shape(): number[] {
    checkReleased(this);
    return this._layout.shape.slice();
  }

  /**
   * The byte step of each dimension (a fresh array; negative for a
   * reversed dimension).
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint16Array(6)).reshape([2, 3]).transpose().strides; // returns [2, 6]
   * ```
   */
  get strides(): number[] {
    checkReleased(this);
    return this._layout.byteStrides.slice();
  }

  /**
   * The suboffsets of a PIL-style export (a fresh array; empty when there
   * are none, as CPython's empty tuple).
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(2)).suboffsets; // returns []
   * ```
   */
  get suboffsets(): number[] {
    checkReleased(this);
    return this._layout.suboffsets === null ? [] : this._layout.suboffsets.slice();
  }

  /**
   * Whether writes are refused.
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(2)).toReadonly().readonly; // returns true
   * ```
   */
  get readonly(): boolean {
    checkReleased(this);
    return this._layout.readonly;
  }

  /**
   * The size of the items in bytes, as a contiguous copy would hold them:
   * product(shape) * itemsize.
   *
   * @example
   * ```ts
   * MemoryView.from(new Float64Array(10)).slice([0, 10, 3]).nbytes; // returns 32
   * ```
   */
  get nbytes(): number {
    checkReleased(this);
    return this._layout.nbytes;
  }

  /**
   * Whether the items are C-contiguous (`c_contiguous`).
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(6)).reshape([2, 3]).cContiguous; // returns true
   * ```
   */
  get cContiguous(): boolean {
    checkReleased(this);
    return (this._layout.flags & LayoutFlag.C) !== 0;
  }

  /**
   * Whether the items are Fortran-contiguous (`f_contiguous`).
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(6)).reshape([2, 3]).transpose().fContiguous; // returns true
   * ```
   */
  get fContiguous(): boolean {
    checkReleased(this);
    return (this._layout.flags & LayoutFlag.F) !== 0;
  }

  /**
   * Whether the items are C- or Fortran-contiguous (`contiguous`).
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(6)).slice([null, null, 2]).contiguous; // returns false
   * ```
   */
  get contiguous(): boolean {
    checkReleased(this);
    return (this._layout.flags & (LayoutFlag.C | LayoutFlag.F)) !== 0;
  }

  /**
   * The length of the first dimension (`len(m)`).
   *
   * @throws TypeError "0-dim memory has no length" for a 0-d view
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(6)).reshape([2, 3]).length; // returns 2
   * ```
   */
  get length(): number {
    checkReleased(this);
    if (this._layout.ndim === 0) throw new TypeError("0-dim memory has no length");
    return this._layout.shape[0];
  }

  /**
   * Whether {@link MemoryView.release} has been called. Never throws.
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Uint8Array(1));
   * v.release();
   * v.released; // returns true
   * ```
   */
  get released(): boolean {
    return this._released;
  }

  /**
   * The number of live exports of this view (buffers obtained through
   * `GET_BUFFER` and not yet released). Never throws.
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Uint8Array(1));
   * getBuffer(v);
   * v.exports; // returns 1
   * ```
   */
  get exports(): number {
    return this._exports;
  }

  /**
   * The view's layout (byte offset, shape, byte strides, suboffsets,
   * format, item size, read-only, flags), for code that builds on views.
   * The object and its arrays belong to the view: never change them.
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Uint32Array(8)).slice([2, null, 3]);
   * [v.layout.byteOffset, v.layout.byteStrides]; // returns [8, [12]]
   * ```
   */
  get layout(): ViewLayout {
    checkReleased(this);
    return this._layout;
  }

  /**
   * The memory the view reads, as currently resolved (a
   * `WebAssembly.Memory` gets a new ArrayBuffer on `grow()`). Item
   * [0, …, 0] is at byte {@link ViewLayout.byteOffset} of it.
   *
   * @example
   * ```ts
   * const ab = new ArrayBuffer(8);
   * MemoryView.from(ab).buffer === ab; // returns true
   * ```
   */
  get buffer(): ArrayBuffer | SharedArrayBuffer {
    checkReleased(this);
    return this._mbuf.buffer;
  }

  // ------------------------------------------------------------ elements --

  /** @internal Takes the fast path's TypedArray over the current memory (none: `_ta` stays null). */
  _attachFastPath(): void {
    const mbuf = this._mbuf;
    this._generation = mbuf.generation;
    this._ta = this._elemKind < 0 ? null : mbuf.typedArray(ELEM_ARRAYS[this._elemKind]);
  }

  /** @internal The struct codec of the format (NotImplementedError when it has none). */
  _itemCodec(): ItemCodec {
    let codec = this._codec;
    if (codec === null) {
      const format = this._layout.format;
      try {
        codec = this._records === null ? itemCodec(format) : recordItemCodec(format, this._records);
      } catch (error) {
        throw new NotImplementedError(`memoryview: unsupported format ${format}`, { cause: error });
      }
      this._codec = codec;
    }
    return codec;
  }

  /** @internal Prepares element access: guards, then the fast path for this memory. */
  _prepareAccess(): void {
    checkReleased(this);
    if (this._generation !== this._mbuf.generation || this._ta === null) this._attachFastPath();
  }

  /** @internal The item at byte `positionByte` (after {@link MemoryView._prepareAccess}). */
  _readAt(positionByte: number): StructValue {
    const ta = this._ta;
    if (ta !== null) {
      const value = readElement(ta, this._elemKind, positionByte / ta.BYTES_PER_ELEMENT);
      if (value !== undefined) return value;
    }
    return this._itemCodec().read(this._mbuf.dv, positionByte);
  }

  /**
   * @internal Writes the item at byte `positionByte`, with memoryview's
   * errors. The item is packed aside first, so a refused value leaves the
   * memory as it was whatever the codec does on failure.
   */
  _writeAt(positionByte: number, value: unknown): void {
    let codec = this._itemCodec();
    if (this._records !== null) {
      // A record's own refusals (a missing field, text the encoding cannot
      // hold) are not packing errors: they keep their names and messages.
      value = (codec as RecordItemCodec).toPlain(value);
      codec = (codec as RecordItemCodec).plain;
    }
    const item = new Uint8Array(this._layout.itemsize);
    try {
      codec.write(new DataView(item.buffer), 0, value);
    } catch (error) {
      throw packError(this._layout.format, error);
    }
    this._mbuf.u8.set(item, positionByte);
  }

  /**
   * The item at `indices`, one index per dimension (none for a 0-d view);
   * negative indices count from the end. The value follows the format: a
   * number, a bigint for 8-byte integers, a boolean for `?`, a one-byte
   * `Uint8Array` for `c`, a `Uint8Array` for `s`/`p`, an array for a
   * multi-field format.
   *
   * @param indices - one integer index per dimension
   * @returns the item's value
   * @throws IndexError "index out of bounds on dimension N"; TypeError for a
   *   wrong number of indices; ValueError on a released view
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint16Array([10, 20, 30])).get(-1); // returns 30
   * ```
   * @example
   * ```ts
   * MemoryView.from(new BigUint64Array([5n])).get(0); // returns 5n
   * ```
   * @example
   * ```ts
   * const pairs = MemoryView.from(new Uint8Array([1, 0, 2, 0])).cast("<hh");
   * pairs.get(0); // returns [1, 2]
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(3)).get(3); // throws IndexError
   * ```
   */
  get(...indices: Index[]): StructValue;
  // The implementation names its parameters instead of taking a rest
  // array: V8 allocates a rest array (or an arguments object) on every call
  // once any path lets it escape, which costs more than the whole fast path.
  // Up to four indices arrive by name; more go through `arguments`.
  get(i0?: Index, i1?: Index, i2?: Index, i3?: Index): StructValue {
    // Kept small so that V8 inlines it (and _get1 into it) into the caller's loop.
    // Where V8 inlines get, `count` is a constant of the call site, and the
    // calls below that a program never made are not compiled in: a loop of
    // get(i) over numbers then returns unboxed doubles.
    // biome-ignore lint/complexity/noArguments: an arity without a rest array keeps get small enough to inline
    const count = arguments.length;
    if (count === 1) {
      if (this._numeric1 === true) return this._get1(i0);
      return this._getN(1, i0, undefined, undefined, undefined, null);
    }
    // biome-ignore lint/complexity/noArguments: only a rank above 4 copies the arguments into an array
    return this._getN(count, i0, i1, i2, i3, count > 4 ? (Array.prototype.slice.call(arguments) as Index[]) : null);
  }

  /** @internal `get(i0)` of a 1-D view. */
  _get1(i0: unknown): StructValue {
    const ta = this._ta;
    if (ta !== null && typeof i0 === "number") {
      const index = i0 < 0 ? i0 + this._shape0 : i0;
      if (index >>> 0 === index && index < this._shape0) {
        const elem = this._elemOffset + index * this._elemStride0;
        // One TypedArray access per element type, so that no access site
        // sees more than one kind of array (V8 makes a site that sees many
        // kinds megamorphic, and many times slower). Only kinds whose values
        // are numbers come here (_numeric1): were a bigint, boolean or byte
        // string returned from this inlined code, V8 could no longer keep
        // the result an unboxed double and would allocate one per read.
        // Each case returns its own load: a shared variable would merge an
        // `undefined` with the doubles and box every one of them.
        switch (this._elemKind) {
          case 0: {
            const value = (ta as Float64Array)[elem]; // ElemKind.F64
            if (value !== undefined) return value;
            break;
          }
          case 1: {
            const value = (ta as Float32Array)[elem]; // ElemKind.F32
            if (value !== undefined) return value;
            break;
          }
          case 2: {
            const value = (ta as Int32Array)[elem]; // ElemKind.I32
            if (value !== undefined) return value;
            break;
          }
          case 3: {
            const value = (ta as Uint32Array)[elem]; // ElemKind.U32
            if (value !== undefined) return value;
            break;
          }
          case 4: {
            const value = (ta as Int16Array)[elem]; // ElemKind.I16
            if (value !== undefined) return value;
            break;
          }
          case 5: {
            const value = (ta as Uint16Array)[elem]; // ElemKind.U16
            if (value !== undefined) return value;
            break;
          }
          case 6: {
            const value = (ta as Int8Array)[elem]; // ElemKind.I8
            if (value !== undefined) return value;
            break;
          }
          case 7: {
            const value = (ta as Uint8Array)[elem]; // ElemKind.U8
            if (value !== undefined) return value;
            break;
          }
        }
      }
    }
    // The view's items are numbers, so the general path returns one too;
    // the unary plus tells V8 so, and it keeps the result an unboxed double.
    return +(this._getN(1, i0, undefined, undefined, undefined, null) as number);
  }

  /**
   * @internal `get` with any other number of indices: the N-D fast path and
   * the general path. Deliberately one large function (over V8's 460-byte
   * inlining limit): were it inlined into `get`, `get` would grow too big
   * to be inlined into the caller's loop, and every 1-D read would pay for
   * a call and a boxed number.
   */
  _getN(count: number, i0: unknown, i1: unknown, i2: unknown, i3: unknown, all: Index[] | null): StructValue {
    const ta = this._ta;
    if (ta !== null && count === this._ndim && count <= 4) {
      const shape = this._layout.shape;
      const elemStrides = this._elemStrides;
      let elem = this._elemOffset;
      for (let dim = 0; dim < count; dim++) {
        const given = dim === 0 ? i0 : dim === 1 ? i1 : dim === 2 ? i2 : i3;
        if (typeof given !== "number") {
          elem = -1;
          break;
        }
        const length = shape[dim];
        const index = given < 0 ? given + length : given;
        if (!(index >>> 0 === index && index < length)) {
          elem = -1;
          break;
        }
        elem += index * elemStrides[dim];
      }
      if (elem >= 0) {
        let value: StructValue | undefined;
        switch (this._elemKind) {
          case 0: // ElemKind.F64
            value = (ta as Float64Array)[elem];
            break;
          case 1: // ElemKind.F32
            value = (ta as Float32Array)[elem];
            break;
          case 2: // ElemKind.I32
            value = (ta as Int32Array)[elem];
            break;
          case 3: // ElemKind.U32
            value = (ta as Uint32Array)[elem];
            break;
          case 4: // ElemKind.I16
            value = (ta as Int16Array)[elem];
            break;
          case 5: // ElemKind.U16
            value = (ta as Uint16Array)[elem];
            break;
          case 6: // ElemKind.I8
            value = (ta as Int8Array)[elem];
            break;
          case 7: // ElemKind.U8
            value = (ta as Uint8Array)[elem];
            break;
          case 10: // ElemKind.I64
            value = (ta as BigInt64Array)[elem];
            break;
          case 11: // ElemKind.U64
            value = (ta as BigUint64Array)[elem];
            break;
          default:
            value = readElement(ta, this._elemKind, elem);
        }
        if (value !== undefined) return value;
      }
    }
    // The general path: every check, every format.
    const indices = all ?? indexList(count, i0, i1, i2, i3);
    checkReleased(this);
    if (this._generation !== this._mbuf.generation || this._ta === null) this._attachFastPath();
    const fast = this._ta;
    if (fast === null) this._itemCodec();
    const positionByte = itemByteOffset(this._mbuf, this._layout, indices, 0, indices.length);
    if (fast !== null) {
      const value = readElement(fast, this._elemKind, positionByte / fast.BYTES_PER_ELEMENT);
      if (value !== undefined) return value;
    }
    return this._itemCodec().read(this._mbuf.dv, positionByte);
  }

  /** @internal The element index of full indices in the fast path, or -1 when one fails its checks. */
  _elemIndex(count: number, i0: unknown, i1: unknown, i2: unknown, i3: unknown): number {
    const shape = this._layout.shape;
    const elemStrides = this._elemStrides;
    let elem = this._elemOffset;
    for (let dim = 0; dim < count; dim++) {
      const given = dim === 0 ? i0 : dim === 1 ? i1 : dim === 2 ? i2 : i3;
      if (typeof given !== "number") return -1;
      const length = shape[dim];
      const index = given < 0 ? given + length : given;
      if (!(index >>> 0 === index && index < length)) return -1;
      elem += index * elemStrides[dim];
    }
    return elem;
  }

  /**
   * Writes `value` at `indices` (one index per dimension, then the value).
   * Values are checked as struct's `pack` checks them; an integer may be a
   * number or a bigint.
   *
   * @param args - the indices, then the value
   * @throws TypeError "cannot modify read-only memory" or "memoryview: invalid
   *   type for format '…'"; ValueError "memoryview: invalid value for format
   *   '…'" for a value out of range; IndexError for a bad index
   *
   * @example
   * ```ts
   * const a = new Int8Array(2);
   * MemoryView.from(a).set(-1, -5);
   * a[1]; // returns -5
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(2)).set(0, 256); // throws ValueError
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(2)).toReadonly().set(0, 1); // throws TypeError
   * ```
   */
  // @ts-expect-error TS2394: the implementation below names its parameters (see get).
  set(...args: [...indices: Index[], value: unknown]): void;
  set(a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown): void {
    // biome-ignore lint/complexity/noArguments: an arity without a rest array keeps set small enough to inline
    const count = arguments.length;
    if (count === 2 && this._ndim === 1) this._set1(a, b);
    // biome-ignore lint/complexity/noArguments: only a rank above 4 copies the arguments into an array
    else this._setN(count - 1, a, b, c, d, e, count > 5 ? Array.prototype.slice.call(arguments) : null);
  }

  /** @internal `set(i0, value)` of a 1-D view. */
  _set1(i0: unknown, value: unknown): void {
    const ta = this._ta;
    if (ta !== null && this._writable && typeof i0 === "number") {
      const index = i0 < 0 ? i0 + this._shape0 : i0;
      if (index >>> 0 === index && index < this._shape0) {
        const elem = this._elemOffset + index * this._elemStride0;
        // A detached or shrunk memory leaves the array short: never write past it.
        if (elem < ta.length && writeElement(ta, this._elemKind, elem, value)) return;
      }
    }
    this._setSlow([i0, value]);
  }

  /** @internal `set` with any other number of indices (`count` of them). */
  _setN(count: number, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, all: unknown[] | null): void {
    const ta = this._ta;
    if (ta !== null && this._writable && count === this._ndim && count <= 4) {
      const value = count === 0 ? a : count === 1 ? b : count === 2 ? c : count === 3 ? d : e;
      const elem = this._elemIndex(count, a, b, c, d);
      if (elem >= 0 && elem < ta.length && writeElement(ta, this._elemKind, elem, value)) return;
    }
    this._setSlow(all ?? indexList(count + 1, a, b, c, d, e));
  }

  /** @internal The general path of {@link MemoryView.set}. */
  _setSlow(args: readonly unknown[]): void {
    if (args.length === 0) throw new TypeError("set() needs the indices and a value");
    this._prepareAccess();
    this._itemCodec();
    assertWritable(this);
    const count = args.length - 1;
    const positionByte = itemByteOffset(this._mbuf, this._layout, args, 0, count);
    this._writeAt(positionByte, args[count]);
  }

  // ---------------------------------------------------------- derivation --

  /**
   * Slices the leading dimensions, one {@link SliceSpec} each (`[start,
   * stop, step]`, `{ start, stop, step }`, or null for all of it), with
   * Python's rules: negative bounds count from the end, bounds clamp, a
   * negative step walks backwards. No copy.
   *
   * @param specs - slices for dimensions 0, 1, …
   * @returns a view of the selected items
   * @throws ValueError "slice step cannot be zero"; IndexError for more
   *   slices than dimensions
   *
   * @example
   * ```ts
   * const m = MemoryView.from(Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)).reshape([3, 4]);
   * m.slice([1], [null, null, -2]).toList(); // returns [[7, 5], [11, 9]]
   * ```
   * @example
   * ```ts
   * MemoryView.from(Uint8Array.of(1, 2, 3)).slice({ start: -2 }).toList(); // returns [2, 3]
   * ```
   */
  slice(...specs: SliceSpec[]): MemoryView {
    checkReleased(this);
    const layout = this._layout;
    const ndim = layout.ndim;
    if (ndim === 0 && specs.length > 0) throw new TypeError("invalid indexing of 0-dim memory");
    if (specs.length > ndim) {
      throw new IndexError(
        `too many indices for array: array is ${ndim}-dimensional, but ${specs.length} were indexed`,
      );
    }
    const shape = layout.shape.slice();
    const byteStrides = layout.byteStrides.slice();
    const suboffsets = layout.suboffsets === null ? null : layout.suboffsets.slice();
    let byteOffset = layout.byteOffset;
    for (let dim = 0; dim < specs.length; dim++) {
      const spec = specs[dim];
      // Without the skip a null or undefined spec goes to adjustSliceSpec, which takes the whole dimension for
      // both, and slicing a dimension whole leaves offset, shape and stride as they were.
      // Stryker disable next-line LogicalOperator: the slow path gives the same layout
      if (spec === null || spec === undefined) continue; // the whole dimension
      const adjusted = adjustSliceSpec(shape[dim], spec, SCRATCH_SLICE);
      byteOffset = sliceDimension(byteOffset, shape, byteStrides, suboffsets, dim, adjusted[0], adjusted[1], adjusted[2]);
    }
    return this._derived({ byteOffset, shape, byteStrides, suboffsets });
  }

  /**
   * Slices one dimension, `start:stop:step` with Python's rules (null or
   * undefined for None). No copy.
   *
   * @param dim - the dimension (negative counts from the end)
   * @example
   * ```ts
   * const m = MemoryView.from(Uint8Array.of(0, 1, 2, 3, 4, 5)).reshape([2, 3]);
   * m.sliceDim(-1, null, null, -1).toList(); // returns [[2, 1, 0], [5, 4, 3]]
   * ```
   */
  sliceDim(dim: number, start?: SliceBound, stop?: SliceBound, step?: SliceBound): MemoryView {
    checkReleased(this);
    const layout = this._layout;
    if (layout.ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
    const axis = normalizeAxis(dim, layout.ndim);
    const shape = layout.shape.slice();
    const byteStrides = layout.byteStrides.slice();
    const suboffsets = layout.suboffsets === null ? null : layout.suboffsets.slice();
    const adjusted = adjustSlice(shape[axis], start, stop, step, SCRATCH_SLICE);
    const byteOffset = sliceDimension(
      layout.byteOffset, shape, byteStrides, suboffsets, axis, adjusted[0], adjusted[1], adjusted[2],
    );
    return this._derived({ byteOffset, shape, byteStrides, suboffsets });
  }

  /**
   * The sub-view at `index` of dimension `dim`, which disappears (NumPy's
   * integer indexing; `index(0, i)` of a 1-D view is a 0-d view of one
   * item). No copy.
   *
   * @param dim - the dimension (negative counts from the end)
   * @param index - the index in it (negative counts from the end)
   * @throws IndexError "index out of bounds on dimension N"; TypeError for a 0-d view
   *
   * @example
   * ```ts
   * const m = MemoryView.from(Uint8Array.of(0, 1, 2, 3, 4, 5)).reshape([2, 3]);
   * [m.index(0, 1).toList(), m.index(1, -1).toList()]; // returns [[3, 4, 5], [2, 5]]
   * ```
   */
  index(dim: number, index: Index): MemoryView {
    checkReleased(this);
    const layout = this._layout;
    if (layout.ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
    const axis = normalizeAxis(dim, layout.ndim);
    const i = indexIn(index, layout.shape[axis], axis);
    return this._derived(dropDimension(this._mbuf, layout, axis, i));
  }

  /**
   * The view with its dimensions reversed (NumPy's `.T`). No copy.
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(6)).reshape([2, 3]).transpose().shape; // returns [3, 2]
   * ```
   */
  transpose(): MemoryView {
    checkReleased(this);
    const ndim = this._layout.ndim;
    // The loop below assigns every index 0..ndim-1 before the array is used.
    // Stryker disable next-line ArrayDeclaration: every index is assigned below
    const axes = new Array<number>(ndim);
    for (let i = 0; i < ndim; i++) axes[i] = ndim - 1 - i;
    return this._derived(permuteLayout(this._layout, axes));
  }

  /**
   * The view with dimension i taken from old dimension `axes[i]` (NumPy's
   * `transpose(axes)`). Accepts the axes as arguments or as one array.
   *
   * @throws ValueError "axes don't match array", "repeated axis in
   *   transpose", or an axis out of bounds
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(24)).reshape([2, 3, 4]).permute(2, 0, 1).shape; // returns [4, 2, 3]
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(24)).reshape([2, 3, 4]).permute([1, -1, 0]).strides; // returns [4, 1, 12]
   * ```
   */
  permute(...axes: number[] | [readonly number[]]): MemoryView {
    checkReleased(this);
    const list = axes.length === 1 && Array.isArray(axes[0]) ? (axes[0] as readonly number[]) : (axes as number[]);
    const permutation = checkPermutation(list, this._layout.ndim);
    return this._derived(permuteLayout(this._layout, permutation));
  }

  /**
   * The same items with a new shape, without copying (NumPy's
   * `reshape(shape, order, copy=False)`); one entry may be -1.
   *
   * @param shape - the new shape
   * @param order - "C" (default: last index fastest) or "F"
   * @throws ValueError "Unable to avoid creating a copy while reshaping." when
   *   the layout does not allow it, or NumPy's size messages
   *
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(12)).reshape([3, -1]).shape; // returns [3, 4]
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(12)).reshape([3, 4]).transpose().reshape([12]); // throws ValueError
   * ```
   */
  reshape(shape: readonly Index[], order: "C" | "F" = "C"): MemoryView {
    checkReleased(this);
    if (!Array.isArray(shape)) throw new TypeError("reshape: the shape must be an array of integers");
    return this._derived(reshapeLayout(this._layout, shape, order));
  }

  /**
   * The same bytes seen as another format, and optionally another shape:
   * CPython's `memoryview.cast(format, shape)` for a C-contiguous view
   * (the result is C-contiguous, 1-D without a shape); NumPy's
   * `view(dtype)` for other views (the last axis is reinterpreted and must
   * be contiguous). Any struct format may be cast to any other whose sizes
   * fit.
   *
   * @param format - the new format
   * @param shape - the new shape (entries > 0)
   * @throws TypeError or ValueError with CPython's and NumPy's messages
   *
   * @example
   * ```ts
   * MemoryView.from(Uint8Array.of(1, 0, 0, 0, 2, 0, 0, 0)).cast("<i").toList(); // returns [1, 2]
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(12)).cast("B", [3, 4]).shape; // returns [3, 4]
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Uint8Array(6)).cast("i"); // throws TypeError
   * ```
   */
  cast(format: string, shape?: readonly Index[]): MemoryView {
    checkReleased(this);
    const parts = castLayout(this._layout, format, shape);
    return this._derived(parts, parts.format, parts.itemsize);
  }

  /**
   * A read-only view of the same items (`toreadonly`).
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Uint8Array(2));
   * [v.toReadonly().readonly, v.readonly]; // returns [true, false]
   * ```
   */
  toReadonly(): MemoryView {
    checkReleased(this);
    const l = this._layout;
    return this._keepRecords(
      new MemoryView(this._mbuf, makeLayout(l.byteOffset, l.shape, l.byteStrides, l.suboffsets, l.format, l.itemsize, true), CONSTRUCT_KEY),
    );
  }

  /**
   * A view of this view's export with any layout inside it: the general
   * derivation that slicing, indexing and casting are special cases of,
   * for code that builds its own (`@mv/builtins`). Unspecified fields keep
   * this view's values; the layout is checked to stay inside the export.
   *
   * @param options - byte offset, shape, byte strides, suboffsets, format,
   *   item size, read-only
   * @throws BufferError when the layout escapes the export or asks to write
   *   read-only memory; TypeError/ValueError for malformed fields
   *
   * @example
   * ```ts
   * const v = MemoryView.from(Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 7));
   * v.derive({ byteOffset: 6, shape: [2, 2], byteStrides: [-4, 1] }).toList(); // returns [[6, 7], [2, 3]]
   * ```
   */
  derive(options: DeriveOptions): MemoryView {
    checkReleased(this);
    return this._keepRecords(new MemoryView(this._mbuf, deriveParts(this._mbuf, this._layout, options), CONSTRUCT_KEY));
  }

  /**
   * The same items read with record options (SPEC §2.1): with `records`
   * (on unless `false`), an item whose fields carry `:name:` is a plain
   * object keyed by the names (and `set` takes one); with `strings`, `s`
   * and `p` fields are text. The view shares this one's memory and export,
   * and views derived from it keep the options (`MemoryView.from(view)`
   * reads with the defaults again).
   *
   * @param options - `records`, `strings` ({@link RecordOptions})
   * @throws TypeError or ValueError for malformed options
   *
   * @example
   * ```ts
   * const points = MemoryView.from(new Uint8Array(24)).cast("T{<i:id: d:value:}");
   * const named = points.withRecords();
   * named.set(1, { id: 7, value: 0.5 });
   * named.toList(); // returns [{ id: 0, value: 0 }, { id: 7, value: 0.5 }]
   * points.get(1); // returns [7, 0.5]
   * named.set(0, { id: 1 }); // throws TypeError "record missing 1 required field: 'value'"
   * ```
   * @example
   * ```ts
   * const names = MemoryView.from(Uint8Array.of(104, 105, 0, 0)).cast("4s").withRecords({ strings: { encoding: "utf-8", trim: "nul" } });
   * names.get(0); // returns "hi"
   * ```
   */
  withRecords(options?: RecordOptions): MemoryView {
    checkReleased(this);
    const resolved = resolveRecordOptions(options);
    const view = new MemoryView(this._mbuf, this._layout, CONSTRUCT_KEY);
    view._records = resolved;
    return view;
  }

  // ---------------------------------------------------------------- bulk --

  /**
   * The items' bytes in `order` (`tobytes`): "C" row-major, "F"
   * column-major, "A" the memory as it is when the view is contiguous
   * (else C). Always a fresh `Uint8Array`.
   *
   * @param order - "C" (default), "F" or "A"
   * @throws ValueError "order must be 'C', 'F' or 'A'"
   *
   * @example
   * ```ts
   * const m = MemoryView.from(Uint8Array.of(1, 2, 3, 4, 5, 6)).reshape([2, 3]);
   * [Array.from(m.toBytes()), Array.from(m.toBytes("F"))]; // returns [[1, 2, 3, 4, 5, 6], [1, 4, 2, 5, 3, 6]]
   * ```
   */
  toBytes(order: ByteOrder = "C"): Uint8Array {
    checkReleased(this);
    return toBytes(this, order);
  }

  /**
   * The items as nested arrays (`tolist`); a 0-d view gives its one item.
   *
   * @example
   * ```ts
   * MemoryView.from(new Int32Array([1, 2, 3, 4])).reshape([2, 2]).toList(); // returns [[1, 2], [3, 4]]
   * ```
   * @example
   * ```ts
   * MemoryView.from(Uint8Array.of(0, 1)).cast("?").toList(); // returns [false, true]
   * ```
   */
  toList(): ViewList {
    this._prepareAccess();
    return toList(this);
  }

  /**
   * The items as a flat TypedArray in C order. It is the exporter's memory
   * itself (no copy) when the view is writable, C-contiguous, aligned and
   * in the host's byte order; otherwise a copy. Read-only views always
   * copy, so the array cannot write through them.
   *
   * @throws TypeError for a format no TypedArray holds (multi-field, `s`,
   *   `e` without Float16Array)
   *
   * @example
   * ```ts
   * const a = new Float64Array([1, 2, 3, 4]);
   * MemoryView.from(a).toTypedArray().buffer === a.buffer; // returns true
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Float64Array([1, 2, 3, 4])).slice([null, null, 2]).toTypedArray(); // returns new Float64Array([1, 3])
   * ```
   */
  toTypedArray(): AnyTypedArray {
    this._prepareAccess();
    return toTypedArray(this);
  }

  /**
   * Copies the items of `source` (a view or any exporter with the same
   * format and shape) into this view, whatever either layout; safe when
   * the two overlap.
   *
   * @throws ValueError "memoryview assignment: lvalue and rvalue have
   *   different structures"; TypeError for a read-only view
   *
   * @example
   * ```ts
   * const m = MemoryView.from(Uint8Array.of(1, 2, 3, 4));
   * m.slice([1]).copyFrom(m.slice([null, 3]));
   * m.toList(); // returns [1, 1, 2, 3]
   * ```
   */
  copyFrom(source: unknown): void {
    checkReleased(this);
    assertWritable(this);
    if (source instanceof MemoryView) {
      checkReleased(source);
      copyView(this, source);
      return;
    }
    const temporary = MemoryView.from(source);
    try {
      copyView(this, temporary);
    } finally {
      temporary.release();
    }
  }

  /**
   * Sets every item to `value`, checked once as `set` would.
   *
   * @example
   * ```ts
   * const m = MemoryView.from(new Int16Array(4));
   * m.slice([null, null, 2]).fill(-1);
   * m.toList(); // returns [-1, 0, -1, 0]
   * ```
   */
  fill(value: unknown): void {
    this._prepareAccess();
    this._itemCodec();
    assertWritable(this);
    fillView(this, value);
  }

  /**
   * Whether `other` (a view or any exporter) has the same shape and equal
   * items, compared as values (`m == other` in Python): NaN is unequal to
   * itself, `1` equals `1n` and `true`; formats struct cannot read are
   * unequal.
   *
   * @example
   * ```ts
   * MemoryView.from(Uint8Array.of(1, 2)).equals(new Int32Array([1, 2])); // returns true
   * ```
   * @example
   * ```ts
   * MemoryView.from(new Float64Array([NaN])).equals(new Float64Array([NaN])); // returns false
   * ```
   */
  equals(other: unknown): boolean {
    // memory_richcompare: a released view equals only itself.
    if (this._released) return this === other;
    if (other instanceof MemoryView) {
      if (other._released) return this === other;
      this._prepareAccess();
      other._prepareAccess();
      return equalsViews(this, other);
    }
    let temporary: MemoryView;
    try {
      temporary = MemoryView.from(other);
    } catch {
      return false; // not an exporter: NotImplemented, then identity
    }
    try {
      this._prepareAccess();
      temporary._prepareAccess();
      return equalsViews(this, temporary);
    } finally {
      temporary.release();
    }
  }

  /**
   * Iterates over the first dimension: items of a 1-D view, sub-views of
   * the others.
   *
   * @throws TypeError "invalid indexing of 0-dim memory" for a 0-d view
   *
   * @example
   * ```ts
   * [...MemoryView.from(Uint8Array.of(7, 8))]; // returns [7, 8]
   * ```
   * @example
   * ```ts
   * [...MemoryView.from(new Uint8Array(6)).reshape([3, 2])].map((row) => row.shape); // returns [[2], [2], [2]]
   * ```
   */
  *[Symbol.iterator](): Iterator<StructValue | MemoryView> {
    checkReleased(this);
    if (this._layout.ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
    const length = this._layout.shape[0];
    const items = this._layout.ndim === 1;
    for (let i = 0; i < length; i++) {
      yield items ? this.get(i) : this.index(0, i);
    }
  }

  // ------------------------------------------------------------ lifetime --

  /**
   * Releases the view (`release`): every later use throws `ValueError`, and
   * the export is released when the last view of it goes. Releasing twice
   * does nothing.
   *
   * @throws BufferError "memoryview has N exported buffer(s)" while this
   *   view's own exports are live
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Uint8Array(1));
   * v.release();
   * v.get(0); // throws ValueError
   * ```
   */
  release(): void {
    if (this._released) return;
    if (this._exports > 0) {
      const n = this._exports;
      throw new BufferError(`memoryview has ${n} exported buffer${n === 1 ? "" : "s"}`);
    }
    this._released = true;
    this._ta = null;
    this._mbuf.removeView(this);
  }

  /**
   * Releases the view at the end of a `using` block.
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Uint8Array(1));
   * v[Symbol.dispose]();
   * v.released; // returns true
   * ```
   */
  [DISPOSE](): void {
    this.release();
  }

  /**
   * Exports this view's memory (`memory_getbuf`): a view is an exporter, and
   * a view with live exports refuses to be released.
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Float64Array(2));
   * getBuffer(v, BufferFlags.RECORDS_RO).format; // returns "d"
   * ```
   */
  [GET_BUFFER](flags: number): BufferInfo {
    return exportView(this, flags);
  }

  /**
   * Ends an export made by `GET_BUFFER` (`memory_releasebuf`).
   *
   * @example
   * ```ts
   * const v = MemoryView.from(new Uint8Array(2));
   * releaseBuffer(getBuffer(v));
   * v.exports; // returns 0
   * ```
   */
  [RELEASE_BUFFER](info: BufferInfo): void {
    releaseExport(this, info);
  }

  /**
   * A short description, e.g. `<MemoryView format='d' shape=[2, 3]>`.
   *
   * @example
   * ```ts
   * String(MemoryView.from(new Float64Array(6)).reshape([2, 3])); // returns "<MemoryView format='d' shape=[2, 3]>"
   * ```
   */
  toString(): string {
    if (this._released) return "<released MemoryView>";
    return `<MemoryView format='${this._layout.format}' shape=[${this._layout.shape.join(", ")}]>`;
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
   * The [start, end) bytes of the memory the items occupy (without
   * pointers).
   *
   * @internal
   */
  _byteExtent(): [number, number] {
    const l = this._layout;
    return byteExtent(l.shape, l.byteStrides, l.byteOffset, l.itemsize);
  }
}
