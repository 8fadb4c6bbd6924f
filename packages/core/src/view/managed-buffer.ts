/**
 * The managed buffer: one snapshot of an export, shared by every view
 * derived from it (CPython's `_PyManagedBufferObject`). It counts the views
 * registered with it and releases the export exactly once, when the last of
 * them is released, so a slice outlives the view it was cut from.
 *
 * It also owns the JavaScript side of the memory: the `ArrayBuffer` the
 * export currently resolves to and the Uint8Array, DataView and
 * TypedArrays over it that the views read through. They all end at the
 * export's reach, with a fixed length, so a detached buffer or one shrunk
 * below the export makes them empty instead of letting them read stale
 * memory; {@link ManagedBuffer.assertAccessible} then re-resolves the
 * buffer (a `WebAssembly.Memory` after `grow()`) or throws `ValueError`.
 *
 * @packageDocumentation
 */

import { BufferError, ValueError } from "../errors.js";
import {
  type BufferInfo,
  BufferFlags,
  getBuffer,
  impliedByteStrides,
  impliedShape,
  isDetachedBuffer,
  reachableExtent,
  releaseBuffer,
  resolveBuffer,
} from "../protocol/index.js";
import { typedArrayKind, viewWindow } from "../protocol/brand-checks.js";
import { type AnyTypedArray, type AnyTypedArrayConstructor, ELEM_ARRAYS } from "./native-access.js";
import { makeLayout, type ViewLayout } from "./view-layout.js";

type Memory = ArrayBuffer | SharedArrayBuffer;

/**
 * The message of the `ValueError` every use of a released view throws:
 * CPython's `CHECK_RELEASED`.
 *
 * @example
 * ```ts
 * RELEASED_VIEW_MESSAGE; // returns "operation forbidden on released memoryview object"
 * ```
 */
export const RELEASED_VIEW_MESSAGE = "operation forbidden on released memoryview object";

// Views made with { autoRelease: true } give their share of the export back
// when they are collected unreleased, as CPython's memory_dealloc does. Off by
// default: registering costs about a microsecond per view.
const collected = new FinalizationRegistry<ManagedBuffer>((mbuf) => mbuf.removeView());

/**
 * One export, shared by all the views derived from it.
 *
 * @example
 * ```ts
 * const mbuf = ManagedBuffer.fromObject(new Uint8Array(4), BufferFlags.FULL_RO);
 * [mbuf.master.len, mbuf.views, mbuf.released]; // returns [4, 0, false]
 * ```
 */
export class ManagedBuffer {
  /** The export, as the exporter gave it (validated and frozen by getBuffer). */
  readonly master: BufferInfo;
  /** The first byte of `buf` the export reaches. */
  readonly startByte: number;
  /**
   * One past the last byte of `buf` the views may touch: the export's reach,
   * or the whole buffer when suboffset pointers may lead anywhere in it.
   */
  endByte: number;
  /** Whether the export has suboffsets (pointers are followed and checked on every access). */
  readonly indirect: boolean;
  /** The memory, as last resolved. */
  buffer!: Memory;
  /** Views registered with this buffer and not yet released. */
  views = 0;
  /** Set once the export has been released. */
  released = false;
  /** Whether views of this buffer register for release on collection. */
  autoRelease = false;
  /** Bumped each time the memory is re-resolved to a new ArrayBuffer. */
  generation = 0;
  // The arrays over the memory are made on first use (a view that is only
  // sliced or passed along never needs one), and dropped when it is re-resolved.
  #u8: Uint8Array | null = null;
  #dv: DataView | null = null;
  #typed: Map<AnyTypedArrayConstructor, AnyTypedArray | null> | null = null;
  #lastCtor: AnyTypedArrayConstructor | null = null;
  #lastArray: AnyTypedArray | null = null;
  #rootLayout: ViewLayout | null = null;

  /**
   * Wraps an export that `getBuffer` returned; the managed buffer now owns it
   * and releases it when its last view goes.
   *
   * @param master - a BufferInfo from `getBuffer`
   */
  constructor(master: BufferInfo) {
    this.master = master;
    this.indirect = master.suboffsets?.some((s) => s >= 0) ?? false;
    const buffer = resolveBuffer(master);
    if (this.indirect) {
      this.startByte = 0;
      this.endByte = buffer.byteLength;
    } else {
      const [startByte, endByte] = reachableExtent(master, buffer);
      this.startByte = startByte;
      this.endByte = endByte;
    }
    this.attach(buffer);
    this.adoptExporterArray(master.obj);
  }

