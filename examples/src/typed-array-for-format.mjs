// The TypedArray that holds a struct format's items, and back: the bridge
// between the protocol (formats, bytes) and libraries that index TypedArrays
// (ndarray, @stdlib/ndarray, Pyodide). Only single native-order items map;
// anything else has no TypedArray and is refused with ValueError, as
// NumPy refuses a buffer format it has no dtype for.
import { ValueError } from "@mv/core";

/** Struct character → TypedArray constructor, for host-order items. */
export const ARRAY_OF_FORMAT = Object.freeze({
  b: Int8Array,
  B: Uint8Array,
  h: Int16Array,
  H: Uint16Array,
  i: Int32Array,
  I: Uint32Array,
  q: BigInt64Array,
  Q: BigUint64Array,
  f: Float32Array,
  d: Float64Array,
});

const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The TypedArray constructor for `format` (null means "B", as in a
 * BufferInfo), or a ValueError naming the format.
 *
 * @param {string | null} format
 * @returns {Int8ArrayConstructor | Uint8ArrayConstructor | Float64ArrayConstructor | Function}
 */
export function typedArrayForFormat(format) {
  let char = format ?? "B";
  // "@", "=" and the host's own byte-order prefix all keep host order
  // (l/L/n/N are 8 bytes natively but 4 with "=", so they are left out).
  if (/^[@=]/.test(char) || (HOST_LITTLE_ENDIAN ? /^</ : /^[>!]/).test(char)) char = char.slice(1);
  const ctor = Object.hasOwn(ARRAY_OF_FORMAT, char) ? ARRAY_OF_FORMAT[char] : undefined;
  if (ctor === undefined) throw new ValueError(`no TypedArray holds items of format '${format}'`);
  return ctor;
}

/**
 * The struct format of a TypedArray's items ("B" for Uint8ClampedArray too).
 *
 * @param {ArrayBufferView} typedArray
 * @returns {string}
 */
export function formatOfTypedArray(typedArray) {
  if (typedArray instanceof Uint8ClampedArray) return "B";
  for (const [char, ctor] of Object.entries(ARRAY_OF_FORMAT)) if (typedArray instanceof ctor) return char;
  throw new TypeError(`not a numeric TypedArray: ${Object.prototype.toString.call(typedArray)}`);
}
