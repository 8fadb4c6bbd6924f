/**
 * The attributes of Python's `memoryview` (`obj`, `nbytes`, `readonly`,
 * `itemsize`, `format`, `ndim`, `shape`, `strides`, `suboffsets`, the
 * contiguity flags, `len` and `released`) and its lifetime (`release`, the
 * `using` disposal, `repr`, the export slots), over `@mv/core`'s
 * `MemoryView`, which each of them asks.
 *
 * @packageDocumentation
 */
import { DISPOSE, GET_BUFFER, MemoryView, RELEASE_BUFFER, type BufferInfo } from "@mv/core";
import { formatAddress, objectId } from "../object-id.js";
import { releaseInFlight } from "./in-flight.js";

let coreViewOf: (m: MemoryviewAttributes) => MemoryView;
let UNMADE_VIEW: MemoryView | undefined;

/** The core view of an object made without `memoryview(obj)`: one that views no memory (see the static block below). */
function unmadeView(): MemoryView {
  if (UNMADE_VIEW === undefined) UNMADE_VIEW = Object.create(MemoryView.prototype) as MemoryView;
  return UNMADE_VIEW;
}
let rankOfView: (m: MemoryviewAttributes) => number;

/**
 * The number of dimensions of a memoryview, as it was made (-1 for one made
 * over a released view); never throws, for the fast paths of `m[i]`.
 *
 * @example
 * ```ts
 * rankOf(memoryview(new Uint8Array(4)).cast("B", [2, 2])); // returns 2
 * ```
 */
export function rankOf(m: MemoryviewAttributes): number {
  return rankOfView(m);
}

/**
 * The core view a memoryview is.
 *
 * @example
 * ```ts
 * const a = new Uint8Array(2);
 * coreView(memoryview(a)).obj === a; // returns true
 * ```
 */
export function coreView(m: MemoryviewAttributes): MemoryView {
  return coreViewOf(m);
}

/**
 * What every memoryview is: the core view it wraps, the attributes and the lifetime.
 * Not constructed directly: use `memoryview(obj)`.
 */
export abstract class MemoryviewAttributes {
  /** The core view this memoryview is. */
  readonly #view: MemoryView;
  /** The view's number of dimensions (fixed for its life), -1 when it was made released. */
  readonly #ndim: number;

  static {
    // An object given this prototype without being made by memoryview(obj)
    // wraps a core view made the same way, which behaves as a released view
    // (CPython's "operation forbidden on released memoryview object"), so
    // no engine error about a missing private field gets out.
    coreViewOf = (m) => (#view in m ? m.#view : unmadeView());
    rankOfView = (m) => (#ndim in m ? m.#ndim : -1);
  }

  /** @param view - the core view (use `memoryview(obj)`) */
  constructor(view: MemoryView) {
    this.#view = view;
    this.#ndim = view.released ? -1 : view.layout.ndim;
  }

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
    return coreViewOf(this).obj;
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
    return coreViewOf(this).nbytes;
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
    return coreViewOf(this).readonly;
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
    return coreViewOf(this).itemsize;
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
    return coreViewOf(this).format;
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
    return coreViewOf(this).ndim;
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
    return coreViewOf(this).shape;
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
    return coreViewOf(this).strides;
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
    return coreViewOf(this).suboffsets;
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
    return coreViewOf(this).cContiguous;
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
    return coreViewOf(this).fContiguous;
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
    return coreViewOf(this).contiguous;
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
    return coreViewOf(this).length;
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
    return coreViewOf(this).released;
  }

  // ----------------------------------------------------- items and views --

  // ------------------------------------------------------------ lifetime --

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
    const view = coreViewOf(this);
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
  toString(): string {
    const address = formatAddress(objectId(this));
    return coreViewOf(this).released ? `<released memory at ${address}>` : `<memory at ${address}>`;
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
    const info = coreViewOf(this)[GET_BUFFER](flags);
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
    coreViewOf(this)[RELEASE_BUFFER](info);
  }
}
