/**
 * Stores of the element kinds whose items are numbers (`ElemKind` 0 to 7:
 * `d f i I h H b B` and their native aliases), for the number fast path of
 * `set` and for `writeElement`. Each kind has its own access sites (the
 * bounds check included), so that no site sees more than one kind of
 * TypedArray: V8 makes a site that sees many kinds polymorphic or
 * megamorphic, and a loop of stores many times slower.
 *
 * @packageDocumentation
 */

import type { AnyTypedArray } from "./native-access.js";

/**
 * Stores `value` into element `elem` of `ta`, an array of number kind
 * `kind` (0 to 7), when the fast path may store it as it is: any number for
 * `f` and `d` (native `f` rounds as C's cast does, as struct's `np_float`),
 * an integer in the kind's range for the others. Returns false, having
 * written nothing, for anything else, which then takes the codec's path and
 * its errors, and when `elem` is past the end of `ta` (memory detached or
 * shrunk under the view: the general path says why).
 *
 * @param ta - the TypedArray of the kind
 * @param kind - an `ElemKind` from 0 to 7
 * @param elem - the element index (not negative)
 * @param value - the number to store
 * @returns whether the value was stored
 *
 * @example
 * ```ts
 * const ta = new Uint8Array(1);
 * [storeNumber(ta, 7, 0, 200), storeNumber(ta, 7, 0, 256), storeNumber(ta, 7, 0, 0.5), ta[0]]; // returns [true, false, false, 200]
 * ```
 */
export function storeNumber(ta: AnyTypedArray, kind: number, elem: number, value: number): boolean {
  switch (kind) {
    case 0: // ElemKind.F64
      if (elem >= (ta as Float64Array).length) return false;
      (ta as Float64Array)[elem] = value;
      return true;
    case 1: // ElemKind.F32
      if (elem >= (ta as Float32Array).length) return false;
      (ta as Float32Array)[elem] = value;
      return true;
    case 2: // ElemKind.I32
      if ((value | 0) !== value) return false;
      if (elem >= (ta as Int32Array).length) return false;
      (ta as Int32Array)[elem] = value;
      return true;
    case 3: // ElemKind.U32
      if (value >>> 0 !== value) return false;
      if (elem >= (ta as Uint32Array).length) return false;
      (ta as Uint32Array)[elem] = value;
      return true;
    case 4: // ElemKind.I16
      if ((value | 0) !== value || value < -32768 || value > 32767) return false;
      if (elem >= (ta as Int16Array).length) return false;
      (ta as Int16Array)[elem] = value;
      return true;
    case 5: // ElemKind.U16
      if ((value | 0) !== value || value < 0 || value > 65535) return false;
      if (elem >= (ta as Uint16Array).length) return false;
      (ta as Uint16Array)[elem] = value;
      return true;
    case 6: // ElemKind.I8
      // Returning false for a value in range only sends it through the codec, which stores the same byte; so
      // a bound of +128 cannot be observed.
      if ((value | 0) !== value || value < -128 || value > 127) return false;
      if (elem >= (ta as Int8Array).length) return false;
      (ta as Int8Array)[elem] = value;
      // Reporting false after the store sends the value through the codec too, which stores the same byte again.
      return true;
    case 7: // ElemKind.U8
      if ((value | 0) !== value || value < 0 || value > 255) return false;
      if (elem >= (ta as Uint8Array).length) return false;
      (ta as Uint8Array)[elem] = value;
      return true;
    default:
      return false;
  }
}
