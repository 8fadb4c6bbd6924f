/**
 * The attributes of a {@link MemoryView} (CPython's `memoryview`
 * attributes, and the layout and memory for code that builds on views),
 * and its lifetime: release, and the view as an exporter. Each attribute
 * checks that the view is live first, as CPython's getters do, except
 * `released` and `exports`.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import { type BufferInfo, GET_BUFFER, RELEASE_BUFFER } from "../protocol/index.js";
import { DISPOSE } from "./dispose-symbol.js";
import { exportView, releaseExport } from "./export.js";
import { checkReleased } from "./guards.js";
import type { MemoryView } from "./memory-view.js";
import { LayoutFlag } from "./layout-flags.js";
import { ViewCore } from "./view-core.js";
import type { ViewLayout } from "./view-layout.js";
import { exportCount, isReleased, layoutOf, markReleased, mbufOf } from "./state/access.js";
import { copyNumbers } from "../layout/copy-numbers.js";

/**
 * The attributes and the lifetime every view has. Not constructed directly: see {@link MemoryView}.
 */
export abstract class ViewAttributes extends ViewCore {
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
    return mbufOf(this).master.obj;
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
    return layoutOf(this).format;
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
    return layoutOf(this).itemsize;
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
    return layoutOf(this).ndim;
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
    return copyNumbers(layoutOf(this).shape);
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
    return copyNumbers(layoutOf(this).byteStrides);
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
    const suboffsets = layoutOf(this).suboffsets;
    return suboffsets === null ? [] : copyNumbers(suboffsets);
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
    return layoutOf(this).readonly;
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
    return layoutOf(this).nbytes;
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
    return (layoutOf(this).flags & LayoutFlag.C) !== 0;
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
    return (layoutOf(this).flags & LayoutFlag.F) !== 0;
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
    return (layoutOf(this).flags & (LayoutFlag.C | LayoutFlag.F)) !== 0;
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
    if (layoutOf(this).ndim === 0) throw new TypeError("0-dim memory has no length");
    return layoutOf(this).shape[0]!;
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
    return isReleased(this);
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
    return exportCount(this);
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
    return layoutOf(this);
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
    return mbufOf(this).buffer;
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
    if (isReleased(this)) return;
    const n = exportCount(this);
    if (n > 0) {
      throw new BufferError(`memoryview has ${n} exported buffer${n === 1 ? "" : "s"}`);
    }
    markReleased(this);
    mbufOf(this).removeView(this);
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
    return exportView(this as unknown as MemoryView, flags);
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
    releaseExport(this as unknown as MemoryView, info);
  }

  /**
   * A short description, e.g. `<MemoryView format='d' shape=[2, 3]>`.
   *
   * @example
   * ```ts
   * String(MemoryView.from(new Float64Array(6)).reshape([2, 3])); // returns "<MemoryView format='d' shape=[2, 3]>"
   * ```
   */
  override toString(): string {
    if (isReleased(this)) return "<released MemoryView>";
    return `<MemoryView format='${layoutOf(this).format}' shape=[${layoutOf(this).shape.join(", ")}]>`;
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
}
