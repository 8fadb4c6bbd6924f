/**
 * What the rest of core may ask of a view's state: its layout, its managed
 * buffer, its lifetime, its fast path and its codec. Small functions V8
 * inlines, so asking costs what reading a field did.
 *
 * @packageDocumentation
 */

import { NotImplementedError, ValueError } from "../../errors.js";
import { type ItemCodec, itemCodec, type StructValue } from "../../codec/index.js";
import { type RecordItemCodec, recordItemCodec, type ResolvedRecordOptions } from "../../records/index.js";
import { byteExtent } from "../../protocol/index.js";
import { type ManagedBuffer, RELEASED_VIEW_MESSAGE } from "../managed-buffer.js";
import { type AnyTypedArray, ELEM_ARRAYS, elemStrides, readElement } from "../native-access.js";
import { packError } from "../pack-error.js";
import type { ViewCore } from "../view-core.js";
import type { ViewLayout } from "../view-layout.js";
import { stateOf, UNRESOLVED_STRIDES, type ViewState } from "./record.js";

/**
 * A view's layout (its arrays belong to the view: never change them).
 *
 * @example
 * ```ts
 * layoutOf(MemoryView.from(new Uint8Array(3))).shape; // returns [3]
 * ```
 */
export function layoutOf(view: ViewCore): ViewLayout {
  return stateOf(view).layout;
}

/**
 * The managed buffer a view shares with every view derived from the same export.
 *
 * @example
 * ```ts
 * mbufOf(MemoryView.from(new Uint8Array(3))).views; // returns 1
 * ```
 */
export function mbufOf(view: ViewCore): ManagedBuffer {
  return stateOf(view).mbuf;
}

/**
 * Whether `release()` has been called on the view.
 *
 * @example
 * ```ts
 * isReleased(MemoryView.from(new Uint8Array(1))); // returns false
 * ```
 */
export function isReleased(view: ViewCore): boolean {
  return stateOf(view).released;
}

/**
 * CPython's `CHECK_RELEASED`, also covering memory that went away (detached
 * or shrunk below the export; a replaced `WebAssembly.Memory` buffer is
 * re-resolved on the way).
 *
 * @throws ValueError "operation forbidden on released memoryview object", or
 *   the protocol's detached/resized message
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(2));
 * view.release();
 * assertLive(view); // throws ValueError
 * ```
 */
export function assertLive(view: ViewCore): void {
  const state = stateOf(view);
  if (state.released) throw new ValueError(RELEASED_VIEW_MESSAGE);
  state.mbuf.assertAccessible();
}

/**
 * The number of live exports of the view.
 *
 * @example
 * ```ts
 * exportCount(MemoryView.from(new Uint8Array(1))); // returns 0
 * ```
 */
export function exportCount(view: ViewCore): number {
  return stateOf(view).exports;
}

/**
 * Counts one more (`delta` 1) or one fewer (`delta` -1, never below zero) live export.
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(1));
 * countExport(view, 1);
 * view.exports; // returns 1
 * ```
 */
export function countExport(view: ViewCore, delta: 1 | -1): void {
  const state = stateOf(view);
  if (delta > 0) state.exports++;
  else if (state.exports > 0) state.exports--;
}

/**
 * Marks the view released (the caller has checked its exports) and drops its fast path.
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(1));
 * markReleased(view);
 * isReleased(view); // returns true
 * ```
 */
export function markReleased(view: ViewCore): void {
  const state = stateOf(view);
  state.released = true;
  state.ta = null;
}

/**
 * The record options a view reads its items with (null for the defaults).
 *
 * @example
 * ```ts
 * recordsOf(MemoryView.from(new Uint8Array(1))); // returns null
 * ```
 */
export function recordsOf(view: ViewCore): ResolvedRecordOptions | null {
  return stateOf(view).records;
}

