/**
 * `get` and `set` of one item: the number paths the façade takes for the
 * common cases (`get(i)` and `set(i, v)` of a 1-D view, `get(r, c)` of a 2-D
 * one, whose items are numbers read through the view's TypedArray), and
 * the installation of the general paths of `element-general.ts`.
 *
 * The number paths are small so that V8 inlines them, with the façade's
 * `get` or `set`, into the caller's loop: there they return unboxed
 * doubles, and a loop over one view folds the record's fields into
 * constants. Anything they do not handle goes to the general path, which
 * is never inlined (see `element-general.ts`), so the inlining budget of a
 * call site stays theirs whatever else the program reads.
 *
 * @packageDocumentation
 */

import type { AnyTypedArray } from "../native-access.js";
import { storeNumber } from "../number-access.js";
import type { StructValue } from "../../codec/index.js";
import { anyElement } from "./element-general.js";
import { ViewState } from "./record.js";

/**
 * The view's number-path rank: 1 or 2 when `get(i)` or `get(r, c)` may take
 * {@link getNumber}, else -1.
 *
 * @example
 * ```ts
 * const mbuf = ManagedBuffer.fromObject(new Float64Array(2), BufferFlags.FULL_RO);
 * new ViewState(mbuf, makeLayout(0, [2], [8], null, "d", 8, true)).numberRank(); // returns 1
 * ```
 */
function numberRank(this: ViewState): number {
  return this.fastRank;
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
 * `get(i0)` of a 1-D view, or `get(i0, i1)` of a 2-D one (`count` says
 * which), whose items are numbers.
 *
 * @example
 * ```ts
 * MemoryView.from(new Float64Array([1, 2])).get(-1); // returns 2
 * ```
 * @example
 * ```ts
 * MemoryView.from(new Float64Array([1, 2, 3, 4])).reshape([2, 2]).get(1, -1); // returns 4
 * ```
 */
function getNumber(this: ViewState, count: number, i0: unknown, i1: unknown): number {
  const ta = this.ta;
  if (ta !== null && typeof i0 === "number") {
    const index = i0 < 0 ? i0 + this.shape0 : i0;
    if (index >>> 0 === index && index < this.shape0) {
      let elem = this.elemOffset + index * this.elemStride0;
      // Where V8 inlines this into get, `count` is a constant and this block goes when it is 1.
      if (count === 2) {
        const column = typeof i1 !== "number" ? -1 : i1 < 0 ? i1 + this.shape1 : i1;
        elem = column >>> 0 === column && column < this.shape1 ? elem + column * this.elemStride1 : -1;
      }
      if (elem >= 0) {
        // One TypedArray access per element type, so that no access site
        // sees more than one kind of array. Each case returns its own load:
        // a shared variable (or helper) would merge the `undefined` of
        // memory that went away with the doubles, and V8 would box every
        // one of them. Only kinds whose values are numbers come here
        // (fastRank): were a bigint or a boolean returned from this inlined
        // code, V8 could no longer keep the result an unboxed double either.
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
  }
  // The view's items are numbers, so the general path returns one too;
  // the unary plus tells V8 so, and it keeps the result an unboxed double.
  return +(this.anyElement(false, count, i0, i1, undefined, undefined, undefined, null) as number);
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
  if (ta !== null && this.writable && typeof i0 === "number" && typeof value === "number" && this.kind <= 7) {
    const index = i0 < 0 ? i0 + this.shape0 : i0;
    if (index >>> 0 === index && index < this.shape0) {
      // storeNumber refuses an element past the end of a detached or shrunk memory.
      if (this.storeNumber(ta, this.kind, this.elemOffset + index * this.elemStride0, value)) return;
    }
  }
  this.anyElement(true, 1, i0, value, undefined, undefined, undefined, null);
}

declare module "./record.js" {
  interface ViewState {
    /** 1 or 2 when `get(i)` or `get(r, c)` may take the number path, else -1. */
    numberRank(): number;
    /** Whether the view has one dimension. */
    isRank1(): boolean;
    /** `get(i0)` of a 1-D view or `get(i0, i1)` of a 2-D one (`count`), whose items are numbers. */
    getNumber(count: number, i0: unknown, i1: unknown): number;
    /** `get` (`write` false) or `set` with `count` indices (then the value): any rank, any format. */
    anyElement(
      write: boolean,
      count: number,
      a: unknown,
      b: unknown,
      c: unknown,
      d: unknown,
      e: unknown,
      all: unknown[] | null,
    ): StructValue | undefined;
    /** `set(i0, value)` of a 1-D view. */
    set1(i0: unknown, value: unknown): void;
    /** {@link storeNumber}, as a method (see {@link installElementAccess}). */
    storeNumber(ta: AnyTypedArray, kind: number, elem: number, value: number): boolean;
  }
}

/**
 * Gives every view state its element methods. Methods, not imported
 * functions: V8 checks an imported binding on every use in a loop (it could
 * still be uninitialised), and a module loader that does not bundle (vitest's,
 * Vite's) reads it as a property of a namespace object, where a method of a
 * constant record folds away.
 * Called once, by the façade's class.
 *
 * @example
 * ```ts
 * installElementAccess();
 * typeof ViewState.prototype.getNumber; // returns "function"
 * ```
 */
export function installElementAccess(): void {
  const proto = ViewState.prototype;
  proto.numberRank = numberRank;
  proto.isRank1 = isRank1;
  proto.getNumber = getNumber;
  proto.anyElement = anyElement;
  proto.set1 = set1;
  proto.storeNumber = storeNumber;
}
