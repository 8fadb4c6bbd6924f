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
 * The Python type name of `value`, as `Py_TYPE(v)->tp_name` would give it.
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
