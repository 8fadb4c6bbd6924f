/**
 * The state behind every {@link MemoryView}: which export it shares, its
 * layout, its lifetime (released, live exports) and its fast path (the
 * TypedArray and element units its items are read through). The
 * `MemoryView` class is a façade over one such record; the modules of this
 * directory (`view/state/`) are the only ones that touch the record's
 * fields. The rest of core asks through `access.ts`.
 *
 * A record is small and fixed: making a view computes nothing that can
 * wait. Its fast path's facts come from the format's cached facts; its
 * TypedArray is the one its managed buffer has at hand (the exporter
 * itself, or the last one taken), else it is taken on the first element
 * access, so a view that is only sliced, cast or passed along never makes one.
 *
 * @packageDocumentation
 */

import type { ItemCodec } from "../../codec/index.js";
import type { ResolvedRecordOptions } from "../../records/index.js";
import { BufferFlags } from "../../protocol/index.js";
import { ManagedBuffer } from "../managed-buffer.js";
import { type AnyTypedArray, ELEM_ARRAYS, fastKind } from "../native-access.js";
import type { ViewCore } from "../view-core.js";
import type { ViewLayout } from "../view-layout.js";

/**
 * The element strides of views without a fast path, and of 0-d views (indexed zero times): never read.
 *
 * @example
 * ```ts
 * NO_STRIDES.length; // returns 0
 * ```
 */
export const NO_STRIDES: number[] = [];

/**
 * `elemStrides` of an N-D view before the first N-D element access: not worked out yet.
 *
 * @example
 * ```ts
 * UNRESOLVED_STRIDES.length; // returns 0
 * ```
 */
export const UNRESOLVED_STRIDES: number[] = [];

/**
 * One view's state. Only the modules of `view/state/` read or write its
 * fields: the rest of core goes through `access.ts`, and nothing outside core sees it.
 * Every field is set in the constructor, in one order, so that all records
 * share one hidden class (the element paths stay monomorphic however many
 * formats and ranks a program views).
 *
 * @example
 * ```ts
 * const mbuf = ManagedBuffer.fromObject(new Uint8Array(2), BufferFlags.FULL_RO);
 * new ViewState(mbuf, makeLayout(0, [2], [1], null, "B", 1, true)).exports; // returns 0
 * ```
 */
export class ViewState {
  /** The shared export. */
  declare readonly mbuf: ManagedBuffer;
  /** The view's layout (never changes). */
  declare readonly layout: ViewLayout;
  /** Live exports of this view (GET_BUFFER without RELEASE_BUFFER). */
  declare exports: number;
  /** Set by release(). */
  declare released: boolean;
  /** The fast path's TypedArray over the current memory, or null (none, not yet taken, or released). */
  declare ta: AnyTypedArray | null;
  /** The managed buffer's generation `ta` was taken for. */
  declare generation: number;
  /** The fast path's {@link ElemKind}; -1 for none. */
  declare kind: number;
  /** Element index in `ta` of item [0, …, 0]. */
  declare elemOffset: number;
  /** Element stride of dimension 0 in `ta`. */
  declare elemStride0: number;
  /** Element stride of dimension 1 in `ta` (0 below two dimensions). */
  declare elemStride1: number;
  /** Element strides in `ta` (empty without a fast path; UNRESOLVED_STRIDES until an N-D access). */
  declare elemStrides: number[];
  /** `layout.shape[0]`, or 0 for a 0-d view. */
  declare shape0: number;
  /** `layout.shape[1]`, or 0 below two dimensions. */
  declare shape1: number;
  /**
   * 1 or 2 for a view of that many dimensions with a fast path whose items
   * are numbers (`get(i)` or `get(r, c)` then takes the number path), else -1.
   */
  declare fastRank: number;
  /** Whether the fast path may write (a writable view whose format allows raw stores). */
  declare writable: boolean;
  /** The record options items are read with (SPEC §2.1); null for the defaults. Views derived from this one keep them. */
  declare records: ResolvedRecordOptions | null;
  /** The struct codec of the format, once needed. */
  declare codec: ItemCodec | null;

