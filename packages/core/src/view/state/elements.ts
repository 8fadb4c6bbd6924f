/**
 * `get` and `set` of one item: the fast paths over the view's TypedArray
 * (element offsets and strides worked out once, one access site per
 * element type) and the general path through the struct codec.
 *
 * @packageDocumentation
 */

import type { StructValue } from "../../codec/index.js";
import { ValueError } from "../../errors.js";
import { RELEASED_VIEW_MESSAGE } from "../managed-buffer.js";
import { readElement, writeElement } from "../native-access.js";
import { itemByteOffset, type Index } from "../subscript.js";
import { attachFastPath, codecOf, elemStridesOf, readAt, writeAt } from "./access.js";
import { ViewState } from "./record.js";

/** The first `count` of the arguments, as a list (for the slow paths). */
function indexList(count: number, a: unknown, b: unknown, c: unknown, d: unknown, e?: unknown): unknown[] {
  const all = [a, b, c, d, e];
  all.length = count;
  return all;
}

/**
 * Whether `get(i)` of the view may take {@link get1} (known after the first element access).
 *
 * @example
 * ```ts
 * const mbuf = ManagedBuffer.fromObject(new Float64Array(2), BufferFlags.FULL_RO);
 * new ViewState(mbuf, makeLayout(0, [2], [8], null, "d", 8, true)).isNumeric1(); // returns true
 * ```
 */
function isNumeric1(this: ViewState): boolean {
  return this.numeric1;
}

/**
 * Whether the view has one dimension.
 *
 * @example
 * ```ts
 * const mbuf = ManagedBuffer.fromObject(new Float64Array(2), BufferFlags.FULL_RO);
 * new ViewState(mbuf, makeLayout(0, [2], [8], null, "d", 8, true)).isRank1(); // returns true
 * ```
 */
function isRank1(this: ViewState): boolean {
  return this.layout.ndim === 1;
}

/**
 * `get(i0)` of a 1-D view whose items are numbers.
 *
 * @example
 * ```ts
 * MemoryView.from(new Float64Array([1, 2])).get(-1); // returns 2
 * ```
 */
