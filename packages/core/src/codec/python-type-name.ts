/**
 * The Python type name that CPython would print for a JavaScript value.
 *
 * CPython's messages name the argument's type (`"not int"`, `"not 'float'"`).
 * The names here are those of the Python objects the values stand for in
 * SPEC §2: a `bigint` or an integral `number` is an `int`, any other
 * `number` a `float`, a `Uint8Array` a `bytes`.
 *
 * @packageDocumentation
 */

/**
 * The Python type name of `value`, as `Py_TYPE(v)->tp_name` would give it,
 * for error messages worded like CPython's. Both @mv/core and @mv/builtins
 * name values through this one function, so struct and memoryview agree.
 *
 * Integral numbers and bigints are `int`, other numbers `float`, strings
 * `str`, booleans `bool`, `null` and `undefined` `NoneType`, arrays `list`, a
 * `Uint8Array` `bytes`, a `Map` `dict`, a `Set` `set`, a plain object (or
 * one without a prototype) `object`. An object whose class declares a static
 * `pythonName` (the builtins' classes do) reports it; any other object
 * reports its class's name. The class is read from the prototype, never from
 * an own `constructor` property, and a hostile object (a revoked Proxy)
 * gives `object` rather than throwing.
 *
 * @param value - any JavaScript value
 * @returns the name CPython would print for the corresponding object
 *
 * @example
 * ```ts
 * pythonTypeName(5); // returns "int"
 * ```
 * @example
 * ```ts
 * pythonTypeName(1.5); // returns "float"
 * ```
 * @example
 * ```ts
 * pythonTypeName(null); // returns "NoneType"
 * ```
 */
export function pythonTypeName(value: unknown): string {
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "bigint":
      return "int";
    case "boolean":
      return "bool";
    case "string":
      return "str";
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
  if (value instanceof Uint8Array) return "bytes";
  if (value instanceof Map) return "dict";
  if (value instanceof Set) return "set";
  try {
    // A class may say what Python calls it (the builtins' `bytes` is class
    // Bytes, Python's `bytes`): a static `pythonName` wins over its JS name.
    const ctor = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown; pythonName?: unknown } } | null)?.constructor;
    if (typeof ctor?.pythonName === "string") return ctor.pythonName;
    const name = ctor?.name;
    return typeof name === "string" && name !== "" && name !== "Object" ? name : "object";
  } catch {
    return "object";
  }
}
