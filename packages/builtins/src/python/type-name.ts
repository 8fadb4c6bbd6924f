/**
 * The Python type name of a JavaScript value, for error messages worded like
 * CPython's (`"'%.200s' object cannot be interpreted as an integer"`,
 * `Py_TYPE(x)->tp_name`).
 *
 * The mapping follows the value mapping of SPEC §2: integral
 * numbers and bigints are `int`, other numbers `float`, strings `str`,
 * booleans `bool`, `null` and `undefined` `NoneType`, arrays `list`, a
 * `Uint8Array` `bytes`, a `Map` `dict`, a `Set` `set`, a plain object
 * `object`. An object
 * whose class declares a static `pythonName` (the builtins here do) reports
 * it; any other object reports its constructor's name.
 *
 * @param value - any JavaScript value
 * @returns the name CPython would print for the corresponding object
 *
 * @example
 * ```ts
 * pyTypeName(1.5); // returns "float"
 * pyTypeName(2n); // returns "int"
 * pyTypeName("x"); // returns "str"
 * pyTypeName(null); // returns "NoneType"
 * pyTypeName(new Uint8Array(1)); // returns "bytes"
 * ```
 */
export function pyTypeName(value: unknown): string {
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "undefined":
      return "NoneType";
    case "symbol":
      return "symbol";
    case "function":
      return "function";
    default:
      break;
  }
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  // As @mv/core names them (format/python-type-name.ts), so that memoryview
  // and struct name a value alike: a Uint8Array stands for bytes (§2), a Map
  // for a dict, a Set for a set, and Object itself for Python's object.
  if (value instanceof Uint8Array) return "bytes";
  if (value instanceof Map) return "dict";
  if (value instanceof Set) return "set";
  const ctor = (value as { constructor?: { pythonName?: unknown; name?: unknown } }).constructor;
  if (ctor && typeof ctor.pythonName === "string") return ctor.pythonName;
  if (ctor && typeof ctor.name === "string" && ctor.name !== "" && ctor.name !== "Object") return ctor.name;
  return "object";
}
