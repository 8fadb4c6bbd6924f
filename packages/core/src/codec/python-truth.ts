/**
 * Python's truth test (`PyObject_IsTrue`) for JavaScript values.
 *
 * The `?` code packs `bool(v)`. Python and JavaScript agree on most values,
 * but not all: a NaN is true in Python, and an empty `bytes`, list or dict is
 * false. The values follow SPEC §2, so a `Uint8Array` is a `bytes`, an
 * array a list, a `Map` a dict and a `Set` a set; any other object with a
 * numeric `length` (a `bytearray`, an `array` or a `memoryview` of
 * `@mv/builtins`) is a sized container, false when empty, as Python falls
 * back on `__len__`.
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
 * @example
 * ```ts
 * [isPythonTrue({ length: 0 }), isPythonTrue(() => 1)]; // returns [false, true]
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
    case "function": // its `length` counts parameters, not items
      return true;
    default:
      break;
  }
  if (value === null) return false;
  if (Array.isArray(value)) return value.length !== 0;
  if (ArrayBuffer.isView(value)) return value.byteLength !== 0;
  if (value instanceof Map || value instanceof Set) return value.size !== 0;
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" ? length !== 0 : true;
}
