/**
 * The core of the {@link MemoryView} façade: the one private field that
 * holds the view's state record (see `state/record.ts`; only the modules
 * of `state/` read its fields), element access, iteration and the bulk reads and
 * writes. {@link MemoryView} adds the attributes (through `ViewAttributes`),
 * creation, derivation, comparison and lifetime.
 *
 * @packageDocumentation
 */

import type { StructValue } from "../codec/index.js";
import { fillView } from "./fill.js";
import { assertWritable, checkReleased } from "./guards.js";
import type { ManagedBuffer } from "./managed-buffer.js";
import type { MemoryView } from "./memory-view.js";
import type { AnyTypedArray } from "./native-access.js";
import type { Index } from "./subscript.js";
import { toBytes, type ByteOrder } from "./to-bytes.js";
import { toList, type ViewList } from "./tolist.js";
import { toTypedArray } from "./typed-array.js";
import type { ViewLayout } from "./view-layout.js";
import { iterateView } from "./iterate.js";
import { itemCodecOf, prepareAccess } from "./state/access.js";
import { installElementAccess } from "./state/elements.js";
import { bindViewStates, unmadeViewState, ViewState } from "./state/record.js";

// The record a constructor hands to the #state initializer (which runs right after super()).
let incoming: ViewState | null = null;

/** The empty base that lets a view's constructor make its record before its fields are defined. */
abstract class StateCarrier {}

/**
 * What every view is made of: its state record, element access and bulk
 * reads and writes. Not constructed directly: see {@link MemoryView}.
 */
export abstract class ViewCore extends StateCarrier implements Iterable<StructValue | MemoryView> {
  /**
   * The view's state; only the modules of `state/` read its fields. Its
   * initializer takes the record the constructor made just before, so the
   * field is written once, with its value: V8 then treats it as a constant
   * of a view it knows, and folds the element paths' checks.
   */
  readonly #state: ViewState = incoming!;

  static {
    installElementAccess();
    bindViewStates((view) => (#state in view ? view.#state : unmadeViewState()));
  }

  /**
   * @param mbuf - the managed buffer
   * @param layout - the view's layout
   */
  constructor(mbuf: ManagedBuffer, layout: ViewLayout) {
    incoming = new ViewState(mbuf, layout);
    super();
    incoming = null;
    mbuf.addView(this);
  }

  // ------------------------------------------------------------ elements --

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
    // Kept small so that V8 inlines it (and getNumber into it) into the caller's loop.
    // Where V8 inlines get, `count` is a constant of the call site, and the
    // calls below that a program never made are not compiled in: a loop of
    // get(i) over numbers then returns unboxed doubles.
    const state = #state in this ? this.#state : unmadeViewState();
    // biome-ignore lint/complexity/noArguments: an arity without a rest array keeps get small enough to inline
    const count = arguments.length;
    if (count === state.numberRank()) return state.getNumber(count, i0, i1);
    return state.anyElement(
      false,
      count,
      i0,
      i1,
      i2,
      i3,
      undefined,
      // biome-ignore lint/complexity/noArguments: only a rank above 4 copies the arguments into an array
      count > 4 ? Array.prototype.slice.call(arguments) : null,
    ) as StructValue;
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
    const state = #state in this ? this.#state : unmadeViewState();
    // biome-ignore lint/complexity/noArguments: an arity without a rest array keeps set small enough to inline
    const count = arguments.length;
    if (count === 2 && state.isRank1()) state.set1(a, b);
    // biome-ignore lint/complexity/noArguments: only a rank above 4 copies the arguments into an array
    else state.anyElement(true, count - 1, a, b, c, d, e, count > 5 ? Array.prototype.slice.call(arguments) : null);
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
    return toBytes(this as unknown as MemoryView, order);
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
    prepareAccess(this);
    return toList(this as unknown as MemoryView);
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
    prepareAccess(this);
    return toTypedArray(this as unknown as MemoryView);
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
    prepareAccess(this);
    itemCodecOf(this);
    assertWritable(this);
    fillView(this as unknown as MemoryView, value);
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
  [Symbol.iterator](): Iterator<StructValue | MemoryView> {
    return iterateView(this as unknown as MemoryView);
  }
}