  /**
   * Takes the exporter itself as the TypedArray of its element type when it
   * is exactly the array {@link typedArray} would make (a plain TypedArray
   * at byte 0 of a fixed-size buffer, reaching the export's end): views of
   * a TypedArray then read through it from their first access, and no
   * second array over the same bytes is made.
   */
  private adoptExporterArray(obj: object | null): void {
    if (obj === null || this.indirect || typedArrayKind(obj) === undefined) return;
    // Exactly one of the fast paths' array types (not a subclass such as Node's Buffer).
    const ctor = ELEM_ARRAYS.find((c) => c?.prototype === Object.getPrototypeOf(obj));
    const window = ctor === undefined ? null : viewWindow(obj as ArrayBufferView);
    const buffer = this.buffer as { resizable?: boolean; growable?: boolean };
    if (window === null || window.buffer !== this.buffer || window.byteOffset !== 0 || window.byteLength !== this.endByte) return;
    if (buffer.resizable === true || buffer.growable === true) return;
    this.#lastCtor = ctor!;
    this.#lastArray = obj as AnyTypedArray;
  }

  /**
   * The TypedArray of `ctor` over the memory if one is already at hand (the
   * last one asked for, or the exporter's own), else null; makes none.
   *
   * @example
   * ```ts
   * const a = new Float64Array(2);
   * ManagedBuffer.fromObject(a, BufferFlags.FULL_RO).typedArrayAtHand(Float64Array) === a; // returns true
   * ```
   */
  typedArrayAtHand(ctor: AnyTypedArrayConstructor): AnyTypedArray | null {
    return ctor === this.#lastCtor ? this.#lastArray : null;
  }

  /**
   * Requests a buffer from `obj` (`PyObject_GetBuffer`) and manages it:
   * CPython's `_PyManagedBuffer_FromObject`.
   *
   * @param obj - any exporter
   * @param flags - the request flags
   * @returns a managed buffer with no views yet
   * @throws TypeError when `obj` exports nothing; BufferError when the request cannot be met
   *
   * @example
   * ```ts
   * ManagedBuffer.fromObject(new Float64Array(2), BufferFlags.FULL_RO).master.format; // returns "d"
   * ```
   */
  static fromObject(obj: unknown, flags: number = BufferFlags.FULL_RO): ManagedBuffer {
    const master = getBuffer(obj, flags);
    try {
      return new ManagedBuffer(master);
    } catch (error) {
      releaseBuffer(master);
      throw error;
    }
  }

  /**
   * The layout of the export itself, which every view made straight from
   * the exporter shares (made once: its arrays are the export's frozen ones).
   *
   * @example
   * ```ts
   * ManagedBuffer.fromObject(new Float64Array(2), BufferFlags.FULL_RO).rootLayout().shape; // returns [2]
   * ```
   */
  rootLayout(): ViewLayout {
    let layout = this.#rootLayout;
    if (layout === null) {
      const master = this.master;
      layout = makeLayout(
        master.offset,
        this.shape,
        this.byteStrides,
        master.suboffsets,
        master.format ?? "B",
        master.itemsize,
        master.readonly,
      );
      this.#rootLayout = layout;
    }
    return layout;
  }

  /** The shape of the export, with the one a null `shape` implies. */
  get shape(): readonly number[] {
    return impliedShape(this.master);
  }

  /** The byte strides of the export, with the C strides a null `strides` implies. */
  get byteStrides(): readonly number[] {
    return impliedByteStrides(this.master);
  }

  /** Bytes [0, endByte) of the memory. */
  get u8(): Uint8Array {
    this.#u8 ??= new Uint8Array(this.buffer, 0, this.endByte);
    return this.#u8;
  }

  /** Bytes [0, endByte) of the memory. */
  get dv(): DataView {
    this.#dv ??= new DataView(this.buffer, 0, this.endByte);
    return this.#dv;
  }

  private attach(buffer: Memory): void {
    if (this.indirect) this.endByte = buffer.byteLength;
    this.buffer = buffer;
    this.#u8 = null;
    this.#dv = null;
    this.#typed = null;
    this.#lastCtor = null;
    this.#lastArray = null;
  }