function get1(this: ViewState, i0: unknown): number {
  const ta = this.ta;
  if (ta !== null && typeof i0 === "number") {
    const index = i0 < 0 ? i0 + this.shape0 : i0;
    if (index >>> 0 === index && index < this.shape0) {
      const elem = this.elemOffset + index * this.elemStride0;
      // One TypedArray access per element type, so that no access site
      // sees more than one kind of array (V8 makes a site that sees many
      // kinds megamorphic, and many times slower). Only kinds whose values
      // are numbers come here (numeric1): were a bigint, boolean or byte
      // string returned from this inlined code, V8 could no longer keep
      // the result an unboxed double and would allocate one per read.
      // Each case returns its own load: a shared variable would merge an
      // `undefined` with the doubles and box every one of them.
      switch (this.kind) {
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
  return +(this.getN(1, i0, undefined, undefined, undefined, null) as number);
}

/**
 * `get` with any number of indices: the N-D fast path, then the general
 * path. Deliberately one large function (over V8's inlining limit): were it
 * inlined into `get`, `get` would grow too big to be inlined into the
 * caller's loop, and every 1-D read would pay for a call and a boxed number.
 *
 * @example
 * ```ts
 * MemoryView.from(new Uint8Array([1, 2, 3, 4])).reshape([2, 2]).get(1, 0); // returns 3
 * ```
 */
function getN(
  this: ViewState,
  count: number,
  i0: unknown,
  i1: unknown,
  i2: unknown,
  i3: unknown,
  all: Index[] | null,
): StructValue {
  const ta = this.ta;
  if (ta !== null && count === this.layout.ndim && count <= 4) {
    const elem = elemIndex(this, count, i0, i1, i2, i3);
    if (elem >= 0) {
      let value: StructValue | undefined;
      switch (this.kind) {
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
          value = readElement(ta, this.kind, elem);
      }
      if (value !== undefined) return value;
    }
  }
  // The general path: every check, every format.
  const indices = all ?? (indexList(count, i0, i1, i2, i3) as Index[]);
  if (this.released) throw new ValueError(RELEASED_VIEW_MESSAGE);
  this.mbuf.assertAccessible();
  if (this.generation !== this.mbuf.generation || this.ta === null) attachFastPath(this);
  if (this.ta === null) codecOf(this);
  const positionByte = itemByteOffset(this.mbuf, this.layout, indices, 0, indices.length);
  return readAt(this, positionByte);
}

/** The element index of full indices in the fast path, or -1 when one fails its checks. */
function elemIndex(state: ViewState, count: number, i0: unknown, i1: unknown, i2: unknown, i3: unknown): number {
  const shape = state.layout.shape;
  const strides = elemStridesOf(state);
  let elem = state.elemOffset;
  for (let dim = 0; dim < count; dim++) {
    const given = dim === 0 ? i0 : dim === 1 ? i1 : dim === 2 ? i2 : i3;
    if (typeof given !== "number") return -1;
    const length = shape[dim]!;
    const index = given < 0 ? given + length : given;
    if (!(index >>> 0 === index && index < length)) return -1;
    elem += index * strides[dim]!;
  }
  return elem;
}

/**
 * `set(i0, value)` of a 1-D view.
 *
 * @example
 * ```ts
 * const a = new Int8Array(2);
 * MemoryView.from(a).set(-1, -5);
 * a[1]; // returns -5
 * ```
 */
function set1(this: ViewState, i0: unknown, value: unknown): void {
  const ta = this.ta;
  if (ta !== null && this.writable && typeof i0 === "number") {
    const index = i0 < 0 ? i0 + this.shape0 : i0;
    if (index >>> 0 === index && index < this.shape0) {
      const elem = this.elemOffset + index * this.elemStride0;
      // A detached or shrunk memory leaves the array short: never write past it.
      if (elem < ta.length && writeElement(ta, this.kind, elem, value)) return;
    }
  }
  setSlow(this, [i0, value]);
}

/**
 * `set` with `count` indices then the value (any rank).
 *
 * @example
 * ```ts
 * const a = new Uint8Array(4);
 * MemoryView.from(a).reshape([2, 2]).set(1, 0, 9);
 * a[2]; // returns 9
 * ```
 */
function setN(
  this: ViewState,
  count: number,
  a: unknown,
  b: unknown,
  c: unknown,
  d: unknown,
  e: unknown,
  all: unknown[] | null,
): void {
  const ta = this.ta;
  if (ta !== null && this.writable && count === this.layout.ndim && count <= 4) {
    const value = count === 0 ? a : count === 1 ? b : count === 2 ? c : count === 3 ? d : e;
    const elem = elemIndex(this, count, a, b, c, d);
    if (elem >= 0 && elem < ta.length && writeElement(ta, this.kind, elem, value)) return;
  }
  setSlow(this, all ?? indexList(count + 1, a, b, c, d, e));
}

/** The general path of `set`: every check, every format. */
function setSlow(state: ViewState, args: readonly unknown[]): void {
  if (args.length === 0) throw new TypeError("set() needs the indices and a value");
  if (state.released) throw new ValueError(RELEASED_VIEW_MESSAGE);
  state.mbuf.assertAccessible();
  if (state.generation !== state.mbuf.generation || state.ta === null) attachFastPath(state);
  codecOf(state);
  if (state.layout.readonly) throw new TypeError("cannot modify read-only memory");
  const count = args.length - 1;
  const positionByte = itemByteOffset(state.mbuf, state.layout, args, 0, count);
  // The indices are numbers and bigints (no user code); the value may run
  // some, so writeAt checks the view again before it stores.
  writeAt(state, positionByte, args[count], () => itemByteOffset(state.mbuf, state.layout, args, 0, count));
}

declare module "./record.js" {
  interface ViewState {
    /** Whether `get(i)` may take {@link ViewState.get1}. */
    isNumeric1(): boolean;
    /** Whether the view has one dimension. */
    isRank1(): boolean;
    /** `get(i0)` of a 1-D view whose items are numbers. */
    get1(i0: unknown): number;
    /** `get` with `count` indices. */
    getN(count: number, i0: unknown, i1: unknown, i2: unknown, i3: unknown, all: Index[] | null): StructValue;
    /** `set(i0, value)` of a 1-D view. */
    set1(i0: unknown, value: unknown): void;
    /** `set` with `count` indices then the value. */
    setN(count: number, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, all: unknown[] | null): void;
  }
}

/**
 * Gives every view state its element methods. Methods, not imported
 * functions: V8 checks an imported binding on every use in a loop (it could
 * still be uninitialised), where a method of a constant record folds away.
 * Called once, by the façade's class.
 *
 * @example
 * ```ts
 * installElementAccess();
 * typeof ViewState.prototype.get1; // returns "function"
 * ```
 */
export function installElementAccess(): void {
  const proto = ViewState.prototype;
  proto.isNumeric1 = isNumeric1;
  proto.isRank1 = isRank1;
  proto.get1 = get1;
  proto.getN = getN;
  proto.set1 = set1;
  proto.setN = setN;
}
