/**
 * Python's truth test (`PyObject_IsTrue`) for JavaScript values.
 *
 * The `?` code packs `bool(v)`. Python and JavaScript agree on most values,
 * but not all: a NaN is true in Python, and an empty `bytes`, list or dict is
 * false. The values follow CONTRACT §2, so a `Uint8Array` is a `bytes`, an
 * array a list, a `Map` a dict and a `Set` a set.
 *
 * @packageDocumentation
 */

/**
 * Whether `value` is true by Python's rules (`bool(value)`).
 *
 * @example
 * ```ts
 * isPythonTrue(Number.NaN); // returns true
 * ```
 * @example
 * ```ts
 * isPythonTrue(new Uint8Array(0)); // returns false
 * ```
 * @example
 * ```ts
 * isPythonTrue("0"); // returns true
 * ```
 */
export function isPythonTrue(value: unknown): boolean {
  switch (typeof value) {
    case "boolean":
      return value;
    case "number":
      return value !== 0;
    case "bigint":
      return value !== 0n;
    case "string":
      return value.length !== 0;
    case "undefined":
      return false;
    default:
      break;
  }
  if (value === null) return false;
  if (Array.isArray(value)) return value.length !== 0;
  if (ArrayBuffer.isView(value)) return value.byteLength !== 0;
  if (value instanceof Map || value instanceof Set) return value.size !== 0;
  return true;
}
