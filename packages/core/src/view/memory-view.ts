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

import { IndexError } from "../errors.js";
import { BufferFlags } from "../protocol/index.js";
import { normalizeAxis } from "./axis.js";
import { castLayout } from "./cast.js";
import { equalsViews } from "./compare.js";
import { copyView } from "./copy-from.js";
import { deriveParts, type DeriveOptions } from "./derive.js";
import { dropDimension, type LayoutParts } from "./drop-dimension.js";
import { assertViewMeetsRequest } from "./export.js";
import { assertWritable, checkReleased } from "./guards.js";
import { ManagedBuffer } from "./managed-buffer.js";
import { managedBufferFor } from "./shared-exports.js";
import { checkPermutation, permuteLayout } from "./permute.js";
import { reshapeLayout } from "./reshape.js";
import { adjustSlice, adjustSliceSpec, sliceDimension, type SliceBound, type SliceSpec } from "./slice.js";
import { type Index, indexIn } from "./subscript.js";
import { ViewAttributes } from "./view-attributes.js";
import { makeLayout, type ViewLayout } from "./view-layout.js";
import type { MemoryViewOptions } from "./view-options.js";

export type { MemoryViewOptions } from "./view-options.js";
import { isReleased, layoutOf, mbufOf, prepareAccess, recordsOf, setRecords } from "./state/access.js";
import { type RecordOptions, resolveRecordOptions } from "../records/index.js";
import { copyNumbers } from "../layout/copy-numbers.js";

// adjustSlice's output, reused: slicing runs in loops and nothing re-enters it (each entry is written first).
const SCRATCH_SLICE = [0, 0, 0];

/** `made` (a view just derived from `view`) with `view`'s record options. */
function keepRecords(view: MemoryView, made: MemoryView): MemoryView {
  const records = recordsOf(view);
  if (records !== null) setRecords(made, records);
  return made;
}