  /**
   * Checks that the memory is still there before an access: not released,
   * not detached, not shrunk below the export. A buffer that was replaced
   * (`WebAssembly.Memory.grow()`) is re-resolved and the views pick it up.
   *
   * @throws ValueError when the memory is gone
   *
   * @example
   * ```ts
   * const ab = new ArrayBuffer(8);
   * const mbuf = ManagedBuffer.fromObject(ab, BufferFlags.FULL_RO);
   * structuredClone(ab, { transfer: [ab] });
   * mbuf.assertAccessible(); // throws ValueError
   * ```
   */
  assertAccessible(): void {
    if (this.released) throw new ValueError(RELEASED_VIEW_MESSAGE);
    // The buffer's own byteLength, not u8.length: V8's Maglev tier in Node 20
    // was seen to keep a detached array's old length in this hot check (the
    // conformance suite's builtin-exporters cases, after a few thousand
    // views), so a detached view read `undefined`s instead of throwing.
    if (this.buffer.byteLength >= this.endByte && (this.endByte !== 0 || !isDetachedBuffer(this.buffer))) return;
    const buffer = resolveBuffer(this.master);
    if (this.indirect && buffer === this.buffer && buffer.byteLength < this.endByte) {
      // A resizable buffer of PIL-style memory shrank, but not below what the
      // export reached when it was made: the pointers may still be valid.
      this.attach(buffer);
      return;
    }
    if (buffer === this.buffer && buffer.byteLength < this.endByte) {
      throw new ValueError(`operation forbidden: the buffer was resized below the ${this.endByte} bytes the export reaches`);
    }
    this.attach(buffer);
    this.generation++;
  }

  /**
   * A TypedArray of `ctor`'s element type over bytes [0, endByte) of the
   * memory (rounded down to whole elements), shared by every view of this
   * buffer; null where a fixed-length array cannot end exactly at the
   * export's reach on a resizable buffer (it could then miss a shrink).
   *
   * @param ctor - the TypedArray constructor
   * @returns the array, or null
   *
   * @example
   * ```ts
   * const mbuf = ManagedBuffer.fromObject(new Float64Array(3), BufferFlags.FULL_RO);
   * mbuf.typedArray(Float64Array)?.length; // returns 3
   * ```
   */
  typedArray(ctor: AnyTypedArrayConstructor): AnyTypedArray | null {
    // Nearly every view of a buffer asks for the same kind: check it first.
    if (ctor === this.#lastCtor) return this.#lastArray;
    this.#typed ??= new Map();
    const typed = this.#typed;
    let array = typed.get(ctor);
    if (array === undefined) {
      const size = ctor.BYTES_PER_ELEMENT;
      const resizable = (this.buffer as { resizable?: boolean }).resizable === true;
      array = resizable && this.endByte % size !== 0 ? null : new ctor(this.buffer, 0, Math.floor(this.endByte / size));
      typed.set(ctor, array);
    }
    this.#lastCtor = ctor;
    this.#lastArray = array;
    return array;
  }

  /**
   * Registers a new view (`mbuf->exports++` in `mbuf_add_view`).
   *
   * @param view - the view, registered for collection when `autoRelease` is on
   *
   * @example
   * ```ts
   * const mbuf = ManagedBuffer.fromObject(new Uint8Array(1), BufferFlags.FULL_RO);
   * mbuf.addView({});
   * mbuf.views; // returns 1
   * ```
   */
  addView(view: object): void {
    if (this.released) throw new ValueError(RELEASED_VIEW_MESSAGE);
    this.views++;
    if (this.autoRelease) collected.register(view, this, view);
  }

  /**
   * Unregisters a released view; the last one releases the export
   * (`_memory_release` then `mbuf_release`).
   *
   * @param view - the view being released, or undefined when it was collected
   *
   * @example
   * ```ts
   * const mbuf = ManagedBuffer.fromObject(new Uint8Array(1), BufferFlags.FULL_RO);
   * const view = {};
   * mbuf.addView(view);
   * mbuf.removeView(view);
   * mbuf.released; // returns true
   * ```
   */
  removeView(view?: object): void {
    if (view !== undefined && this.autoRelease) collected.unregister(view);
    if (this.views <= 0) return;
    if (--this.views === 0) this.release();
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.#typed = null;
    this.#lastCtor = null;
    this.#lastArray = null;
    releaseBuffer(this.master);
  }

  /**
   * Asserts that [startByte, endByte) of `buf` lies inside what this export
   * reaches: the rule every derived layout must keep.
   *
   * @throws BufferError naming the bytes that escape
   *
   * @example
   * ```ts
   * const mbuf = ManagedBuffer.fromObject(new Uint8Array(8), BufferFlags.FULL_RO);
   * mbuf.assertWithinExport(2, 10); // throws BufferError
   * ```
   */
  assertWithinExport(startByte: number, endByte: number): void {
    if (startByte === endByte) return;
    if (!(startByte >= this.startByte && endByte <= this.endByte && startByte <= endByte)) {
      throw new BufferError(
        `memoryview: the layout reaches bytes [${startByte}, ${endByte}), ` +
          `outside the export's bytes [${this.startByte}, ${this.endByte})`,
      );
    }
  }
}