  /**
   * @param mbuf - the shared export
   * @param layout - the view's layout, inside the export
   */
  constructor(mbuf: ManagedBuffer, layout: ViewLayout) {
    this.mbuf = mbuf;
    this.layout = layout;
    this.exports = 0;
    this.released = false;
    // The fast path's array when the managed buffer has it at hand (the
    // exporter itself, or the array its last view took): no first access
    // then goes the general way to take it.
    const fast = fastKind(layout);
    const ta = fast === null ? null : mbuf.typedArrayAtHand(ELEM_ARRAYS[fast.elemKind]!);
    this.ta = ta;
    this.generation = ta === null ? -1 : mbuf.generation;
    // The fast path's facts are worked out here, each field written once:
    // V8 then treats them as constants of a view it sees as one (a loop over
    // one view folds the checks of get(i) away and keeps its doubles
    // unboxed). Cheap: the format's facts are cached, nothing is allocated.
    const ndim = layout.ndim;
    this.kind = fast === null ? -1 : fast.elemKind;
    this.elemOffset = fast === null ? 0 : layout.byteOffset / fast.size;
    this.elemStride0 = fast === null || ndim === 0 ? 0 : layout.byteStrides[0]! / fast.size;
    this.elemStride1 = fast === null || ndim < 2 ? 0 : layout.byteStrides[1]! / fast.size;
    // The element strides of every dimension (an array) only when an N-D access asks.
    this.elemStrides = ndim <= 1 || fast === null ? NO_STRIDES : UNRESOLVED_STRIDES;
    this.shape0 = ndim === 0 ? 0 : layout.shape[0]!;
    this.shape1 = ndim < 2 ? 0 : layout.shape[1]!;
    this.fastRank = fast !== null && fast.elemKind <= 7 && (ndim === 1 || ndim === 2) ? ndim : -1;
    this.writable = fast?.fastWrites === true && !layout.readonly;
    this.records = null;
    this.codec = null;
  }
}

let unmade: ViewState | null = null;

/**
 * The state of an object that has MemoryView's prototype but was not made
 * by `MemoryView.from` or a derivation (`Object.create(MemoryView.prototype)`):
 * it views no memory, so it behaves as a released view does (CPython's
 * `CHECK_RELEASED`: "operation forbidden on released memoryview object")
 * instead of letting the engine's own error about a missing private field out.
 *
 * @example
 * ```ts
 * unmadeViewState().released; // returns true
 * ```
 */
export function unmadeViewState(): ViewState {
  if (unmade === null) {
    const mbuf = ManagedBuffer.fromObject(new ArrayBuffer(0), BufferFlags.FULL_RO);
    unmade = new ViewState(mbuf, mbuf.rootLayout());
    unmade.released = true;
  }
  return unmade;
}

// How the state modules reach a view's record: the façade hands over a
// reader of its private field when its class is defined.
let reader: (view: ViewCore) => ViewState = () => {
  throw new TypeError("MemoryView is not initialised");
};

/**
 * Called once by the `MemoryView` class with the function that reads its
 * private state field; no other module can read it.
 *
 * @param read - the reader
 * @example
 * ```ts
 * typeof bindViewStates; // returns "function"
 * ```
 */
export function bindViewStates(read: (view: ViewCore) => ViewState): void {
  reader = read;
}

/**
 * The state record of a view: for the modules of this directory only (the
 * rest of core uses the accessors of `access.ts`).
 *
 * @example
 * ```ts
 * stateOf(MemoryView.from(new Uint8Array(2))) instanceof ViewState; // returns true
 * ```
 */
export function stateOf(view: ViewCore): ViewState {
  return reader(view);
}