/** A new view of `view`'s export with the given parts. */
function derived(view: MemoryView, parts: LayoutParts, format?: string, itemsize?: number): MemoryView {
  const l = layoutOf(view);
  return keepRecords(
    view,
    new MemoryView(
      mbufOf(view),
      makeLayout(
        parts.byteOffset,
        parts.shape,
        parts.byteStrides,
        parts.suboffsets,
        format ?? l.format,
        itemsize ?? l.itemsize,
        l.readonly,
      ),
      CONSTRUCT_KEY,
    ),
  );
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
export class MemoryView extends ViewAttributes {
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
    super(mbuf, layout);
  }

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
  static from(obj: unknown, flags: number = BufferFlags.FULL_RO, options?: MemoryViewOptions): MemoryView {
    if (obj instanceof MemoryView) {
      checkReleased(obj);
      assertViewMeetsRequest(obj, flags);
      const mbuf = mbufOf(obj);
      if (options?.autoRelease === true) mbuf.autoRelease = true;
      return new MemoryView(mbuf, layoutOf(obj), CONSTRUCT_KEY);
    }
    const autoRelease = options?.autoRelease === true;
    // A TypedArray's export is shared by its views (see shared-exports.ts);
    // views that release themselves on collection get their own.
    const mbuf = managedBufferFor(obj, flags, !autoRelease);
    if (autoRelease) mbuf.autoRelease = true;
    const layout = mbuf.rootLayout();
    return new MemoryView(mbuf, layout, CONSTRUCT_KEY);
  }

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
    const layout = layoutOf(this);
    const ndim = layout.ndim;
    if (ndim === 0 && specs.length > 0) throw new TypeError("invalid indexing of 0-dim memory");
    if (specs.length > ndim) {
      throw new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${specs.length} were indexed`);
    }
    const shape = copyNumbers(layout.shape);
    const byteStrides = copyNumbers(layout.byteStrides);
    const suboffsets = layout.suboffsets === null ? null : copyNumbers(layout.suboffsets);
    let byteOffset = layout.byteOffset;
    for (let dim = 0; dim < specs.length; dim++) {
      const spec = specs[dim];
      // Without the skip a null or undefined spec goes to adjustSliceSpec, which takes the whole dimension for
      // both, and slicing a dimension whole leaves offset, shape and stride as they were.
      if (spec === null || spec === undefined) continue; // the whole dimension
      const adjusted = adjustSliceSpec(shape[dim]!, spec, SCRATCH_SLICE);
      byteOffset = sliceDimension(byteOffset, shape, byteStrides, suboffsets, dim, adjusted[0]!, adjusted[1]!, adjusted[2]!);
    }
    return derived(this, { byteOffset, shape, byteStrides, suboffsets });
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
    const layout = layoutOf(this);
    if (layout.ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
    const axis = normalizeAxis(dim, layout.ndim);
    const shape = copyNumbers(layout.shape);
    const byteStrides = copyNumbers(layout.byteStrides);
    const suboffsets = layout.suboffsets === null ? null : copyNumbers(layout.suboffsets);
    const adjusted = adjustSlice(shape[axis]!, start, stop, step, SCRATCH_SLICE);
    const byteOffset = sliceDimension(
      layout.byteOffset,
      shape,
      byteStrides,
      suboffsets,
      axis,
      adjusted[0]!,
      adjusted[1]!,
      adjusted[2]!,
    );
    return derived(this, { byteOffset, shape, byteStrides, suboffsets });
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
    const layout = layoutOf(this);
    if (layout.ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
    const axis = normalizeAxis(dim, layout.ndim);
    const i = indexIn(index, layout.shape[axis]!, axis);
    return derived(this, dropDimension(mbufOf(this), layout, axis, i));
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
    const ndim = layoutOf(this).ndim;
    // The loop below assigns every index 0..ndim-1 before the array is used.
    const axes = new Array<number>(ndim);
    for (let i = 0; i < ndim; i++) axes[i] = ndim - 1 - i;
    return derived(this, permuteLayout(layoutOf(this), axes));
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
    const permutation = checkPermutation(list, layoutOf(this).ndim);
    return derived(this, permuteLayout(layoutOf(this), permutation));
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
    return derived(this, reshapeLayout(layoutOf(this), shape, order));
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
    const parts = castLayout(layoutOf(this), format, shape);
    return derived(this, parts, parts.format, parts.itemsize);
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
    const l = layoutOf(this);
    return keepRecords(
      this,
      new MemoryView(
        mbufOf(this),
        makeLayout(l.byteOffset, l.shape, l.byteStrides, l.suboffsets, l.format, l.itemsize, true),
        CONSTRUCT_KEY,
      ),
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
    return keepRecords(this, new MemoryView(mbufOf(this), deriveParts(mbufOf(this), layoutOf(this), options), CONSTRUCT_KEY));
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
    const view = new MemoryView(mbufOf(this), layoutOf(this), CONSTRUCT_KEY);
    setRecords(view, resolved);
    return view;
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
      // The source's GET_BUFFER is user code: it may have released this
      // view or taken its memory away. Checked again before the copy.
      checkReleased(this);
      copyView(this, temporary);
    } finally {
      temporary.release();
    }
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
    if (isReleased(this)) return this === other;
    if (other instanceof MemoryView) {
      if (isReleased(other)) return this === other;
      prepareAccess(this);
      prepareAccess(other);
      return equalsViews(this, other);
    }
    let temporary: MemoryView;
    try {
      temporary = MemoryView.from(other);
    } catch {
      return false; // not an exporter: NotImplemented, then identity
    }
    try {
      // The other's GET_BUFFER is user code: a view it released equals only itself.
      if (isReleased(this)) return false;
      prepareAccess(this);
      prepareAccess(temporary);
      return equalsViews(this, temporary);
    } finally {
      temporary.release();
    }
  }
}
