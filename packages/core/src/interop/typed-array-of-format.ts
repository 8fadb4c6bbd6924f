/**
 * The TypedArray that holds a struct format's items: the bridge between the
 * protocol (formats, bytes) and libraries that index one TypedArray
 * (scijs ndarray, @stdlib/ndarray). Only one native-order number per item
 * maps; anything else has no TypedArray, and is refused with `ValueError`,
 * as NumPy refuses a buffer format it has no dtype for.
 *
 * @packageDocumentation
 */

import { ValueError, formatItemsize } from "../index.js";

/**
 * A constructor of a numeric TypedArray.
 *
 * @example
 * ```ts
 * const ctor: TypedArrayConstructor = typedArrayOfFormat("H");
 * ctor.name; // returns "Uint16Array"
 * ```
 */
export type TypedArrayConstructor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
// One number: an optional byte-order character and one integer or float code.
const SCALAR = /^([@=<>!]?)([bBhHiIlLqQnNefd])$/;
const FLOAT16 = (globalThis as { Float16Array?: TypedArrayConstructor }).Float16Array;

function ofKind(code: string, size: number): TypedArrayConstructor | undefined {
  if ("efd".includes(code)) return size === 8 ? Float64Array : size === 4 ? Float32Array : FLOAT16;
  const signed = code === code.toLowerCase();
  switch (size) {
    case 1:
      return signed ? Int8Array : Uint8Array;
    case 2:
      return signed ? Int16Array : Uint16Array;
    case 4:
      return signed ? Int32Array : Uint32Array;
    case 8:
      return signed ? BigInt64Array : BigUint64Array;
    default:
      return undefined;
  }
}

/**
 * The TypedArray constructor whose elements are the items of `format` (null
 * means `"B"`, as in a BufferInfo).
 *
 * @param format - a struct format
 * @returns the constructor
 * @throws ValueError for a non-native byte order, or a format that is not one number
 *
 * @example
 * ```ts
 * typedArrayOfFormat("<d") === Float64Array; // returns true
 * typedArrayOfFormat("=l") === Int32Array; // returns true
 * typedArrayOfFormat(">h"); // throws ValueError "no TypedArray holds items of format '>h' (not the host's byte order)"
 * typedArrayOfFormat("T{i:x:}"); // throws ValueError
 * ```
 */
export function typedArrayOfFormat(format: string | null): TypedArrayConstructor {
  const text = format ?? "B";
  const match = SCALAR.exec(text);
  if (match === null) throw new ValueError(`no TypedArray holds items of format '${text}'`);
  const [, order, code] = match as unknown as [string, string, string];
  if (order === ">" || order === "!" ? HOST_LITTLE_ENDIAN : order === "<" && !HOST_LITTLE_ENDIAN) {
    throw new ValueError(`no TypedArray holds items of format '${text}' (not the host's byte order)`);
  }
  const ctor = ofKind(code, formatItemsize(text));
  if (ctor === undefined) throw new ValueError(`no TypedArray holds items of format '${text}' on this runtime`);
  return ctor;
}