/**
 * Gives a view just made the record options it reads its items with (a view
 * derived from another keeps the other's).
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(1));
 * setRecords(view, null);
 * recordsOf(view); // returns null
 * ```
 */
export function setRecords(view: ViewCore, records: ResolvedRecordOptions | null): void {
  const state = stateOf(view);
  state.records = records;
  state.codec = null;
}

/**
 * The [start, end) bytes of the memory the items occupy (without pointers).
 *
 * @example
 * ```ts
 * byteExtentOf(MemoryView.from(new Uint16Array(4)).slice([1, 3])); // returns [2, 6]
 * ```
 */
export function byteExtentOf(view: ViewCore): [number, number] {
  const l = stateOf(view).layout;
  return byteExtent(l.shape, l.byteStrides, l.byteOffset, l.itemsize);
}

// ------------------------------------------------------------ fast path --

/**
 * Works out the fast path of the layout (once) and takes its TypedArray over the current memory.
 *
 * @example
 * ```ts
 * const state = stateOf(MemoryView.from(new Float64Array(2)));
 * attachFastPath(state);
 * state.ta instanceof Float64Array; // returns true
 * ```
 */
export function attachFastPath(state: ViewState): void {
  const mbuf = state.mbuf;
  state.generation = mbuf.generation;
  state.ta = state.kind < 0 || state.released ? null : mbuf.typedArray(ELEM_ARRAYS[state.kind]!);
}

/**
 * The element strides of the view's dimensions (worked out at the first N-D access).
 *
 * @example
 * ```ts
 * elemStridesOf(stateOf(MemoryView.from(new Float64Array(6)).reshape([2, 3]))); // returns [3, 1]
 * ```
 */
export function elemStridesOf(state: ViewState): number[] {
  let strides = state.elemStrides;
  if (strides === UNRESOLVED_STRIDES) {
    strides = elemStrides(state.layout.byteStrides, ELEM_ARRAYS[state.kind]!.BYTES_PER_ELEMENT);
    state.elemStrides = strides;
  }
  return strides;
}

/**
 * Prepares element access: the guards, then the fast path over the current
 * memory.
 *
 * @throws ValueError on a released view or memory that went away
 * @example
 * ```ts
 * prepareAccess(MemoryView.from(new Uint8Array(1))); // returns undefined
 * ```
 */
export function prepareAccess(view: ViewCore): void {
  const state = stateOf(view);
  if (state.released) throw new ValueError(RELEASED_VIEW_MESSAGE);
  state.mbuf.assertAccessible();
  if (state.generation !== state.mbuf.generation || state.ta === null) attachFastPath(state);
}

/**
 * The fast path of a view after {@link prepareAccess}: its TypedArray
 * (over bytes [0, …) of the memory, so element `byte / BYTES_PER_ELEMENT`
 * is the item at `byte`) and its {@link ElemKind}; null when the view has none.
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Float64Array(2));
 * prepareAccess(view);
 * fastArrayOf(view) instanceof Float64Array; // returns true
 * ```
 */
export function fastArrayOf(view: ViewCore): AnyTypedArray | null {
  return stateOf(view).ta;
}

/**
 * The {@link ElemKind} of a view's fast path (meaningful when {@link fastArrayOf} is not null).
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Float64Array(2));
 * prepareAccess(view);
 * fastKindOf(view); // returns 0
 * ```
 */
export function fastKindOf(view: ViewCore): number {
  return stateOf(view).kind;
}

/**
 * The struct codec of the state's format, cached in the record.
 *
 * @example
 * ```ts
 * codecOf(stateOf(MemoryView.from(new Int32Array(1)))).itemsize; // returns 4
 * ```
 */
export function codecOf(state: ViewState): ItemCodec {
  let codec = state.codec;
  if (codec === null) {
    const format = state.layout.format;
    try {
      codec = state.records === null ? itemCodec(format) : recordItemCodec(format, state.records);
    } catch (error) {
      throw new NotImplementedError(`memoryview: unsupported format ${format}`, { cause: error });
    }
    state.codec = codec;
  }
  return codec;
}

