/**
 * Python's `==` between an item of a view and any value, for `count` and
 * `index` (`PyObject_RichCompareBool(item, value, Py_EQ)`): numbers,
 * bigints and booleans by numeric value (NaN equals nothing), byte strings
 * (`c`, `s`, `p` items; a `Uint8Array` or this package's `bytes`) by
 * content, tuples (multi-field items, JavaScript arrays) field by field.
 *
 * @packageDocumentation
 */
import { bytesContent } from "../bytes/bytes-brand.js";
import { valueEquals } from "../python/value-equals.js";

function byteString(value: unknown): Uint8Array | undefined {
  return value instanceof Uint8Array ? value : bytesContent(value);
}

/**
 * `item == value`.
 *
 * @example
 * ```ts
 * [itemEquals(1, 1n), itemEquals(1, true), itemEquals(NaN, NaN)]; // returns [true, true, false]
 * ```
 * @example
 * ```ts
 * [itemEquals(Uint8Array.of(97), bytes([97])), itemEquals(Uint8Array.of(97), 97)]; // returns [true, false]
 * ```
 * @example
 * ```ts
 * itemEquals([1, 2.5], [1n, 2.5]); // returns true
 * ```
 */
export function itemEquals(item: unknown, value: unknown): boolean {
  if (Array.isArray(item) || Array.isArray(value)) {
    if (!Array.isArray(item) || !Array.isArray(value) || item.length !== value.length) return false;
    for (let i = 0; i < item.length; i++) if (!itemEquals(item[i], value[i])) return false;
    return true;
  }
  const a = byteString(item);
  const b = byteString(value);
  if (a !== undefined || b !== undefined) {
    if (a === undefined || b === undefined || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return valueEquals(item, value);
}