/**
 * The struct codec of the view's format.
 *
 * @throws NotImplementedError "memoryview: unsupported format …" when struct cannot read it
 * @example
 * ```ts
 * itemCodecOf(MemoryView.from(new Int16Array(1))).itemsize; // returns 2
 * ```
 */
export function itemCodecOf(view: ViewCore): ItemCodec {
  return codecOf(stateOf(view));
}

/**
 * The item at byte `positionByte` (after the fast path was taken, or without one).
 *
 * @example
 * ```ts
 * readAt(stateOf(MemoryView.from(Uint8Array.of(4, 5))), 1); // returns 5
 * ```
 */
export function readAt(state: ViewState, positionByte: number): StructValue {
  const ta = state.ta;
  if (ta !== null) {
    const value = readElement(ta, state.kind, positionByte / ta.BYTES_PER_ELEMENT);
    if (value !== undefined) return value;
  }
  return codecOf(state).read(state.mbuf.dv, positionByte);
}

/**
 * The item at byte `positionByte` of the memory (after {@link prepareAccess}).
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Int16Array([5, -6]));
 * prepareAccess(view);
 * readItemAt(view, 2); // returns -6
 * ```
 */
export function readItemAt(view: ViewCore, positionByte: number): StructValue {
  return readAt(stateOf(view), positionByte);
}

/**
 * Packs `value` as one item of the view, aside (memoryview's errors), so a
 * refused value leaves the memory as it was whatever the codec does on
 * failure. The codec may run user code (a getter, a Proxy trap); the caller
 * re-checks the view with {@link assertLiveAfterUserCode} before storing.
 *
 * @example
 * ```ts
 * packItem(stateOf(MemoryView.from(new Uint8Array(1))), 7); // returns Uint8Array.of(7)
 * ```
 */
export function packItem(state: ViewState, value: unknown): Uint8Array {
  let codec = codecOf(state);
  if (state.records !== null) {
    // A record's own refusals (a missing field, text the encoding cannot
    // hold) are not packing errors: they keep their names and messages.
    value = (codec as RecordItemCodec).toPlain(value);
    codec = (codec as RecordItemCodec).plain;
  }
  const item = new Uint8Array(state.layout.itemsize);
  try {
    codec.write(new DataView(item.buffer), 0, value);
  } catch (error) {
    throw packError(state.layout.format, error);
  }
  return item;
}

/**
 * The check after user code ran in the middle of an operation (CPython's
 * `CHECK_RELEASED_AGAIN`): the view is still unreleased and its memory still
 * there (a grown `WebAssembly.Memory` re-resolved). Two compares when
 * nothing changed.
 *
 * @throws ValueError "operation forbidden on released memoryview object", or
 *   the detached/resized message
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(1));
 * view.release();
 * assertLiveAfterUserCode(stateOf(view)); // throws ValueError
 * ```
 */
export function assertLiveAfterUserCode(state: ViewState): void {
  if (state.released) throw new ValueError(RELEASED_VIEW_MESSAGE);
  state.mbuf.assertAccessible();
}

/**
 * Writes the item at byte `positionByte`, with memoryview's errors: packed
 * aside first ({@link packItem}), then the view checked again (the codec may
 * have run user code that released it or took its memory away), then
 * stored. `position` gives the byte position again where the memory holds
 * pointers, which that user code may have changed.
 *
 * @example
 * ```ts
 * const a = new Uint8Array(2);
 * writeAt(stateOf(MemoryView.from(a)), 1, 7);
 * a[1]; // returns 7
 * ```
 */
export function writeAt(state: ViewState, positionByte: number, value: unknown, position?: () => number): void {
  const item = packItem(state, value);
  assertLiveAfterUserCode(state);
  if (state.mbuf.indirect && position !== undefined) positionByte = position();
  state.mbuf.u8.set(item, positionByte);
}
